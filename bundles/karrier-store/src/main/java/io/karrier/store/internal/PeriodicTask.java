package io.karrier.store.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A named daemon thread that runs one job at a fixed delay until closed; the store's background
 * services (checkpoint, retention) each own one. A job's exceptions are its own to catch: one that
 * escapes ends the schedule.
 */
public final class PeriodicTask implements AutoCloseable {

    private final ScheduledExecutorService thread;

    /** @param threadName what the thread is called in a thread dump */
    public PeriodicTask(String threadName) {
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, threadName);
            named.setDaemon(true);
            return named;
        });
    }

    /** Runs the job every {@code delay} after the previous run ended, the first time one delay from now. */
    public void start(Duration delay, Runnable job) {
        thread.scheduleWithFixedDelay(job, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and waits up to 10 s for a running job to finish. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
