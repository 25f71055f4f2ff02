package io.karrier.protocol.body;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A topic as a broker configures and registers it (REMOTING.md §3.3). A property missing from the
 * JSON takes RocketMQ's default: 16 read and 16 write queues, perm 6 (read + write), SINGLE_TAG,
 * sys flag 0, not ordered.
 *
 * @param topicName the topic
 * @param readQueueNums queues consumers read, ids {@code 0..readQueueNums-1}
 * @param writeQueueNums queues producers write
 * @param perm PermName bits: 8 priority, 4 read, 2 write, 1 inherit
 * @param topicFilterType the tag filter type
 * @param topicSysFlag TopicSysFlag bits: 1 unit topic, 2 has unit subscription
 * @param order whether the topic is ordered
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
        TopicFilterType topicFilterType, int topicSysFlag, boolean order) {

    /** RocketMQ's default queue count, read and write. */
    public static final int DEFAULT_QUEUE_NUMS = 16;
    /** RocketMQ's default perm: read and write. */
    public static final int DEFAULT_PERM = 6;

    /** A {@code null} filter type becomes SINGLE_TAG, what RocketMQ reads when the property is absent. */
    public TopicConfig {
        if (topicFilterType == null) {
            topicFilterType = TopicFilterType.SINGLE_TAG;
        }
    }

    /** @return a topic with RocketMQ's defaults for everything but the name */
    public static TopicConfig of(String topicName) {
        return new TopicConfig(topicName, DEFAULT_QUEUE_NUMS, DEFAULT_QUEUE_NUMS, DEFAULT_PERM,
                TopicFilterType.SINGLE_TAG, 0, false);
    }

    @JsonCreator
    static TopicConfig read(@JsonProperty("topicName") String topicName,
            @JsonProperty("readQueueNums") Integer readQueueNums,
            @JsonProperty("writeQueueNums") Integer writeQueueNums,
            @JsonProperty("perm") Integer perm,
            @JsonProperty("topicFilterType") TopicFilterType topicFilterType,
            @JsonProperty("topicSysFlag") Integer topicSysFlag,
            @JsonProperty("order") Boolean order) {
        return new TopicConfig(topicName,
                readQueueNums != null ? readQueueNums : DEFAULT_QUEUE_NUMS,
                writeQueueNums != null ? writeQueueNums : DEFAULT_QUEUE_NUMS,
                perm != null ? perm : DEFAULT_PERM,
                topicFilterType != null ? topicFilterType : TopicFilterType.SINGLE_TAG,
                topicSysFlag != null ? topicSysFlag : 0,
                order != null && order);
    }
}
