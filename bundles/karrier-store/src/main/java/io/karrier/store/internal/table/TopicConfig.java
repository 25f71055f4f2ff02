package io.karrier.store.internal.table;

import java.util.Objects;

/**
 * One topic's configuration as RocketMQ's {@code TopicConfig} serializes it (REMOTING.md §3.3):
 * queue counts, permission bits ({@code PERM_READ}=4, {@code PERM_WRITE}=2, {@code PERM_INHERIT}=1),
 * tag filter type, system flag bits and the ordered flag. Immutable.
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
        FilterType topicFilterType, int topicSysFlag, boolean order) {

    /** RocketMQ's {@code TopicFilterType}. */
    public enum FilterType { SINGLE_TAG, MULTI_TAG }

    /** RocketMQ's defaults for a new topic: 16 read and write queues, read-write, single tag. */
    public static final int DEFAULT_QUEUE_NUMS = 16;
    public static final int PERM_READ_WRITE = 6;

    public TopicConfig {
        if (topicName == null || topicName.isEmpty()) {
            throw new IllegalArgumentException("topicName is missing");
        }
        if (readQueueNums < 0 || writeQueueNums < 0) {
            throw new IllegalArgumentException("negative queue count for " + topicName);
        }
        // Older files may lack the field; RocketMQ's own default is SINGLE_TAG.
        topicFilterType = Objects.requireNonNullElse(topicFilterType, FilterType.SINGLE_TAG);
    }

    /** A topic with RocketMQ's defaults. */
    public static TopicConfig withDefaults(String topicName) {
        return new TopicConfig(topicName, DEFAULT_QUEUE_NUMS, DEFAULT_QUEUE_NUMS, PERM_READ_WRITE,
                FilterType.SINGLE_TAG, 0, false);
    }
}
