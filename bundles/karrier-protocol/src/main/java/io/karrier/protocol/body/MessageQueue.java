package io.karrier.protocol.body;

import java.util.Comparator;
import java.util.Objects;

/**
 * One queue of a topic on one broker: {@code {"brokerName":"b","queueId":0,"topic":"t"}}.
 * Equality, hash and order are RocketMQ's: by topic, then broker name, then queue id, with
 * {@code null} names allowed (they sort first).
 *
 * @param brokerName the broker name (not address) hosting the queue
 * @param queueId the queue index within the topic on that broker
 * @param topic the topic
 */
public record MessageQueue(String brokerName, int queueId, String topic) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator
            .comparing(MessageQueue::topic, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(MessageQueue::brokerName, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(MessageQueue::queueId);

    /** @return the queue {@code topic/brokerName/queueId}, in RocketMQ's constructor order */
    public static MessageQueue of(String topic, String brokerName, int queueId) {
        return new MessageQueue(brokerName, queueId, topic);
    }

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageQueue q && queueId == q.queueId && Objects.equals(topic, q.topic)
                && Objects.equals(brokerName, q.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerName, queueId, topic);
    }
}
