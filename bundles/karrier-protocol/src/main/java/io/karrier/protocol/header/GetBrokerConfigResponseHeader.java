package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_BROKER_CONFIG (26) responses.
 *
 * @param version the broker config's data version, as text
 */
public record GetBrokerConfigResponseHeader(
        String version) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetBrokerConfigResponseHeader {
        Objects.requireNonNull(version, "version");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetBrokerConfigResponseHeader from(Map<String, String> extFields) {
        return new GetBrokerConfigResponseHeader(
                ExtFields.requiredString(extFields, "version"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "version", version);
    }
}
