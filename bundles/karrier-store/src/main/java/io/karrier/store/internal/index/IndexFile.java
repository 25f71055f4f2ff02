package io.karrier.store.internal.index;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.karrier.store.internal.file.Unmapper;

/**
 * One memory-mapped key-index file in RocketMQ's layout: a hash table whose buckets are chains of
 * entries linked newest first. Big-endian throughout:
 *
 * <pre>
 * [0, 40)                          header, see {@link IndexHeader}
 * [40, 40 + 4 * slots)             slots: int32 number of the newest entry of the bucket, 0 = empty
 * [40 + 4 * slots, + 20 * max)     entries; entry k at 40 + 4 * slots + 20 * k, entry 0 unused:
 *                                    keyHash int32, phyOffset int64,
 *                                    timeDiff int32 (whole seconds since beginTimestamp),
 *                                    prevIndex int32 (next older entry of the bucket, 0 = end)
 * </pre>
 *
 * <p>Write order, so that the bytes are consistent at every point a process can die: (1) for the
 * first entry, the header's begin fields; (2) the entry, at the next free number, pointing at the
 * bucket's old head; (3) the slot, with a release store; (4) the header's end fields and counts.
 * A file cut off after (2) holds an unlinked entry that nothing references; after (3) a header one
 * entry behind. Opening a file that is not full therefore trusts the slots, not the header: the
 * next free number is one past the largest slot value, and the end fields are read from the entries
 * the header missed. (Pages lost by a power failure after the last {@link #flush} are not repaired:
 * recovery from the checkpoint must re-add those entries.)
 *
 * <p>An entry's phyOffset is never below the one before it, so {@link #put} skips offsets the file
 * has already indexed: lower than endPhyOffset, or equal to it with the same hash already linked
 * (a record's keys share one offset). Recovery can thus re-add entries beyond its checkpoint.
 *
 * <p>Thread-safety: one writer at a time calls {@link #put}, {@link #flush} and {@link #close};
 * any number of threads call {@link #lookup} and the getters concurrently with it. A reader that
 * loads a slot with acquire semantics sees the entries it leads to. {@link #close} waits for running
 * lookups before unmapping, and later lookups find nothing.
 */
public final class IndexFile implements Closeable {

    static final int SLOT_SIZE = 4;
    static final int ENTRY_SIZE = 20;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Path path;
    private final int slotCount;
    private final int maxIndexCount;
    private final MappedByteBuffer buffer;
    private final IndexHeader header;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private IndexFile(Path path, int slotCount, int maxIndexCount, MappedByteBuffer buffer) {
        this.path = path;
        this.slotCount = slotCount;
        this.maxIndexCount = maxIndexCount;
        this.buffer = buffer;
        this.header = new IndexHeader(buffer);
    }

