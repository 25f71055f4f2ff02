package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of the requests that name only a consumer group: GET_CONSUMER_LIST_BY_GROUP (38),
 * NOTIFY_CONSUMER_IDS_CHANGED (40, broker to client) and GET_CONSUMER_CONNECTION_LIST (203).
 *
 * @param consumerGroup the consumer group
 */
public record ConsumerGroupRequestHeader(
        String consumerGroup) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public ConsumerGroupRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static ConsumerGroupRequestHeader from(Map<String, String> extFields) {
        return new ConsumerGroupRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
    }
}
