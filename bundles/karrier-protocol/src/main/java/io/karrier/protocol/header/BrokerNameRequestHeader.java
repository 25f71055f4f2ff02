package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327) requests to the
 * name server.
 *
 * @param brokerName the broker name
 */
public record BrokerNameRequestHeader(
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public BrokerNameRequestHeader {
        Objects.requireNonNull(brokerName, "brokerName");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static BrokerNameRequestHeader from(Map<String, String> extFields) {
        return new BrokerNameRequestHeader(
                ExtFields.requiredString(extFields, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "brokerName", brokerName);
    }
}
