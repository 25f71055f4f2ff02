package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_CONSUME_STATS (208) requests.
 *
 * @param consumerGroup the consumer group
 * @param topic the topic, or {@code null} for all the group's topics
 */
public record GetConsumeStatsRequestHeader(
        String consumerGroup,
        String topic) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetConsumeStatsRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetConsumeStatsRequestHeader from(Map<String, String> extFields) {
        return new GetConsumeStatsRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"),
                ExtFields.optionalString(extFields, "topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
        ExtFields.put(extFields, "topic", topic);
    }
}
