package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of the responses that carry one queue offset: QUERY_CONSUMER_OFFSET (14),
 * SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET (30) and GET_MIN_OFFSET (31).
 *
 * @param offset the offset
 */
public record OffsetResponseHeader(
        long offset) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static OffsetResponseHeader from(Map<String, String> extFields) {
        return new OffsetResponseHeader(
                ExtFields.requiredLong(extFields, "offset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
    }
}
