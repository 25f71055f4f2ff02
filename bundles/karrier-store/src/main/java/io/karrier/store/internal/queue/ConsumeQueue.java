package io.karrier.store.internal.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

import io.karrier.store.internal.file.MappedSegment;
import io.karrier.store.internal.file.SegmentOptions;
import io.karrier.store.internal.file.SegmentedFile;

/**
 * The consume queue of one topic and queue id: fixed-size entries pointing into the commit log.
 *
 * <p>On disk ({@code consumequeue/<topic>/<queueId>/<20-digit byte offset>}, REMOTING.md §7.1-7.2):
 * segments of {@code entriesPerFile} (default 300,000) entries; entry <i>n</i> sits at byte
 * {@code n * 20} of the queue, big-endian: commit-log offset int64, size int32, tag hash int64. An
 * entry with size 0 is no entry: the zeros after the end, and the leading zeros of a queue that
 * started past offset 0. Entries are consecutive and their commit-log offsets increase.
 *
 * <p>Rules (matching RocketMQ where it is safe, stricter where it is not): {@link #put} at the
 * max offset appends; at a lower offset it is a re-dispatch and is ignored ({@link PutResult}),
 * never overwriting; past the max offset it is refused ({@link PutResult#GAP}) rather than written
 * at the wrong place, as RocketMQ 4.x would. Only an empty queue may start past 0 (its first
 * segment is then padded with empty entries, as RocketMQ's fillPreBlank does).
 *
 * <p>Thread-safety: one writer (the dispatcher) calls {@link #put}; recovery calls
 * {@link #truncateToCommitLog} before dispatch starts; retention may call
 * {@link #deleteBelowCommitLog} from its own thread; reads run on any thread and see only entries
 * below the published max offset.
 */
public final class ConsumeQueue implements Closeable {

    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 20;
    /** RocketMQ's entries per file: 300,000 (6,000,000 bytes). */
    public static final int DEFAULT_ENTRIES_PER_FILE = 300_000;

    private final String topic;
    private final int queueId;
    private final SegmentedFile file;
    private volatile long minOffset;

    private ConsumeQueue(String topic, int queueId, SegmentedFile file) {
        this.topic = topic;
        this.queueId = queueId;
        this.file = file;
    }

    /**
     * Opens the queue in {@code directory}, finding its first and last entries.
     *
     * @param entriesPerFile entries per segment
     * @param preTouch whether new segments are pre-touched
     */
    public static ConsumeQueue open(Path directory, String topic, int queueId, int entriesPerFile, boolean preTouch)
            throws IOException {
        SegmentOptions options = new SegmentOptions(Math.multiplyExact(entriesPerFile, ENTRY_SIZE), preTouch,
                SegmentOptions.MSYNC);
        ConsumeQueue queue = new ConsumeQueue(topic, queueId, SegmentedFile.open(directory, options));
        try {
            queue.findEnds();
        } catch (IOException | RuntimeException e) {
            queue.close();
            throw e;
        }
        return queue;
    }

