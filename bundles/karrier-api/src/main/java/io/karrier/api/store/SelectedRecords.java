package io.karrier.api.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Stored records handed out by a read: read-only slices of the store's mapped files, valid until
 * {@link #close()}. While open they keep their segment from being deleted or unmapped, so close them
 * as soon as the bytes are written out (or copied).
 */
public final class SelectedRecords implements AutoCloseable {

    private static final SelectedRecords NONE = new SelectedRecords(List.of(), () -> { });

    private final List<ByteBuffer> records;
    private final Runnable release;
    private boolean closed;

    /**
     * @param records the record slices in order
     * @param release called once on {@link #close()}
     */
    public SelectedRecords(List<ByteBuffer> records, Runnable release) {
        this.records = List.copyOf(records);
        this.release = release;
    }

    /** @return an empty selection */
    public static SelectedRecords none() {
        return NONE;
    }

    /** @return the records, each a slice holding exactly one stored record */
    public List<ByteBuffer> records() {
        return records;
    }

    /** @return the total bytes of all records */
    public int totalBytes() {
        int total = 0;
        for (ByteBuffer record : records) {
            total += record.remaining();
        }
        return total;
    }

    /** Releases the slices; using them afterwards is undefined. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
