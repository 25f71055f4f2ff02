package io.karrier.store.internal.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.karrier.store.internal.file.MappedSegment;
import io.karrier.store.internal.log.CommitLog;

/**
 * When a commit-log segment was last written, for expiry.
 *
 * <p>Chosen: the STORETIMESTAMP of the first record of the <em>next</em> segment. A segment is rolled
 * only when a record does not fit, and that record is the next segment's first, so its store time is
 * at or after the segment's last write: a segment never expires early, and the bound is exact under
 * steady traffic. It costs one verified record read per segment, where finding the segment's own last
 * record would mean walking up to 1 GiB. Store times come from the store's injected clock, so tests
 * can age a segment, and they survive what moves file times: copying or restoring the directory,
 * and recovery, which rewrites a segment's tail. RocketMQ uses the file's mtime instead, which for a
 * memory-mapped file Linux updates only lazily.
 *
 * <p>Fallback, when the next segment holds no readable record yet (an empty segment just rolled):
 * the segment file's mtime. Stateless; called by the retention thread only.
 */
final class SegmentLastWrite {

    private SegmentLastWrite() {
    }

    /**
     * @param segments the log's segments, oldest first
     * @param index a segment that is not the last
     * @return its last write, ms since the epoch; {@link Long#MAX_VALUE} when unknown (never expires by age)
     */
    static long of(CommitLog log, List<MappedSegment> segments, int index) {
        long next = log.storeTimestampAt(segments.get(index + 1).baseOffset());
        if (next >= 0) {
            return next;
        }
        try {
            return Files.getLastModifiedTime(segments.get(index).path()).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
