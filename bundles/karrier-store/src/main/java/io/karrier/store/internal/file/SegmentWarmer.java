package io.karrier.store.internal.file;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pages just ahead of a log's writer faulted in and writable, on a thread of its own, and
 * the {@link HighWaterMark} above them. Writing to a fresh page of a sparse mapped file costs a page
 * fault, a zero fill and a block reservation; taken by the writer under its append lock, that was
 * the largest share of an append's CPU time. The warmer takes them a little ahead instead
 * ({@link MappedSegment#warm}, which never changes a byte), and raises the high-water mark so the
 * writer rarely waits for its fsync. RocketMQ's counterpart is warmMappedFile, which touches a whole
 * new file at once; here only a window ahead of the writer is warmed, so a roll does not stall.
 *
 * <p>The warmed pages are dirty zero pages: the kernel may write some zeros past the log's end,
 * which recovery reads as the empty tail it is. Only the last segment is warmed; the first pages of
 * a new segment are the writer's own until the warmer sees the roll (within a millisecond).
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from the owner; the thread only reads the
 * segment list and write positions, and pins the segment it touches.
 */
public final class SegmentWarmer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWarmer.class);
    /** How often to look while the writer moves: it writes at most a few MiB in that time. */
    private static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How often to look while the writer stands still: the window ahead is warm already. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SegmentedFile file;
    private final HighWaterMark highWater;
    private final int aheadBytes;
    private final Thread thread;
    private volatile boolean running = true;
    /** Thread only: whether the last attempt to raise the high-water mark failed. */
    private boolean coverFailed;

    /**
     * @param aheadBytes how far ahead of the written position to keep pages warm, positive
     */
    public SegmentWarmer(SegmentedFile file, HighWaterMark highWater, int aheadBytes, String threadName) {
        if (aheadBytes <= 0) {
            throw new IllegalArgumentException("warm-ahead of " + aheadBytes + " bytes");
        }
        this.file = file;
        this.highWater = highWater;
        this.aheadBytes = aheadBytes;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public SegmentWarmer start() {
        thread.start();
        return this;
    }

    private void run() {
        long warmedTo = 0;
        long lastWritten = -1;
        while (running) {
            MappedSegment last = file.last();
            long written = last == null ? 0 : last.baseOffset() + last.writePosition();
            if (last != null && last.pin()) {
                try {
                    long to = Math.min(written + aheadBytes, last.endOffset());
                    long from = Math.max(warmedTo, written);
                    if (from < to) {
                        raiseHighWater(to);
                        last.warm((int) (from - last.baseOffset()), (int) (to - last.baseOffset()));
                        warmedTo = to;
                    }
                } finally {
                    last.release();
                }
            }
            LockSupport.parkNanos(this, written == lastWritten ? IDLE_PARK_NANOS : BUSY_PARK_NANOS);
            lastWritten = written;
        }
    }

    private void raiseHighWater(long to) {
        try {
            highWater.cover(to);
            coverFailed = false;
        } catch (IOException e) {
            if (!coverFailed) { // once per failing spell: the writer raises the bound itself, or fails its append
                LOG.warn("Could not raise {} ahead of the writer", highWater, e);
            }
            coverFailed = true;
        }
    }

    /** Stops the thread and waits for it. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
