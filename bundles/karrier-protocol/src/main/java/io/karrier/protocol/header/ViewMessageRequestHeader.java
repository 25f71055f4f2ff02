package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of VIEW_MESSAGE_BY_ID (33) requests.
 *
 * @param offset the commit-log (physical) offset of the message
 */
public record ViewMessageRequestHeader(
        long offset) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static ViewMessageRequestHeader from(Map<String, String> extFields) {
        return new ViewMessageRequestHeader(
                ExtFields.requiredLong(extFields, "offset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
    }
}
