package io.karrier.store.internal.log;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.store.internal.file.MappedSegment;

/**
 * One verified record of the {@link CommitLog}, as a read-only slice of its mapped segment. The
 * segment is pinned until {@link #close()}: use the bytes, then close, promptly. Thread-safe; the
 * slice itself must not be shared between threads that move its position.
 */
public final class RecordHandle implements AutoCloseable {

    private final MappedSegment segment;
    private final long offset;
    private final ByteBuffer record;
    private final StoredMessageView view;
    private final AtomicBoolean closed = new AtomicBoolean();

    RecordHandle(MappedSegment segment, long offset, ByteBuffer record, StoredMessageView view) {
        this.segment = segment;
        this.offset = offset;
        this.record = record;
        this.view = view;
    }

    /** @return the record's commit-log offset */
    public long offset() {
        return offset;
    }

    /** @return the whole record, read-only, position 0, limit its size */
    public ByteBuffer record() {
        return record.duplicate();
    }

    /** @return the decoded record (reads the same mapped bytes) */
    public StoredMessageView view() {
        return view;
    }

    /** @return the record as {@link SelectedRecords}; closing those closes this handle */
    public SelectedRecords toSelectedRecords() {
        return new SelectedRecords(List.of(record()), this::close);
    }

    /** Releases the segment. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            segment.release();
        }
    }
}
