package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of INVOKE_BROKER_TO_RESET_OFFSET (222) requests, and of RESET_CONSUMER_CLIENT_OFFSET (220)
 * sent on by the broker to each client.
 *
 * @param topic the topic
 * @param group the consumer group
 * @param timestamp reset to the first message stored at or after this time (ms)
 * @param force whether to move offsets forward as well as back (key {@code isForce})
 */
public record ResetOffsetRequestHeader(
        String topic,
        String group,
        long timestamp,
        boolean force) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public ResetOffsetRequestHeader {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static ResetOffsetRequestHeader from(Map<String, String> extFields) {
        return new ResetOffsetRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "group"),
                ExtFields.requiredLong(extFields, "timestamp"),
                ExtFields.requiredBoolean(extFields, "isForce"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "group", group);
        ExtFields.put(extFields, "timestamp", timestamp);
        ExtFields.put(extFields, "isForce", force);
    }
}
