package io.karrier.store.internal.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.karrier.api.flush.FlushTarget;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.protocol.message.StoredMessageEncoder;
import io.karrier.protocol.message.StoredMessageLayout;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.store.internal.file.HighWaterMark;
import io.karrier.store.internal.file.MappedSegment;
import io.karrier.store.internal.file.SegmentOptions;
import io.karrier.store.internal.file.SegmentWarmer;
import io.karrier.store.internal.file.SegmentedFile;

/**
 * The local commit log: RocketMQ-layout records, back to back in fixed-size mapped segments.
 *
 * <p>On disk: {@code commitlog/<20-digit start offset>}, each segment {@link #DEFAULT_SEGMENT_SIZE}
 * (1 GiB) unless configured. A segment holds v1 stored-message records (REMOTING.md §6.1,
 * {@link StoredMessageLayout}) with PHYSICALOFFSET, QUEUEOFFSET and STORETIMESTAMP filled in and
 * the {@link RecordSeal} as their last property, so pulls send the bytes as they are and recovery
 * can verify every byte. Records never span segments: when a record (or batch) plus 8 bytes does
 * not fit, the rest of the segment is an end-of-file blank (TOTALSIZE = bytes left, MAGICCODE
 * 0xCBD43194) and the record goes to the next one. Past the end: zeros. Beside the segments, a
 * {@link HighWaterMark} bounds where non-zero bytes can be, so recovery zeroes a short tail only.
 *
 * <p>Thread-safety: one writer thread (the store's appender) calls {@link #append},
 * {@link #appendBatch} and, during recovery before appends start, {@link #truncate}. Readers
 * ({@link #read}, {@link #walk}) run on any thread and see only published records. One flush
 * strategy thread at a time calls {@link #force}. Retention may call {@link #deleteWhollyBelow}
 * from its own thread. A {@link SegmentWarmer} thread, once started, touches pages ahead of the
 * writer. The clock is injected so tests control store times.
 */
public final class CommitLog implements FlushTarget, Closeable {

    /** RocketMQ's commit-log segment size, 1 GiB. */
    public static final int DEFAULT_SEGMENT_SIZE = 1 << 30;

    private final SegmentedFile file;
    private final HighWaterMark highWater;
    private final LongSupplier clock;
    private SegmentWarmer warmer;

    private CommitLog(SegmentedFile file, HighWaterMark highWater, LongSupplier clock) {
        this.file = file;
        this.highWater = highWater;
        this.clock = clock;
    }

