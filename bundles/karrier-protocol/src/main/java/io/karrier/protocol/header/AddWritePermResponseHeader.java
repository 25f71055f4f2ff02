package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of ADD_WRITE_PERM_OF_BROKER (327) responses.
 *
 * @param addTopicCount how many topics got write permission back
 */
public record AddWritePermResponseHeader(
        int addTopicCount) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static AddWritePermResponseHeader from(Map<String, String> extFields) {
        return new AddWritePermResponseHeader(
                ExtFields.requiredInt(extFields, "addTopicCount"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "addTopicCount", addTopicCount);
    }
}
