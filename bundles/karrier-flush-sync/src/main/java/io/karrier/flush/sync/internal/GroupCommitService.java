package io.karrier.flush.sync.internal;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushTarget;

/**
 * Group commit for one {@link FlushTarget}: appenders queue a {@link Waiter} and return at once; one
 * daemon thread forces the target so that a single {@code force()} covers every append waiting, then
 * completes each waiter whose end position is at or below the new flushed position.
 *
 * <p>Durability rules (RocketMQ issue 2706: never SEND_OK after a failed flush):
 * <ul>
 * <li>a waiter completes normally only when the flushed position reported by the target is at or
 * beyond its end;</li>
 * <li>a force that throws fails every waiter it would have covered, that is every waiter whose end is
 * at or below the written position read before the force; later appends are served by later
 * forces;</li>
 * <li>an append that ends at or below a range a force failed on is never acknowledged, even if a later
 * force succeeds: after a failed fsync the kernel may have dropped those pages and still report the
 * next fsync as a success ("fsyncgate").</li>
 * </ul>
 *
 * <p>Gathering: a force that runs as soon as the first waiter appears covers only the appenders that
 * got a core since the last force; the others, woken by that force, append a moment later and wait a
 * whole force more. So before forcing, the thread waits briefly until as many appends have arrived
 * since the last force returned as that force completed (the appenders it expects back), at most half
 * the last force's duration and never more than {@link #MAX_GATHER_NANOS}; the appender that
 * completes the expected count wakes it at once. A force that completed a single append sets no
 * target, so a lone appender never waits; after a fall in load the wait is bounded and the target
 * shrinks at the next force. Gathering only delays a force: it never acknowledges anything a force
 * did not cover.
 *
 * <p>Threads: {@link #appended} is called by any thread and never blocks (a lock-free queue offer and
 * at most one {@code unpark}). Only the group-commit thread calls {@code force()}. Timeouts are the
 * {@link FlushTimeoutWatchdog}'s job, so an append still fails in time when {@code force()} hangs.
 * The group-commit thread is never interrupted: interrupting a thread in {@code FileChannel.force}
 * closes the channel.
 */
final class GroupCommitService {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Pause when waiters exist that no force can cover yet (end beyond the written position). */
    private static final long NO_PROGRESS_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long detach waits for a force in progress beyond the flush timeout. */
    private static final long DETACH_MARGIN_MILLIS = 1_000;
    /** Longest a force is delayed to gather more appends. */
    static final long MAX_GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FlushTarget target;
    private final long timeoutNanos;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final FlushTimeoutWatchdog watchdog;
    private final ForceFailureLog failureLog;

    private volatile boolean accepting = true;
    private volatile boolean running = true;
    /** Set by the group-commit thread just before it parks; tells appenders to wake it. */
    private volatile boolean sleeping;
    /** Highest written position a failed force should have covered; read and written by the thread only. */
    private long failedUpTo = -1;
    private final AtomicInteger forces = new AtomicInteger();
    /** Appends offered so far; numbers the waiters. */
    private final AtomicLong arrivals = new AtomicLong();
    /** While the thread gathers: the arrival count at which appenders wake it; otherwise MAX_VALUE. */
    private volatile long gatherUntil = Long.MAX_VALUE;
    /** Thread only: the arrival count to gather before the next force (see the class comment). */
    private long gatherTarget;
    /** Thread only: how long the last successful force took. */
    private long lastForceNanos;
    /** Thread only, for the close log: time in successful forces and in gathering, appends forces completed. */
    private long forceNanosTotal;
    private long gatherNanosTotal;
    private long appendsCompleted;

    GroupCommitService(FlushTarget target, long timeoutMillis) {
        this.target = target;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int id = THREADS.incrementAndGet();
        this.thread = new Thread(this::serve, "karrier-group-commit-" + id);
        this.thread.setDaemon(true);
        this.watchdog = new FlushTimeoutWatchdog(waiters, timeoutNanos, "karrier-flush-timeout-" + id);
        this.failureLog = new ForceFailureLog(LOG, String.valueOf(target));
    }