    /**
     * Opens the log in {@code directory}. Loaded segments count as written to their end until
     * recovery ({@link RecoveryScan}) or a clean start {@link #truncate}s to the real end.
     *
     * @param clock milliseconds for STORETIMESTAMP
     */
    public static CommitLog open(Path directory, SegmentOptions options, LongSupplier clock) throws IOException {
        SegmentedFile file = SegmentedFile.open(directory, options);
        try {
            HighWaterMark highWater = HighWaterMark.open(directory, HighWaterMark.stepFor(options.segmentSize()));
            if (file.isEmpty()) {
                highWater.settle(0); // nothing written anywhere yet
            }
            return new CommitLog(file, highWater, clock);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** @return the segments, for retention and recovery */
    public SegmentedFile segments() {
        return file;
    }

    /**
     * Appends one record. Writer thread.
     *
     * @param message built with {@link RecordSeal#withPlaceholder} properties ({@link StorableMessages})
     * @param queueOffset its QUEUEOFFSET
     * @return where it went
     * @throws MalformedMessageException when the message is not sealable or cannot fit any segment
     * @throws IOException when a new segment cannot be created
     */
    public AppendedRecord append(StorableMessage message, long queueOffset) throws IOException {
        return appendBatch(List.of(message), queueOffset).get(0);
    }

    /**
     * Appends records back to back in one segment, with consecutive queue offsets and one store
     * time, made visible together. Writer thread.
     *
     * @param messages at least one, each sealable
     * @param firstQueueOffset the QUEUEOFFSET of the first
     * @return where each went, in order
     * @throws MalformedMessageException when a message is not sealable or the batch cannot fit a segment
     * @throws IOException when a new segment cannot be created
     */
    public List<AppendedRecord> appendBatch(List<StorableMessage> messages, long firstQueueOffset)
            throws IOException {
        long total = 0;
        for (StorableMessage message : messages) {
            if (!RecordSeal.isSealable(message)) {
                throw new MalformedMessageException("message for " + message.topic()
                        + " was built without the seal placeholder");
            }
            total += message.recordSize();
        }
        int segmentSize = file.segmentSize();
        if (messages.isEmpty() || total + StoredMessageLayout.BLANK_HEADER_SIZE > segmentSize) {
            throw new MalformedMessageException(messages.size() + " records of " + total
                    + " bytes do not fit a commit-log segment of " + segmentSize + " bytes");
        }
        MappedSegment segment = file.last();
        if (segment == null) {
            segment = file.roll(0);
        }
        int position = segment.writePosition();
        if (position + total + StoredMessageLayout.BLANK_HEADER_SIZE > segmentSize) {
            if (position < segmentSize) { // a segment recovered up to its very end has no room for a blank
                highWater.cover(segment.baseOffset() + position + StoredMessageLayout.BLANK_HEADER_SIZE);
                ByteBuffer writer = segment.writer().limit(segmentSize).position(position);
                StoredMessageEncoder.writeBlank(writer, segmentSize - position);
                segment.publish(segmentSize);
            }
            segment = file.roll(segment.endOffset());
            position = 0;
        }
        highWater.cover(segment.baseOffset() + position + total);
        long storeTimestamp = clock.getAsLong();
        ByteBuffer writer = segment.writer().limit(segmentSize).position(position);
        List<AppendedRecord> appended = new ArrayList<>(messages.size());
        long queueOffset = firstQueueOffset;
        for (StorableMessage message : messages) {
            int start = writer.position();
            long offset = segment.baseOffset() + start;
            int size = StoredMessageEncoder.write(writer, message, queueOffset, offset, storeTimestamp);
            RecordSeal.seal(writer, start, size);
            appended.add(new AppendedRecord(offset, size, queueOffset, storeTimestamp));
            queueOffset++;
        }
        segment.publish(writer.position());
        return appended;
    }

    /**
     * Reads the record starting at {@code offset}, verified ({@link RecordVerifier}).
     *
     * @return the record, pinned (close it), or null when no valid record starts there
     */
    public RecordHandle read(long offset) {
        MappedSegment segment = file.pinSegmentFor(offset);
        if (segment == null) {
            return null;
        }
        try {
            int position = (int) (offset - segment.baseOffset());
            int written = segment.writePosition();
            if (position >= written) {
                segment.release();
                return null;
            }
            ByteBuffer bytes = segment.slice(position, written - position);
            StoredMessageView view = RecordVerifier.verify(bytes, 0, offset);
            ByteBuffer record = bytes.slice(0, view.totalSize());
            return new RecordHandle(segment, offset, record, view);
        } catch (MalformedMessageException | IndexOutOfBoundsException e) {
            segment.release();
            return null;
        }
    }

    /**
     * @return the STORETIMESTAMP of the verified record at {@code offset}, or -1 when there is none
     */
    public long storeTimestampAt(long offset) {
        try (RecordHandle handle = read(offset)) {
            return handle == null ? -1 : handle.view().storeTimestamp();
        }
    }

    /**
     * Walks the verified records from {@code from} up to {@code limit} ({@link RecordWalker}).
     *
     * @return where the walk stopped
     */
    public RecordWalker.Result walk(long from, long limit, RecordWalker.Visitor visitor) {
        return RecordWalker.walk(file, from, limit, visitor);
    }

    /**
     * Cuts the log to end at {@code offset} (found by {@link RecoveryScan}) and zeroes what lies
     * beyond it in its segment, so no stale byte is read as a record again. Before appends start.
     */
    public void truncate(long offset) throws IOException {
        file.truncate(offset, highWater.bound());
        highWater.settle(offset);
    }

    /**
     * Deletes segments wholly below {@code offset} (retention); never the one being written.
     *
     * @return how many were deleted
     */
    public int deleteWhollyBelow(long offset) {
        return file.deleteWhollyBelow(offset);
    }

    /** @return the first offset still stored */
    public long minOffset() {
        return file.minOffset();
    }

    /** @return the end of the log: the offset the next record gets (unless it rolls) */
    public long maxOffset() {
        return file.maxOffset();
    }

    @Override
    public long writtenPosition() {
        return file.maxOffset();
    }

    @Override
    public long flushedPosition() {
        return file.flushedPosition();
    }

    @Override
    public long force() throws IOException {
        return file.force();
    }

    /** @return the high-water mark: from its bound on, every byte of the log is zero; for tests */
    HighWaterMark highWater() {
        return highWater;
    }

    /**
     * Starts keeping the pages ahead of the writer warm ({@link SegmentWarmer}) until {@link #close}.
     * After recovery, once.
     *
     * @param aheadBytes how far ahead of the end to warm, positive
     */
    public synchronized void startWarming(int aheadBytes) {
        if (warmer != null) {
            throw new IllegalStateException("the commit log in " + file.directory() + " is warmed already");
        }
        warmer = new SegmentWarmer(file, highWater, aheadBytes, "karrier-commitlog-warmer").start();
    }

    /** Stops the warmer, then unmaps the segments once their readers are done. */
    @Override
    public void close() {
        synchronized (this) {
            if (warmer != null) {
                warmer.close();
                warmer = null;
            }
        }
        file.close();
        highWater.close();
    }
}
