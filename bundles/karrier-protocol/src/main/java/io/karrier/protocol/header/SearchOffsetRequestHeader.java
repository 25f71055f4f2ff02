package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of SEARCH_OFFSET_BY_TIMESTAMP (29) requests.
 *
 * @param topic the topic
 * @param queueId the queue
 * @param timestamp store time in ms to look for
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record SearchOffsetRequestHeader(
        String topic,
        int queueId,
        long timestamp,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public SearchOffsetRequestHeader {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static SearchOffsetRequestHeader from(Map<String, String> extFields) {
        return new SearchOffsetRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.requiredLong(extFields, "timestamp"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "timestamp", timestamp);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