    /**
     * Opens the file, creating it (sparse, all zero) if absent, and repairs the header of a file
     * that is not full.
     *
     * @throws IOException if it cannot be mapped or has another geometry's size
     */
    public static IndexFile open(Path path, int slotCount, int maxIndexCount) throws IOException {
        long size = new IndexSettings(slotCount, maxIndexCount, 1).fileSize();
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long existing = channel.size();
            if (existing != 0 && existing != size) {
                throw new IOException(path + " has " + existing + " bytes, but " + slotCount + " slots and "
                        + maxIndexCount + " entries need " + size + ": written with other index settings?");
            }
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        }
        IndexFile file = new IndexFile(path, slotCount, maxIndexCount, buffer);
        if (!file.isFull()) {
            file.recover();
        }
        return file;
    }

    /**
     * Adds an entry for the key, or does nothing if the file already indexes this key at this offset
     * or at a higher one.
     *
     * @param key the index key, {@code topic#key}
     * @param phyOffset the record's commit-log offset
     * @param storeTimestamp the record's store time, ms
     * @return false if the file is full and the entry was not added
     */
    public boolean put(String key, long phyOffset, long storeTimestamp) {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        int hash = IndexKey.hash(key);
        int slotPosition = slotPosition(IndexKey.slot(hash, slotCount));
        int head = buffer.getInt(slotPosition);
        if (indexed(hash, phyOffset, head)) {
            return true;
        }
        int index = header.indexCount();
        if (index >= maxIndexCount) {
            return false;
        }
        if (index == 1) {
            header.begin(storeTimestamp, phyOffset);
        }
        int position = entryPosition(index);
        buffer.putInt(position, hash);
        buffer.putLong(position + 4, phyOffset);
        buffer.putInt(position + 12, timeDiff(storeTimestamp));
        buffer.putInt(position + 16, head);
        INT.setRelease(buffer, slotPosition, index);
        header.advance(storeTimestamp, phyOffset, head == 0);
        return true;
    }

    /**
     * Walks the key's bucket, newest entry first, for entries with the key's hash stored within the
     * time range. Entry times are whole seconds after beginTimestamp, so an entry matches when its
     * second overlaps [begin, end]: the answer may include entries up to 999 ms outside the range,
     * never misses one inside it. As RocketMQ does, the walk stops at the first entry older than
     * the range (store times are taken as non-decreasing).
     *
     * @return commit-log offsets of candidates, newest first; callers compare the keys
     */
    public List<Long> lookup(String key, long begin, long end, int maxCount) {
        if (maxCount <= 0 || begin > end) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            if (closed) {
                return List.of();
            }
            int hash = IndexKey.hash(key);
            int slot = IndexKey.slot(hash, slotCount);
            long base = header.beginTimestamp();
            List<Long> offsets = new ArrayList<>();
            int index = (int) INT.getAcquire(buffer, slotPosition(slot));
            while (index > 0 && index < maxIndexCount && offsets.size() < maxCount) {
                int position = entryPosition(index);
                int entryHash = buffer.getInt(position);
                int timeDiff = buffer.getInt(position + 12);
                int prev = buffer.getInt(position + 16);
                if (entryHash < 0 || IndexKey.slot(entryHash, slotCount) != slot || timeDiff < 0) {
                    break; // not an entry of this bucket: a damaged chain ends here
                }
                long second = base + timeDiff * 1000L;
                if (entryHash == hash && second <= end && second + 999 >= begin) {
                    offsets.add(buffer.getLong(position + 4));
                }
                if (second + 999 < begin || prev >= index) {
                    break;
                }
                index = prev;
            }
            return offsets;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Forces the mapping's changes to the device. */
    public void flush() {
        lock.readLock().lock();
        try {
            if (!closed) {
                buffer.force();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Unmaps the file once running lookups are done; the file stays on disk. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                Unmapper.unmap(buffer);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Path path() {
        return path;
    }

    /** @return true when no entry number is left */
    public boolean isFull() {
        return header.indexCount() >= maxIndexCount;
    }

    /** @return entries held, not counting the unused entry 0 */
    public int entryCount() {
        return header.indexCount() - 1;
    }

    /** @return slots in use */
    public int usedSlotCount() {
        return header.hashSlotCount();
    }

    public long beginTimestamp() {
        return header.beginTimestamp();
    }

    public long endTimestamp() {
        return header.endTimestamp();
    }

    public long beginPhyOffset() {
        return header.beginPhyOffset();
    }

    public long endPhyOffset() {
        return header.endPhyOffset();
    }

    /**
     * @return whether the key's entry for this offset is in the file: offsets below the last one are
     *         taken as indexed, the last one is looked for in the key's bucket
     */
    boolean contains(String key, long phyOffset) {
        int hash = IndexKey.hash(key);
        return indexed(hash, phyOffset, buffer.getInt(slotPosition(IndexKey.slot(hash, slotCount))));
    }

    private boolean indexed(int hash, long phyOffset, int head) {
        if (entryCount() == 0 || phyOffset > header.endPhyOffset()) {
            return false;
        }
        if (phyOffset < header.endPhyOffset()) {
            return true;
        }
        for (int index = head; index > 0; ) {
            int position = entryPosition(index);
            long entryOffset = buffer.getLong(position + 4);
            if (entryOffset < phyOffset) {
                return false;
            }
            if (buffer.getInt(position) == hash) {
                return true;
            }
            int prev = buffer.getInt(position + 16);
            index = prev < index ? prev : 0;
        }
        return false;
    }

    /** Makes the header agree with the slots after a crash; see the class comment. */
    private void recover() {
        int last = 0;
        int used = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            int value = buffer.getInt(slotPosition(slot));
            if (value > 0 && value < maxIndexCount) {
                used++;
                last = Math.max(last, value);
            }
        }
        int indexCount = last + 1;
        if (indexCount == header.indexCount() && used == header.hashSlotCount()) {
            return;
        }
        long endTimestamp = header.endTimestamp();
        for (int index = Math.max(1, header.indexCount()); index <= last; index++) {
            long second = header.beginTimestamp() + buffer.getInt(entryPosition(index) + 12) * 1000L;
            endTimestamp = Math.max(endTimestamp, second + 999);
        }
        long endPhyOffset = last == 0 ? 0 : buffer.getLong(entryPosition(last) + 4);
        header.write(endTimestamp, endPhyOffset, used, indexCount);
    }

    private int timeDiff(long storeTimestamp) {
        long seconds = (storeTimestamp - header.beginTimestamp()) / 1000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
    }

    private int slotPosition(int slot) {
        return IndexHeader.SIZE + slot * SLOT_SIZE;
    }

    private int entryPosition(int index) {
        return IndexHeader.SIZE + slotCount * SLOT_SIZE + index * ENTRY_SIZE;
    }
}