    GroupCommitService start() {
        thread.start();
        watchdog.start();
        LOG.info("Group commit started for {} on thread {}, flush timeout {} ms",
                target, thread.getName(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        return this;
    }

    /** Never blocks. */
    CompletionStage<Void> appended(long endPosition) {
        if (!accepting) {
            return CompletableFuture.failedFuture(detached());
        }
        Waiter waiter = new Waiter(endPosition, System.nanoTime() + timeoutNanos);
        waiters.offer(waiter);
        long arrival = arrivals.incrementAndGet();
        if (!accepting) {
            // Raced with close(): if close's final round did not take the waiter, fail it here.
            if (waiters.remove(waiter)) {
                waiter.fail(detached().getMessage(), false, null);
            }
            return waiter.future;
        }
        if (sleeping || arrival >= gatherUntil) {
            LockSupport.unpark(thread);
        }
        return waiter.future;
    }

    private IllegalStateException detached() {
        return new IllegalStateException("Sync flush was detached from " + target + "; the append was not accepted");
    }

    private void serve() {
        while (running) {
            if (waiters.isEmpty()) {
                sleeping = true;
                // Re-check after publishing 'sleeping': an appender that offered before it saw the flag
                // is seen here; one that offered after will unpark us.
                if (waiters.isEmpty() && running) {
                    LockSupport.park(this);
                }
                sleeping = false;
            } else {
                long gatherStart = System.nanoTime();
                gather();
                gatherNanosTotal += System.nanoTime() - gatherStart;
                if (!groupCommit()) {
                    LockSupport.parkNanos(this, NO_PROGRESS_PAUSE_NANOS);
                }
            }
        }
        // Final round for detach: everything offered before close() stopped accepting is in the queue.
        groupCommit();
    }

    /**
     * Waits, at most a bounded while, until the appends expected since the last force returned have
     * arrived (see the class comment).
     */
    private void gather() {
        long until = gatherTarget;
        if (arrivals.get() >= until) {
            return;
        }
        long deadline = System.nanoTime() + Math.min(MAX_GATHER_NANOS, lastForceNanos / 2);
        gatherUntil = until;
        try {
            // Re-check after publishing gatherUntil: an appender that arrived before it saw the value is
            // counted here; one that arrives after wakes us.
            while (running && arrivals.get() < until) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            gatherUntil = Long.MAX_VALUE;
        }
    }

    /**
     * Completes what is already flushed, forces once if any waiter is written but not flushed, and
     * completes or fails the waiters that force covered.
     *
     * @return whether any waiter was completed or failed
     */
    private boolean groupCommit() {
        long written = target.writtenPosition();
        long flushed = target.flushedPosition();
        boolean progress = false;
        boolean needForce = false;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.isDone()) {
                it.remove(); // timed out by the watchdog
            } else if (waiter.endPosition <= failedUpTo) {
                it.remove();
                waiter.fail("An earlier force covering position " + waiter.endPosition + " of " + target
                        + " failed; the append is not durable", false, null);
                progress = true;
            } else if (waiter.endPosition <= flushed) {
                it.remove();
                waiter.durable();
                progress = true;
            } else if (waiter.endPosition <= written) {
                needForce = true;
            }
        }
        if (!needForce) {
            return progress;
        }
        try {
            forces.incrementAndGet();
            long start = System.nanoTime();
            long newFlushed = target.force();
            lastForceNanos = System.nanoTime() - start;
            forceNanosTotal += lastForceNanos;
            failureLog.succeeded();
            // Appends arriving from here on are the covered appenders coming back (or new ones): expect
            // as many as are completed now, except a lone one, which must never wait for itself.
            long arrived = arrivals.get();
            int completed = completeUpTo(newFlushed);
            appendsCompleted += completed;
            gatherTarget = completed > 1 ? arrived + completed : 0;
            // A target that reports less than it was asked to cover makes no progress: the caller pauses.
            return completed > 0 || progress;
        } catch (Throwable e) { // whatever force() throws, the covered appends are not durable
            failedUpTo = Math.max(failedUpTo, written);
            failureLog.failed(e, failUpTo(written, e));
            return true;
        }
    }

    private int completeUpTo(long flushed) {
        int completed = 0;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.endPosition <= flushed) {
                it.remove();
                waiter.durable();
                completed++;
            }
        }
        return completed;
    }

    private int failUpTo(long written, Throwable cause) {
        int failed = 0;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.endPosition <= written) {
                it.remove();
                if (!waiter.isDone()) {
                    failed++;
                }
                waiter.fail("Force of " + target + " failed; the append ending at " + waiter.endPosition
                        + " is not durable", false, cause);
            }
        }
        return failed;
    }

    /**
     * Stops accepting appends, lets the thread run a final force for the outstanding waiters, and
     * returns once every stage handed out is complete. If a force hangs beyond the flush timeout (plus
     * a margin), the remaining stages fail as timed out and the thread is left to finish on its own.
     */
    void close() {
        accepting = false;
        running = false;
        LockSupport.unpark(thread);
        boolean stopped = join(thread, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + DETACH_MARGIN_MILLIS);
        if (!stopped) {
            LOG.warn("Group commit thread {} for {} is still inside force(); failing the appends it holds as timed out",
                    thread.getName(), target);
        }
        int leftOver = 0;
        for (Waiter waiter; (waiter = waiters.poll()) != null;) {
            if (!waiter.isDone()) {
                leftOver++;
            }
            waiter.fail(stopped
                    ? "Sync flush was detached from " + target + " before position " + waiter.endPosition + " was written"
                    : "Force of " + target + " did not return before detach", !stopped, null);
        }
        watchdog.stop();
        int forced = Math.max(1, forces.get());
        LOG.info("Group commit stopped for {} after {} forces (on average {} ms each after {} ms gathering, {} appends"
                + " each); {} appends failed at detach", target, forces.get(),
                String.format("%.2f", forceNanosTotal / 1e6 / forced),
                String.format("%.2f", gatherNanosTotal / 1e6 / forced),
                String.format("%.1f", (double) appendsCompleted / forced), leftOver);
    }

    static boolean join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** @return how many times this service called {@code force()} (for tests and status) */
    int forces() {
        return forces.get();
    }

    boolean isAlive() {
        return thread.isAlive() || watchdog.isAlive();
    }
}
