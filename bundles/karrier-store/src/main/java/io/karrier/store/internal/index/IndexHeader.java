package io.karrier.store.internal.index;

import java.nio.ByteBuffer;

/**
 * The 40-byte header at the start of an index file, big-endian as RocketMQ writes it:
 *
 * <pre>
 *  0 beginTimestamp int64  store time of the first entry, ms (0 while empty)
 *  8 endTimestamp   int64  latest store time of any entry, ms
 * 16 beginPhyOffset int64  commit-log offset of the first entry
 * 24 endPhyOffset   int64  commit-log offset of the last entry
 * 32 hashSlotCount  int32  slots in use (RocketMQ counts used slots here, not the table size)
 * 36 indexCount     int32  next entry number; starts at 1, entry 0 is never used
 * </pre>
 *
 * Each field is mirrored in a volatile so readers never read the mapping for header values. The
 * begin fields are written before the first entry (entries' times are relative to
 * beginTimestamp), the others after each entry is linked, so after a process crash the header
 * lags the entries by at most one; {@link IndexFile} repairs that on open.
 *
 * <p>Thread-safety: one writer calls the mutators; any thread may call the getters.
 */
final class IndexHeader {

    static final int SIZE = 40;
    private static final int BEGIN_TIMESTAMP = 0;
    private static final int END_TIMESTAMP = 8;
    private static final int BEGIN_PHY_OFFSET = 16;
    private static final int END_PHY_OFFSET = 24;
    private static final int HASH_SLOT_COUNT = 32;
    private static final int INDEX_COUNT = 36;

    private final ByteBuffer buffer;
    private volatile long beginTimestamp;
    private volatile long endTimestamp;
    private volatile long beginPhyOffset;
    private volatile long endPhyOffset;
    private volatile int hashSlotCount;
    private volatile int indexCount;

    IndexHeader(ByteBuffer buffer) {
        this.buffer = buffer;
        beginTimestamp = buffer.getLong(BEGIN_TIMESTAMP);
        endTimestamp = buffer.getLong(END_TIMESTAMP);
        beginPhyOffset = buffer.getLong(BEGIN_PHY_OFFSET);
        endPhyOffset = buffer.getLong(END_PHY_OFFSET);
        hashSlotCount = buffer.getInt(HASH_SLOT_COUNT);
        indexCount = Math.max(1, buffer.getInt(INDEX_COUNT));
    }

    /** Records the first entry's time and offset; called before that entry is written. */
    void begin(long timestamp, long phyOffset) {
        beginTimestamp = timestamp;
        beginPhyOffset = phyOffset;
        buffer.putLong(BEGIN_TIMESTAMP, timestamp);
        buffer.putLong(BEGIN_PHY_OFFSET, phyOffset);
    }

    /** Counts one more entry, linked into a previously empty slot or not; called after linking it. */
    void advance(long timestamp, long phyOffset, boolean newSlot) {
        write(Math.max(endTimestamp, timestamp), phyOffset, newSlot ? hashSlotCount + 1 : hashSlotCount,
                indexCount + 1);
    }

    /** Replaces the end fields and counts with values recovered from the slots and entries. */
    void write(long endTimestamp, long endPhyOffset, int hashSlotCount, int indexCount) {
        this.endTimestamp = endTimestamp;
        this.endPhyOffset = endPhyOffset;
        this.hashSlotCount = hashSlotCount;
        this.indexCount = indexCount;
        buffer.putLong(END_TIMESTAMP, endTimestamp);
        buffer.putLong(END_PHY_OFFSET, endPhyOffset);
        buffer.putInt(HASH_SLOT_COUNT, hashSlotCount);
        buffer.putInt(INDEX_COUNT, indexCount);
    }

    long beginTimestamp() {
        return beginTimestamp;
    }

    long endTimestamp() {
        return endTimestamp;
    }

    long beginPhyOffset() {
        return beginPhyOffset;
    }

    long endPhyOffset() {
        return endPhyOffset;
    }

    int hashSlotCount() {
        return hashSlotCount;
    }

    int indexCount() {
        return indexCount;
    }
}
