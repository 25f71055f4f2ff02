package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_CONSUMER_RUNNING_INFO (307) requests, which the broker forwards to the client.
 *
 * @param consumerGroup the consumer group
 * @param clientId the client id
 * @param jstackEnable whether the client should include a thread dump; absent means {@code false}
 */
public record GetConsumerRunningInfoRequestHeader(
        String consumerGroup,
        String clientId,
        boolean jstackEnable) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetConsumerRunningInfoRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetConsumerRunningInfoRequestHeader from(Map<String, String> extFields) {
        return new GetConsumerRunningInfoRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"),
                ExtFields.requiredString(extFields, "clientId"),
                ExtFields.booleanOrFalse(extFields, "jstackEnable"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
        ExtFields.put(extFields, "clientId", clientId);
        ExtFields.put(extFields, "jstackEnable", jstackEnable);
    }
}
