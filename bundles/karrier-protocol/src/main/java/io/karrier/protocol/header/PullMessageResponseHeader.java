package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of PULL_MESSAGE (11) responses. All four fields must be present, whatever the response
 * code: the client reads them on every answer.
 *
 * @param suggestWhichBrokerId the broker id (0 = master) the client should pull from next
 * @param nextBeginOffset the offset to pull from next
 * @param minOffset the queue's smallest offset
 * @param maxOffset the queue's next offset to be written
 */
public record PullMessageResponseHeader(
        long suggestWhichBrokerId,
        long nextBeginOffset,
        long minOffset,
        long maxOffset) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static PullMessageResponseHeader from(Map<String, String> extFields) {
        return new PullMessageResponseHeader(
                ExtFields.requiredLong(extFields, "suggestWhichBrokerId"),
                ExtFields.requiredLong(extFields, "nextBeginOffset"),
                ExtFields.requiredLong(extFields, "minOffset"),
                ExtFields.requiredLong(extFields, "maxOffset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "suggestWhichBrokerId", suggestWhichBrokerId);
        ExtFields.put(extFields, "nextBeginOffset", nextBeginOffset);
        ExtFields.put(extFields, "minOffset", minOffset);
        ExtFields.put(extFields, "maxOffset", maxOffset);
    }
}
