package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored-message records ({@link StoredMessageLayout}) from a buffer and checks that their
 * lengths are consistent before anything relies on them.
 *
 * <p>All reads are absolute: the buffer's position and limit are never changed, and the body is
 * not copied (the returned {@link StoredMessageView} reads the caller's buffer). Validation covers
 * the record bounds against the buffer's limit, the magic code, and each variable length against
 * what is left of TOTALSIZE, so a corrupt or truncated record ends in a
 * {@link MalformedMessageException} naming the field, never in an index error. The body CRC is not
 * checked here (it costs a pass over the body); see {@link StoredMessageView#hasValidBodyCrc()}.
 *
 * <p>Both magic codes are accepted: v1 (topic length 1 byte) and the 5.x v2 (topic length 2 bytes).
 * Stateless; thread-safe.
 */
public final class StoredMessageDecoder {

    private StoredMessageDecoder() {
    }

    /**
     * Decodes the record starting at {@code index}; it must end before the buffer's limit.
     *
     * @param buffer the buffer
     * @param index  absolute index of the record's TOTALSIZE
     * @return a view of the record, valid while the buffer's bytes stay unchanged
     * @throws MalformedMessageException when the bytes there are not a complete, consistent record
     */
    public static StoredMessageView decode(ByteBuffer buffer, int index) {
        int available = buffer.limit() - index;
        if (index < 0 || available < StoredMessageLayout.BLANK_HEADER_SIZE) {
            throw new MalformedMessageException("truncated record: " + Math.max(available, 0)
                    + " bytes at index " + index + ", need at least 8 for TOTALSIZE and MAGICCODE");
        }
        int totalSize = buffer.getInt(index + StoredMessageLayout.TOTAL_SIZE_OFFSET);
        int magic = buffer.getInt(index + StoredMessageLayout.MAGIC_OFFSET);
        if (magic == StoredMessageLayout.BLANK_MAGIC) {
            throw new MalformedMessageException("end-of-segment blank at index " + index + ", not a message");
        }
        if (magic != StoredMessageLayout.MAGIC_V1 && magic != StoredMessageLayout.MAGIC_V2) {
            throw new MalformedMessageException("bad magic code 0x" + Integer.toHexString(magic)
                    + " at index " + index);
        }
        int topicLengthSize = magic == StoredMessageLayout.MAGIC_V1 ? 1 : 2;
        int minimum = StoredMessageLayout.MIN_RECORD_SIZE_IPV4 - 1 + topicLengthSize;
        if (totalSize < minimum) {
            throw new MalformedMessageException("TOTALSIZE " + totalSize + " is below the minimum record size "
                    + minimum);
        }
        if (totalSize > available) {
            throw new MalformedMessageException("truncated record: TOTALSIZE " + totalSize + " but only "
                    + available + " bytes available");
        }
        int sysFlag = buffer.getInt(index + StoredMessageLayout.SYS_FLAG_OFFSET);
        int bodyLengthIndex = index + StoredMessageLayout.bodyLengthOffset(sysFlag);
        int end = index + totalSize;
        if (end - bodyLengthIndex < 4 + topicLengthSize + 2) {
            throw new MalformedMessageException("TOTALSIZE " + totalSize + " is too small for the IPv6 hosts"
                    + " announced by sysFlag 0x" + Integer.toHexString(sysFlag));
        }
        int bodyLength = buffer.getInt(bodyLengthIndex);
        int bodyIndex = bodyLengthIndex + 4;
        checkFits("body", bodyLength, bodyIndex, end - topicLengthSize - 2);
        int topicLengthIndex = bodyIndex + bodyLength;
        int topicLength = topicLengthSize == 1 ? buffer.get(topicLengthIndex) : buffer.getShort(topicLengthIndex);
        if (topicLength == 0) {
            throw new MalformedMessageException("empty topic");
        }
        int topicIndex = topicLengthIndex + topicLengthSize;
        checkFits("topic", topicLength, topicIndex, end - 2);
        int propertiesLengthIndex = topicIndex + topicLength;
        int propertiesLength = buffer.getShort(propertiesLengthIndex);
        int propertiesIndex = propertiesLengthIndex + 2;
        checkFits("properties", propertiesLength, propertiesIndex, end);
        if (propertiesIndex + propertiesLength != end) {
            throw new MalformedMessageException("TOTALSIZE " + totalSize + " disagrees with the fields, which take "
                    + (propertiesIndex + propertiesLength - index) + " bytes");
        }
        return new StoredMessageView(buffer, index, magic, sysFlag, bodyIndex, bodyLength, topicIndex, topicLength,
                propertiesIndex, propertiesLength);
    }

    /**
     * Decodes back-to-back records between the buffer's position and limit, as a PULL_MESSAGE,
     * QUERY_MESSAGE or VIEW_MESSAGE_BY_ID response body holds them. Unlike the 4.x client, which
     * silently stops at the first bad record, this fails.
     *
     * @param buffer the buffer; its position is not changed
     * @return the records in order
     * @throws MalformedMessageException when any record is bad or the last one is cut off
     */
    public static List<StoredMessageView> decodeAll(ByteBuffer buffer) {
        List<StoredMessageView> records = new ArrayList<>();
        int index = buffer.position();
        while (index < buffer.limit()) {
            StoredMessageView record = decode(buffer, index);
            records.add(record);
            index += record.totalSize();
        }
        return records;
    }

    /**
     * Whether the bytes at {@code index} are the end-of-segment blank; a store scanning a segment
     * skips to the next one then.
     *
     * @param buffer the buffer
     * @param index  absolute index of a record's TOTALSIZE
     * @return true when at least 8 bytes are there and the magic is {@link StoredMessageLayout#BLANK_MAGIC}
     */
    public static boolean isBlank(ByteBuffer buffer, int index) {
        return index >= 0 && buffer.limit() - index >= StoredMessageLayout.BLANK_HEADER_SIZE
                && buffer.getInt(index + StoredMessageLayout.MAGIC_OFFSET) == StoredMessageLayout.BLANK_MAGIC;
    }

    private static void checkFits(String field, int length, int from, int until) {
        if (length < 0) {
            throw new MalformedMessageException(field + " length " + length + " is negative");
        }
        if (length > until - from) {
            throw new MalformedMessageException(field + " length " + length + " exceeds the " + (until - from)
                    + " bytes left in the record");
        }
    }
}