    /** Loaded segments count as full; find the real first entry and cut after the last one. */
    private void findEnds() throws IOException {
        MappedSegment first = file.first();
        if (first == null) {
            return;
        }
        ByteBuffer bytes = first.slice(0, first.writePosition());
        int start = 0;
        while (start < bytes.limit() && bytes.getInt(start + 8) <= 0) {
            start += ENTRY_SIZE; // leading empty entries of a queue that started past 0
        }
        if (start == bytes.limit()) {
            start = 0;
        }
        minOffset = (first.baseOffset() + start) / ENTRY_SIZE;
        MappedSegment last = file.last();
        ByteBuffer tail = last.slice(0, last.writePosition());
        int end = last == first ? start : 0;
        long previous = -1;
        while (end < tail.limit() && tail.getInt(end + 8) > 0 && tail.getLong(end) > previous) {
            previous = tail.getLong(end);
            end += ENTRY_SIZE;
        }
        file.truncate(last.baseOffset() + end);
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the queue id */
    public int queueId() {
        return queueId;
    }

    /** @return the first entry's offset still stored */
    public long minOffset() {
        return minOffset;
    }

    /** @return the offset the next entry gets */
    public long maxOffset() {
        return file.maxOffset() / ENTRY_SIZE;
    }

    /**
     * Puts an entry. Dispatcher thread.
     *
     * @return what was done; only {@link PutResult#APPENDED} wrote anything
     */
    public PutResult put(long queueOffset, long commitLogOffset, int size, long tagHash) throws IOException {
        if (size <= 0 || commitLogOffset < 0 || queueOffset < 0) {
            throw new IllegalArgumentException("bad entry " + queueOffset + ": " + commitLogOffset + "/" + size);
        }
        int segmentSize = file.segmentSize();
        MappedSegment segment = file.last();
        if (segment == null) {
            long position = queueOffset * ENTRY_SIZE;
            segment = file.roll(position - position % segmentSize);
            segment.publish((int) (position % segmentSize));
            minOffset = queueOffset;
        }
        long max = maxOffset();
        if (queueOffset < max) {
            if (queueOffset < minOffset) {
                return PutResult.BELOW_MIN;
            }
            return holds(queueOffset, commitLogOffset, size, tagHash) ? PutResult.ALREADY_PRESENT
                    : PutResult.CONFLICT;
        }
        if (queueOffset > max) {
            long position = queueOffset * ENTRY_SIZE - segment.baseOffset();
            if (max != minOffset || position > segmentSize) {
                return PutResult.GAP;
            }
            segment.publish((int) position); // an empty queue may start further on in its segment
            minOffset = queueOffset;
        }
        if (segment.writePosition() == segmentSize) {
            segment = file.roll(segment.endOffset());
        }
        int position = segment.writePosition();
        ByteBuffer writer = segment.writer();
        writer.putLong(position, commitLogOffset);
        writer.putInt(position + 8, size);
        writer.putLong(position + 12, tagHash);
        segment.publish(position + ENTRY_SIZE);
        return PutResult.APPENDED;
    }

    /** Whether the stored entry at {@code queueOffset} is exactly this one; what {@link #entry} reads, without the copies. */
    private boolean holds(long queueOffset, long commitLogOffset, int size, long tagHash) {
        MappedSegment segment = file.pinSegmentFor(queueOffset * ENTRY_SIZE);
        if (segment == null) {
            return false;
        }
        try {
            int position = (int) (queueOffset * ENTRY_SIZE - segment.baseOffset());
            if (segment.writePosition() - position < ENTRY_SIZE) {
                return false;
            }
            ByteBuffer bytes = segment.slice(position, ENTRY_SIZE);
            return bytes.getLong(0) == commitLogOffset && bytes.getInt(8) == size && bytes.getLong(12) == tagHash;
        } finally {
            segment.release();
        }
    }

    /** @return the entry at {@code queueOffset}, or null when it is not stored */
    public ConsumeQueueEntry entry(long queueOffset) {
        List<ConsumeQueueEntry> entries = read(queueOffset, 1);
        return entries.isEmpty() ? null : entries.get(0);
    }

    /**
     * Reads consecutive entries.
     *
     * @param from the first queue offset
     * @param maxCount at most this many
     * @return the entries from {@code from} on (empty when {@code from} is not stored)
     */
    public List<ConsumeQueueEntry> read(long from, int maxCount) {
        List<ConsumeQueueEntry> entries = new ArrayList<>(Math.min(maxCount, 64));
        long offset = from;
        while (entries.size() < maxCount && offset >= minOffset && offset < maxOffset()) {
            MappedSegment segment = file.pinSegmentFor(offset * ENTRY_SIZE);
            if (segment == null) {
                break;
            }
            try {
                int position = (int) (offset * ENTRY_SIZE - segment.baseOffset());
                int count = Math.min(maxCount - entries.size(), (segment.writePosition() - position) / ENTRY_SIZE);
                if (count <= 0) {
                    break;
                }
                ByteBuffer bytes = segment.slice(position, count * ENTRY_SIZE);
                for (int i = 0; i < count; i++) {
                    int at = i * ENTRY_SIZE;
                    entries.add(new ConsumeQueueEntry(offset++, bytes.getLong(at), bytes.getInt(at + 8),
                            bytes.getLong(at + 12)));
                }
            } finally {
                segment.release();
            }
        }
        return entries;
    }

    /**
     * The first queue offset whose entry points at or past {@code commitLogOffset}.
     *
     * @return a queue offset in [min, max]; max when every entry points below
     */
    public long firstAtOrAbove(long commitLogOffset) {
        return QueueSearch.lowerBound(minOffset, maxOffset(), q -> {
            ConsumeQueueEntry e = entry(q);
            return e == null ? Long.MAX_VALUE : e.commitLogOffset();
        }, commitLogOffset);
    }

    /**
     * For recovery: drops the entries that point at or past {@code commitLogOffset}, which the
     * commit log no longer holds (or will rebuild), and zeroes their bytes.
     */
    public void truncateToCommitLog(long commitLogOffset) throws IOException {
        if (file.isEmpty()) {
            return;
        }
        long end = firstAtOrAbove(commitLogOffset);
        file.truncate(end * ENTRY_SIZE);
    }

    /**
     * For retention: raises the min offset past the entries that point below
     * {@code commitLogOffset} (the commit log's new start) and deletes the segments that hold only such entries.
     *
     * @return how many segments were deleted
     */
    public int deleteBelowCommitLog(long commitLogOffset) {
        long first = firstAtOrAbove(commitLogOffset);
        if (first > minOffset) {
            minOffset = first;
        }
        return file.deleteWhollyBelow(first * ENTRY_SIZE);
    }

    /**
     * The queue offset whose message was stored closest to {@code timestamp}, as RocketMQ's
     * SEARCH_OFFSET_BY_TIMESTAMP answers: the first entry stored at or after it, or the one before
     * when that one is closer (ties go to the earlier); min offset for an empty queue.
     *
     * @param storeTimeAt the store time of the record at a commit-log offset, or -1 when it is gone
     */
    public long offsetByTimestamp(long timestamp, LongUnaryOperator storeTimeAt) {
        long min = minOffset;
        long max = maxOffset();
        if (max <= min) {
            return min;
        }
        LongUnaryOperator timeOf = q -> {
            ConsumeQueueEntry e = entry(q);
            return e == null ? Long.MIN_VALUE : storeTimeAt.applyAsLong(e.commitLogOffset());
        };
        long right = QueueSearch.lowerBound(min, max, timeOf, timestamp);
        if (right == max) {
            return max - 1;
        }
        if (right == min) {
            return min;
        }
        long before = timeOf.applyAsLong(right - 1);
        long after = timeOf.applyAsLong(right);
        if (before == Long.MIN_VALUE) {
            return right; // the earlier record is gone
        }
        return timestamp - before <= after - timestamp ? right - 1 : right;
    }

    /** Forces unflushed entries. */
    public long force() throws IOException {
        return file.force();
    }

    /** @return the segments (for status and tests) */
    public SegmentedFile segments() {
        return file;
    }

    @Override
    public void close() {
        file.close();
    }

    @Override
    public String toString() {
        return topic + "/" + queueId + "[" + minOffset + ", " + maxOffset() + ")";
    }
}
