package io.karrier.store.internal.log;

import java.nio.ByteBuffer;

import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StoredMessageLayout;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.store.internal.file.MappedSegment;
import io.karrier.store.internal.file.SegmentedFile;

/**
 * Walks the commit log record by record from an offset, verifying each one
 * ({@link RecordVerifier}) and jumping over the end-of-segment blank to the next segment. Stops at
 * the limit, at the end of the written bytes (TOTALSIZE and MAGICCODE zero, or no more segment),
 * or at the first record that does not verify: nothing at or after a bad record is handed out.
 * Used by recovery ({@link RecoveryScan}) and by the dispatcher that follows the writer.
 *
 * <p>Thread-safety: stateless; each walk pins one segment at a time, so it may run beside the
 * writer (it only reads below the published write position) and retention.
 */
public final class RecordWalker {

    private RecordWalker() {
    }

    /** Receives the verified records of a walk, in log order. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * @param offset the record's commit-log offset
         * @param record the verified record; its buffer is valid only during this call
         */
        void record(long offset, StoredMessageView record);
    }

    /**
     * Where a walk stopped.
     *
     * @param endOffset the offset after the last good record (or blank) walked over
     * @param records how many records were handed to the visitor
     * @param problem why the walk stopped at a bad record, or null when it reached the end or the limit
     */
    public record Result(long endOffset, long records, String problem) {

        /** @return whether the walk stopped at damage rather than at the end of the data */
        public boolean damaged() {
            return problem != null;
        }
    }

    /**
     * @param file the commit log's segments
     * @param from a record boundary to start at
     * @param limit stop before this offset (records are not cut: one must end at or below it)
     * @param visitor receives each verified record
     * @return where and why the walk stopped
     */
    public static Result walk(SegmentedFile file, long from, long limit, Visitor visitor) {
        long offset = from;
        long records = 0;
        while (offset < limit) {
            MappedSegment segment = file.pinSegmentFor(offset);
            if (segment == null) {
                return new Result(offset, records, null);
            }
            try {
                int readable = (int) Math.min(segment.writePosition(), limit - segment.baseOffset());
                int position = (int) (offset - segment.baseOffset());
                if (position >= readable) {
                    return new Result(offset, records, null);
                }
                ByteBuffer bytes = segment.slice(0, readable);
                while (position < readable) {
                    if (readable - position < StoredMessageLayout.BLANK_HEADER_SIZE) {
                        return new Result(offset, records, position + StoredMessageLayout.BLANK_HEADER_SIZE
                                > segment.size() ? "segment ends inside a record header at " + offset : null);
                    }
                    int size = bytes.getInt(position);
                    int magic = bytes.getInt(position + StoredMessageLayout.MAGIC_OFFSET);
                    if (size == 0 && magic == 0) {
                        return new Result(offset, records, null);
                    }
                    if (magic == StoredMessageLayout.BLANK_MAGIC) {
                        if (size != segment.size() - position) {
                            return new Result(offset, records, "blank at " + offset + " of " + size
                                    + " bytes does not reach the segment end");
                        }
                        offset = segment.endOffset();
                        break;
                    }
                    StoredMessageView view;
                    try {
                        view = RecordVerifier.verify(bytes, position, offset);
                    } catch (MalformedMessageException e) {
                        return new Result(offset, records, e.getMessage());
                    }
                    visitor.record(offset, view);
                    records++;
                    position += size;
                    offset += size;
                }
            } finally {
                segment.release();
            }
        }
        return new Result(offset, records, null);
    }
}
