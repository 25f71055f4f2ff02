package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of CONSUME_MESSAGE_DIRECTLY (309) requests, which the broker forwards to the client.
 *
 * @param consumerGroup the consumer group
 * @param clientId the client id, or {@code null}
 * @param msgId the message id, or {@code null}
 * @param brokerName the broker holding the message, or {@code null}
 */
public record ConsumeMessageDirectlyRequestHeader(
        String consumerGroup,
        String clientId,
        String msgId,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public ConsumeMessageDirectlyRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static ConsumeMessageDirectlyRequestHeader from(Map<String, String> extFields) {
        return new ConsumeMessageDirectlyRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"),
                ExtFields.optionalString(extFields, "clientId"),
                ExtFields.optionalString(extFields, "msgId"),
                ExtFields.optionalString(extFields, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
        ExtFields.put(extFields, "clientId", clientId);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "brokerName", brokerName);
    }
}
