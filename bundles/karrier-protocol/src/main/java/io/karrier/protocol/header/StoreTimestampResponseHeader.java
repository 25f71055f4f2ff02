package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of GET_EARLIEST_MSG_STORETIME (32) responses.
 *
 * @param timestamp store time in ms of the queue's earliest message
 */
public record StoreTimestampResponseHeader(
        long timestamp) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static StoreTimestampResponseHeader from(Map<String, String> extFields) {
        return new StoreTimestampResponseHeader(
                ExtFields.requiredLong(extFields, "timestamp"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "timestamp", timestamp);
    }
}
