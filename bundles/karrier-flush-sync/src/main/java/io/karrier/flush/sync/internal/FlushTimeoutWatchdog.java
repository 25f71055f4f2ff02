package io.karrier.flush.sync.internal;

import java.util.Queue;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails waiters that waited longer than the flush timeout with a timed-out
 * {@link io.karrier.api.flush.FlushFailedException} (the broker answers FLUSH_DISK_TIMEOUT, as
 * RocketMQ does). A thread of its own so that appends time out even while the group-commit thread is
 * stuck in a slow or hung {@code force()}.
 *
 * <p>It shares the group-commit queue. Waiters enter it in arrival order and all have the same
 * timeout, so the head has the earliest deadline: the watchdog sleeps until that deadline (or one
 * timeout when the queue is empty, so appenders never need to wake it) and only ever looks at the
 * head. Completed waiters are normally removed by the group-commit thread.
 */
final class FlushTimeoutWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(FlushTimeoutWatchdog.class);

    private final Queue<Waiter> waiters;
    private final long timeoutNanos;
    private final Thread thread;
    private volatile boolean running = true;

    FlushTimeoutWatchdog(Queue<Waiter> waiters, long timeoutNanos, String threadName) {
        this.waiters = waiters;
        this.timeoutNanos = timeoutNanos;
        this.thread = new Thread(this::watch, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void watch() {
        long timedOut = 0;
        while (running) {
            Waiter head = waiters.peek();
            long now = System.nanoTime();
            if (head == null) {
                LockSupport.parkNanos(this, timeoutNanos);
            } else if (head.isDone()) {
                waiters.remove(head);
            } else if (now - head.deadlineNanos >= 0) {
                waiters.remove(head);
                if (!head.isDone()) {
                    head.fail("No force covered position " + head.endPosition + " within "
                            + timeoutNanos / 1_000_000 + " ms", true, null);
                    if (timedOut++ == 0) {
                        LOG.warn("Appends are timing out waiting for a flush (first at position {}); the disk is slow or stuck",
                                head.endPosition);
                    }
                }
            } else {
                if (timedOut > 1) {
                    LOG.warn("{} appends timed out waiting for a flush", timedOut);
                }
                timedOut = 0;
                LockSupport.parkNanos(this, head.deadlineNanos - now);
            }
        }
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
        GroupCommitService.join(thread, 10_000);
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}
