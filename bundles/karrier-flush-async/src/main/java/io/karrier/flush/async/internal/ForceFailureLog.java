package io.karrier.flush.async.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Logs failed forces as one line each, at most one line per {@value #QUIET_SECONDS} s while the disk
 * keeps failing, and one line when it recovers. Thread-safe.
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

    synchronized void failed(Throwable error, long retryMillis) {
        long now = System.nanoTime();
        failuresSinceSuccess++;
        if (failuresSinceSuccess == 1 || now - lastLoggedNanos >= QUIET_NANOS) {
            log.error("Background force of {} failed ({} in a row, {} not logged), retrying in {} ms: {}",
                    what, failuresSinceSuccess, suppressed, retryMillis, error.toString());
            lastLoggedNanos = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
    }

    synchronized void succeeded() {
        if (failuresSinceSuccess > 0) {
            log.info("Background force of {} succeeds again after {} failed forces", what, failuresSinceSuccess);
            failuresSinceSuccess = 0;
            suppressed = 0;
        }
    }
}
