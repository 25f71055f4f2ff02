package io.karrier.broker.internal;

import java.util.Optional;

import io.karrier.protocol.body.SubscriptionData;

/**
 * The subscriptions consumer groups registered by heartbeat, as the pull path needs them: a push
 * consumer's pull names its group and topic but carries no subscription. Thread-safe.
 */
@FunctionalInterface
public interface SubscriptionLookup {

    /**
     * @param group the consumer group
     * @param topic the topic
     * @return the group's current subscription to the topic, or empty if the group is unknown or
     *         does not subscribe to it
     */
    Optional<SubscriptionData> find(String group, String topic);
}
