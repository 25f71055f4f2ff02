package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of UNREGISTER_CLIENT (35) requests: a client leaves a producer and/or consumer group.
 *
 * @param clientID the client id ({@code ip@instance})
 * @param producerGroup the producer group it leaves, or {@code null}
 * @param consumerGroup the consumer group it leaves, or {@code null}
 */
public record UnregisterClientRequestHeader(
        String clientID,
        String producerGroup,
        String consumerGroup) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public UnregisterClientRequestHeader {
        Objects.requireNonNull(clientID, "clientID");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static UnregisterClientRequestHeader from(Map<String, String> extFields) {
        return new UnregisterClientRequestHeader(
                ExtFields.requiredString(extFields, "clientID"),
                ExtFields.optionalString(extFields, "producerGroup"),
                ExtFields.optionalString(extFields, "consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "clientID", clientID);
        ExtFields.put(extFields, "producerGroup", producerGroup);
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
    }
}
