package io.karrier.protocol.message;

import static io.karrier.protocol.message.StoredMessageLayout.BODY_CRC_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.BORN_HOST_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.BORN_TIMESTAMP_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.FLAG_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.MAGIC_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.PHYSICAL_OFFSET_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.QUEUE_ID_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.QUEUE_OFFSET_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.SYS_FLAG_OFFSET;
import static io.karrier.protocol.message.StoredMessageLayout.TOTAL_SIZE_OFFSET;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes v1 stored-message records ({@link StoredMessageLayout}) into a caller's buffer, typically a
 * memory-mapped commit-log segment, and patches the store-assigned fields afterwards.
 *
 * <p>The body is copied once, from the message's buffer straight into the target; nothing passes
 * through an intermediate heap array. A record is written completely or not at all: space is checked
 * before the first byte. The target must be big-endian (the {@link ByteBuffer} default).
 *
 * <p>Stateless; thread-safe as long as callers do not write the same region of a buffer
 * concurrently (the store's single appender guarantees that).
 */
public final class StoredMessageEncoder {

    private StoredMessageEncoder() {
    }

    /**
     * Writes a record at the buffer's position and advances the position past it.
     *
     * @param target         the buffer; needs {@link StorableMessage#recordSize()} bytes remaining
     * @param message        the message
     * @param queueOffset    QUEUEOFFSET (may be patched later)
     * @param physicalOffset PHYSICALOFFSET, the commit-log offset of this record (may be patched later)
     * @param storeTimestamp STORETIMESTAMP (may be patched later)
     * @return the record size written
     * @throws BufferOverflowException when the record does not fit; nothing is written then
     */
    public static int write(ByteBuffer target, StorableMessage message, long queueOffset, long physicalOffset,
            long storeTimestamp) {
        int size = message.recordSize();
        if (target.remaining() < size) {
            throw new BufferOverflowException();
        }
        int start = target.position();
        int sysFlag = message.sysFlag();
        target.putInt(start + TOTAL_SIZE_OFFSET, size);
        target.putInt(start + MAGIC_OFFSET, StoredMessageLayout.MAGIC_V1);
        target.putInt(start + BODY_CRC_OFFSET, message.bodyCrc());
        target.putInt(start + QUEUE_ID_OFFSET, message.queueId());
        target.putInt(start + FLAG_OFFSET, message.flag());
        target.putLong(start + QUEUE_OFFSET_OFFSET, queueOffset);
        target.putLong(start + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        target.putInt(start + SYS_FLAG_OFFSET, sysFlag);
        target.putLong(start + BORN_TIMESTAMP_OFFSET, message.bornTimestamp());
        message.bornHost().write(target, start + BORN_HOST_OFFSET);
        target.putLong(start + StoredMessageLayout.storeTimestampOffset(sysFlag), storeTimestamp);
        message.storeHost().write(target, start + StoredMessageLayout.storeHostOffset(sysFlag));
        target.putInt(start + StoredMessageLayout.reconsumeTimesOffset(sysFlag), message.reconsumeTimes());
        target.putLong(start + StoredMessageLayout.preparedTransactionOffsetOffset(sysFlag),
                message.preparedTransactionOffset());
        int index = start + StoredMessageLayout.bodyLengthOffset(sysFlag);
        ByteBuffer body = message.bodyBuffer();
        target.putInt(index, body.remaining());
        index += 4;
        target.put(index, body, body.position(), body.remaining());
        index += body.remaining();
        byte[] topic = message.topicBytes();
        target.put(index, (byte) topic.length);
        target.put(index + 1, topic);
        index += 1 + topic.length;
        byte[] properties = message.propertiesBytes();
        target.putShort(index, (short) properties.length);
        target.put(index + 2, properties);
        target.position(start + size);
        return size;
    }

    /**
     * Overwrites QUEUEOFFSET of a written record.
     *
     * @param buffer      the buffer holding the record
     * @param recordStart index of the record's first byte
     * @param queueOffset the new value
     */
    public static void patchQueueOffset(ByteBuffer buffer, int recordStart, long queueOffset) {
        buffer.putLong(recordStart + QUEUE_OFFSET_OFFSET, queueOffset);
    }

    /**
     * Overwrites PHYSICALOFFSET of a written record.
     *
     * @param buffer         the buffer holding the record
     * @param recordStart    index of the record's first byte
     * @param physicalOffset the new value
     */
    public static void patchPhysicalOffset(ByteBuffer buffer, int recordStart, long physicalOffset) {
        buffer.putLong(recordStart + PHYSICAL_OFFSET_OFFSET, physicalOffset);
    }

    /**
     * Overwrites STORETIMESTAMP of a written record; its place depends on the record's sysFlag,
     * which is read from the record.
     *
     * @param buffer         the buffer holding the record
     * @param recordStart    index of the record's first byte
     * @param storeTimestamp the new value, ms
     */
    public static void patchStoreTimestamp(ByteBuffer buffer, int recordStart, long storeTimestamp) {
        int sysFlag = buffer.getInt(recordStart + SYS_FLAG_OFFSET);
        buffer.putLong(recordStart + StoredMessageLayout.storeTimestampOffset(sysFlag), storeTimestamp);
    }

    /**
     * Writes the end-of-segment filler at the buffer's position: TOTALSIZE = {@code remaining} and
     * {@link StoredMessageLayout#BLANK_MAGIC}. Readers skip {@code remaining} bytes to the next
     * segment. Advances the position by {@code remaining}.
     *
     * @param target    the buffer
     * @param remaining bytes left in the segment, at least {@link StoredMessageLayout#BLANK_HEADER_SIZE}
     * @throws IllegalArgumentException when {@code remaining} is under 8 or over what the buffer has
     */
    public static void writeBlank(ByteBuffer target, int remaining) {
        if (remaining < StoredMessageLayout.BLANK_HEADER_SIZE || remaining > target.remaining()) {
            throw new IllegalArgumentException("a blank of " + remaining + " bytes does not fit "
                    + target.remaining() + " remaining bytes");
        }
        int start = target.position();
        target.putInt(start + TOTAL_SIZE_OFFSET, remaining);
        target.putInt(start + MAGIC_OFFSET, StoredMessageLayout.BLANK_MAGIC);
        target.position(start + remaining);
    }
}
