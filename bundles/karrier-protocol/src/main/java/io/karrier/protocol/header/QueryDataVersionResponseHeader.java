package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of QUERY_DATA_VERSION (322) responses.
 *
 * @param changed whether the broker's data version differs from the name server's
 */
public record QueryDataVersionResponseHeader(
        boolean changed) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueryDataVersionResponseHeader from(Map<String, String> extFields) {
        return new QueryDataVersionResponseHeader(
                ExtFields.requiredBoolean(extFields, "changed"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "changed", changed);
    }
}
