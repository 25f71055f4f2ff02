package io.karrier.flush.async.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushTarget;

/**
 * Forces one {@link FlushTarget} from a daemon thread of its own: once per interval when anything is
 * dirty, and sooner when the dirty bytes reach the threshold (RocketMQ's FlushRealTimeService with
 * flushIntervalCommitLog and flushPhysicQueueLeastPages).
 *
 * <p>Threads: {@link #appended} is called by any thread and never blocks; it only wakes the flusher
 * when the threshold is reached. Only the flusher thread calls {@code force()}, and it is never
 * interrupted (interrupting {@code FileChannel.force} closes the channel). A failed force is logged
 * and retried at the next interval; the threshold is ignored until then, so a failing disk is not
 * hammered.
 */
final class BackgroundFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFlusher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final CompletionStage<Void> IN_PAGE_CACHE = CompletableFuture.completedStage(null);
    /** How long detach waits for the final force. */
    private static final long DETACH_WAIT_MILLIS = 30_000;

    private final FlushTarget target;
    // Volatile: changed live by reconfigure; the loop reads them on its next turn.
    private volatile long intervalNanos;
    private volatile long dirtyBytesThreshold;
    private final Thread thread;
    private final ForceFailureLog failureLog;

    private volatile boolean running = true;
    /** Set by the flusher just before it parks; tells appenders over the threshold to wake it. */
    private volatile boolean sleeping;
    /** After a failed force: wait for the interval, whatever the threshold says. */
    private volatile boolean backingOff;
    private final AtomicInteger forces = new AtomicInteger();
    private final AtomicInteger failedForces = new AtomicInteger();

    BackgroundFlusher(FlushTarget target, long intervalMillis, long dirtyBytesThreshold) {
        this.target = target;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.dirtyBytesThreshold = dirtyBytesThreshold;
        this.thread = new Thread(this::run, "karrier-background-flush-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
        this.failureLog = new ForceFailureLog(LOG, String.valueOf(target));
    }

    BackgroundFlusher start() {
        thread.start();
        LOG.info("Background flush started for {} on thread {}: every {} ms or at {} dirty bytes",
                target, thread.getName(), TimeUnit.NANOSECONDS.toMillis(intervalNanos), dirtyBytesThreshold);
        return this;
    }

    /** Applies new settings from the next turn of the loop on; wakes the thread so a shorter interval counts now. */
    void reconfigure(long intervalMillis, long dirtyBytesThreshold) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.dirtyBytesThreshold = dirtyBytesThreshold;
        LockSupport.unpark(thread);
    }

    /** Never blocks: the append is in the page cache, which is all this strategy promises. */
    CompletionStage<Void> appended() {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Async flush was detached from " + target + "; the append was not accepted"));
        }
        if (sleeping && overThreshold()) {
            LockSupport.unpark(thread);
        }
        return IN_PAGE_CACHE;
    }

    private boolean overThreshold() {
        return !backingOff && target.dirtyBytes() >= dirtyBytesThreshold;
    }

    private void run() {
        long lastFlush = System.nanoTime();
        while (running) {
            // Read the interval each turn: reconfigure may have changed it while we slept.
            long wait = lastFlush + intervalNanos - System.nanoTime();
            if (wait > 0 && !overThreshold()) {
                sleeping = true;
                // Re-check after publishing 'sleeping': an appender that crossed the threshold before
                // it saw the flag is seen here; one that crossed it after will unpark us.
                if (running && !overThreshold()) {
                    LockSupport.parkNanos(this, wait);
                }
                sleeping = false;
                continue;
            }
            flush();
            lastFlush = System.nanoTime();
        }
        flush(); // the tail, for detach
    }

    private void flush() {
        if (target.dirtyBytes() <= 0) {
            backingOff = false;
            return;
        }
        forces.incrementAndGet();
        try {
            target.force();
            backingOff = false;
            failureLog.succeeded();
        } catch (Throwable e) { // whatever force() throws, the flusher keeps going and retries
            failedForces.incrementAndGet();
            backingOff = true;
            failureLog.failed(e, TimeUnit.NANOSECONDS.toMillis(intervalNanos));
        }
    }

    /** Stops the thread after a final force of everything written; returns when it is done. */
    void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(DETACH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Background flush of {} still inside its final force() after {} ms; detaching without waiting",
                    target, DETACH_WAIT_MILLIS);
        } else {
            LOG.info("Background flush stopped for {} after {} forces ({} failed); {} bytes left unforced",
                    target, forces.get(), failedForces.get(), target.dirtyBytes());
        }
    }

    int forces() {
        return forces.get();
    }

    int failedForces() {
        return failedForces.get();
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}
