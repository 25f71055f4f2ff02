package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of GET_KV_CONFIG (101) responses.
 *
 * @param value the value, or {@code null}
 */
public record GetKvConfigResponseHeader(
        String value) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetKvConfigResponseHeader from(Map<String, String> extFields) {
        return new GetKvConfigResponseHeader(
                ExtFields.optionalString(extFields, "value"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "value", value);
    }
}
