package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) requests, and of
 * GET_CONSUMER_STATUS_FROM_CLIENT (221) sent on by the broker.
 *
 * @param topic the topic
 * @param group the consumer group
 * @param clientAddr one client's address, or {@code null} for all
 */
public record GetConsumerStatusRequestHeader(
        String topic,
        String group,
        String clientAddr) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetConsumerStatusRequestHeader {
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
    public static GetConsumerStatusRequestHeader from(Map<String, String> extFields) {
        return new GetConsumerStatusRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "group"),
                ExtFields.optionalString(extFields, "clientAddr"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "group", group);
        ExtFields.put(extFields, "clientAddr", clientAddr);
    }
}
