package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of QUERY_CONSUMER_OFFSET (14) requests: a group's stored offset in one queue.
 *
 * @param consumerGroup the consumer group
 * @param topic the topic
 * @param queueId the queue
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record QueryConsumerOffsetRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public QueryConsumerOffsetRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueryConsumerOffsetRequestHeader from(Map<String, String> extFields) {
        return new QueryConsumerOffsetRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"),
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
