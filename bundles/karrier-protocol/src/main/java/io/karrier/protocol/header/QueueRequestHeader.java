package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of the requests that name one queue of a topic: GET_MAX_OFFSET (30), GET_MIN_OFFSET (31)
 * and GET_EARLIEST_MSG_STORETIME (32).
 *
 * @param topic the topic
 * @param queueId the queue
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record QueueRequestHeader(
        String topic,
        int queueId,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public QueueRequestHeader {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueueRequestHeader from(Map<String, String> extFields) {
        return new QueueRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
