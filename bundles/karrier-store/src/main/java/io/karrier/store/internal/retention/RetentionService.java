package io.karrier.store.internal.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.store.internal.PeriodicTask;
import io.karrier.store.internal.file.MappedSegment;
import io.karrier.store.internal.index.IndexService;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.queue.ConsumeQueueTable;

/**
 * Deletes what the store no longer keeps, on a thread of its own every
 * {@link RetentionSettings#checkInterval}. A {@link #runOnce pass}:
 * <ol>
 * <li>deletes, oldest first, the commit-log segments last written ({@link SegmentLastWrite}) more
 * than {@link RetentionSettings#fileReserved} ago, stopping at the first one that is younger;</li>
 * <li>measures the disk; past the soft limit it deletes the oldest remaining segments, expired or
 * not, until the bytes they free bring usage to the limit (planned from one measurement, because a
 * segment a reader still pins frees its space only when released: re-measuring after each deletion
 * would delete more than needed);</li>
 * <li>when the log's first offset moved, drops the consume-queue entries and files and the key-index
 * files below it;</li>
 * <li>measures again, which sets or clears the hard limit's refusal ({@link DiskGuard}).</li>
 * </ol>
 * Never deleted: the segment being written, and any segment not yet wholly dispatched (the
 * dispatcher must not find its next record gone; recovery starts at the log's first offset anyway).
 * Readers holding slices of a deleted segment keep reading it: the file goes when they release it.
 *
 * <p>Thread-safety: passes are serialized; the owner may call {@link #runOnce} from any thread.
 * Lifecycle: {@link #start} after recovery; {@link #close} before the log, queues and index close.
 */
public final class RetentionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier dispatchedPosition;
    private final DiskGuard guard;
    private final RetentionSettings settings;
    private final Clock clock;
    private final PeriodicTask thread = new PeriodicTask("karrier-store-retention");
    private long trimmedBelow = -1;
    private boolean stuckOverSoftLimit;

    /**
     * @param dispatchedPosition the commit-log offset below which every record is dispatched
     * @param guard the hard limit, measured at the end of each pass
     * @param clock the store's clock, the one that writes STORETIMESTAMP
     */
    public RetentionService(CommitLog log, ConsumeQueueTable queues, IndexService index,
            LongSupplier dispatchedPosition, DiskGuard guard, RetentionSettings settings, Clock clock) {
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.dispatchedPosition = dispatchedPosition;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the periodic passes, the first one an interval from now. */
    public void start() {
        thread.start(settings.checkInterval(), () -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Retention pass failed, will retry: {}", e.toString(), e);
            }
        });
    }

    /** One pass, on the calling thread. */
    public synchronized RetentionPass runOnce() {
        RetentionPass segments = deleteSegments();
        int queueFiles = 0;
        int indexFiles = 0;
        long min = log.minOffset();
        if (min != trimmedBelow) {
            queueFiles = queues.deleteBelowCommitLog(min);
            indexFiles = index.deleteFilesBelow(min);
            trimmedBelow = min;
            if (queueFiles + indexFiles > 0) {
                LOG.info("Deleted {} consume-queue and {} key-index files below commit-log offset {}", queueFiles,
                        indexFiles, min);
            }
        }
        return new RetentionPass(segments.expiredSegments(), segments.spaceSegments(), queueFiles, indexFiles,
                guard.measure());
    }

    /**
     * The first half of a pass: commit-log segments only (steps 1 and 2). Until the rest of the pass
     * runs, consume-queue entries still point at the deleted records and reads of them answer
     * MESSAGE_WAS_REMOVING: the window a reader racing a pass can meet, which tests reach through here.
     *
     * @return the segments deleted; no files of queues or index, no final measurement
     */
    public synchronized RetentionPass deleteSegments() {
        List<MappedSegment> segments = log.segments().segments();
        int deletable = deletable(segments);
        int expired = 0;
        long now = clock.millis();
        long reserved = settings.fileReserved().toMillis();
        while (expired < deletable && now - SegmentLastWrite.of(log, segments, expired) > reserved) {
            expired++;
        }
        if (expired > 0) {
            delete(segments, 0, expired, "last written more than " + settings.fileReserved().toHours()
                    + " h ago (before " + Instant.ofEpochMilli(now - reserved) + ")");
        }
        return new RetentionPass(expired, deleteForSpace(segments, expired, deletable), 0, 0, null);
    }

    /** @return how many leading segments may go: not the last, and only wholly dispatched ones */
    private int deletable(List<MappedSegment> segments) {
        long dispatched = dispatchedPosition.getAsLong();
        int count = 0;
        while (count < segments.size() - 1 && segments.get(count).endOffset() <= dispatched) {
            count++;
        }
        return count;
    }

    private int deleteForSpace(List<MappedSegment> segments, int from, int deletable) {
        DiskSpace space = guard.measure();
        int soft = settings.diskSoftLimitPercent();
        if (space == null || space.usedPercent() <= soft) {
            stuckOverSoftLimit = false;
            return 0;
        }
        long excess = space.usedBytes() - (long) Math.floor(space.totalBytes() * (soft / 100.0));
        long freed = 0;
        int to = from;
        while (to < deletable && freed < excess) {
            freed += segments.get(to).size();
            to++;
        }
        if (to > from) {
            delete(segments, from, to, "disk of the store is " + space.usedPercentText() + "% full, past the soft"
                    + " limit of " + soft + "%");
        }
        if (freed < excess && !stuckOverSoftLimit) {
            LOG.warn("Disk of the store is {}% full, past the soft limit of {}%, and no more commit-log segments"
                    + " can go (the rest is being written or not yet dispatched)", space.usedPercentText(), soft);
        }
        stuckOverSoftLimit = freed < excess;
        return to - from;
    }

    private void delete(List<MappedSegment> segments, int from, int to, String why) {
        List<String> names = segments.subList(from, to).stream().map(s -> s.path().getFileName().toString())
                .toList();
        int deleted = log.deleteWhollyBelow(segments.get(to - 1).endOffset());
        LOG.info("Deleted {} commit-log segment(s) {}: {}; the log now starts at {}", deleted, names, why,
                log.minOffset());
    }

    /** Stops the thread, letting a pass under way finish. */
    @Override
    public void close() {
        thread.close();
    }
}
