package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of QUERY_MESSAGE (12) responses: how far the key index had got.
 *
 * @param indexLastUpdateTimestamp store time of the last indexed message
 * @param indexLastUpdatePhyoffset commit-log offset of the last indexed message
 */
public record QueryMessageResponseHeader(
        long indexLastUpdateTimestamp,
        long indexLastUpdatePhyoffset) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueryMessageResponseHeader from(Map<String, String> extFields) {
        return new QueryMessageResponseHeader(
                ExtFields.requiredLong(extFields, "indexLastUpdateTimestamp"),
                ExtFields.requiredLong(extFields, "indexLastUpdatePhyoffset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "indexLastUpdateTimestamp", indexLastUpdateTimestamp);
        ExtFields.put(extFields, "indexLastUpdatePhyoffset", indexLastUpdatePhyoffset);
    }
}
