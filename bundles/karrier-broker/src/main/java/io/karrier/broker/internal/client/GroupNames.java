package io.karrier.broker.internal.client;

import java.util.Optional;

import io.karrier.broker.internal.topic.TopicNames;

/**
 * RocketMQ's rule for producer and consumer group names, which its client checks before it starts
 * (Validators.checkGroup): {@code [%|a-zA-Z0-9_-]}, at most 255 characters. The broker checks too, so
 * a name cannot break the tables keyed by it ({@code topic@group} offsets).
 */
final class GroupNames {

    private static final int MAX_LENGTH = 255;

    private GroupNames() {
    }

    /** @return what is wrong with the name, or empty if it is fine */
    static Optional<String> problem(String group) {
        if (group == null || group.isBlank()) {
            return Optional.of("the group name is blank");
        }
        if (group.length() > MAX_LENGTH) {
            return Optional.of("the group name is longer than " + MAX_LENGTH + " characters");
        }
        if (!TopicNames.validCharacters(group)) {
            return Optional.of("the group name " + group + " contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        return Optional.empty();
    }
}
