package io.karrier.flush.sync.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Logs failed forces as one line each, at most one line per {@value #QUIET_SECONDS} s while the disk
 * keeps failing (a dead disk would otherwise log once per batch), and one line when it recovers.
 * Thread-safe.
 */
final class ForceFailureLog {

    private static final long QUIET_SECONDS = 10;
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(QUIET_SECONDS);

    private final Logger log;
    private final String what;
    private long failuresSinceSuccess;
    private long suppressed;
    private long lastLoggedNanos;

    ForceFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    synchronized void failed(Throwable error, int failedAppends) {
        long now = System.nanoTime();
        failuresSinceSuccess++;
        if (failuresSinceSuccess == 1 || now - lastLoggedNanos >= QUIET_NANOS) {
            log.error("Force of {} failed ({} in a row, {} not logged), failed {} waiting appends: {}",
                    what, failuresSinceSuccess, suppressed, failedAppends, error.toString());
            lastLoggedNanos = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
    }

    synchronized void succeeded() {
        if (failuresSinceSuccess > 0) {
            log.info("Force of {} succeeds again after {} failed forces", what, failuresSinceSuccess);
            failuresSinceSuccess = 0;
            suppressed = 0;
        }
    }
}
