package io.karrier.store.internal.log;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery of the commit log: walk from a known-good record boundary (the checkpoint),
 * verify every record, and find where the valid prefix ends; a torn or garbled record ends it, and
 * so does the end of the data. Records seen are handed to a visitor so the caller can rebuild
 * consume-queue and index entries beyond the checkpoint.
 *
 * <p>Run it on a freshly opened {@link CommitLog} (whose loaded segments count as written to their
 * end) before any append; then {@link CommitLog#truncate} to {@link RecordWalker.Result#endOffset()},
 * or call {@link #recover}, which does both. Not thread-safe: recovery runs alone.
 */
public final class RecoveryScan {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryScan.class);

    private RecoveryScan() {
    }

    /**
     * @param log the opened log
     * @param from a record boundary known to be good (a checkpoint); below the log's start it means the start
     * @param visitor receives every verified record from {@code from} on
     * @return the end of the valid prefix, the number of records, and what stopped the scan
     */
    public static RecordWalker.Result scan(CommitLog log, long from, RecordWalker.Visitor visitor) {
        long start = Math.max(from, log.minOffset());
        return log.walk(start, Long.MAX_VALUE, visitor);
    }

    /**
     * Scans, then truncates the log to the end of the valid prefix.
     *
     * @return the scan result; the log now ends at its end offset
     */
    public static RecordWalker.Result recover(CommitLog log, long from, RecordWalker.Visitor visitor)
            throws IOException {
        RecordWalker.Result result = scan(log, from, visitor);
        cut(log, result);
        return result;
    }

    /**
     * The second half of {@link #recover}: truncates the log to the end of the valid prefix a
     * {@link #scan} found (zeroing the rest of its segment), warning first when it was damage.
     */
    public static void cut(CommitLog log, RecordWalker.Result result) throws IOException {
        if (result.damaged()) {
            LOG.warn("Commit log in {} is damaged at {}: {}; truncating the {} bytes after it",
                    log.segments().directory(), result.endOffset(), result.problem(),
                    log.maxOffset() - result.endOffset());
        }
        log.truncate(result.endOffset());
    }
}
