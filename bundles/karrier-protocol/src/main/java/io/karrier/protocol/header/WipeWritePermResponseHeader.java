package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of WIPE_WRITE_PERM_OF_BROKER (205) responses.
 *
 * @param wipeTopicCount how many topics lost write permission
 */
public record WipeWritePermResponseHeader(
        int wipeTopicCount) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static WipeWritePermResponseHeader from(Map<String, String> extFields) {
        return new WipeWritePermResponseHeader(
                ExtFields.requiredInt(extFields, "wipeTopicCount"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "wipeTopicCount", wipeTopicCount);
    }
}
