package io.karrier.store.internal.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hard disk limit: decides whether appends are refused. Each measurement, whether from a
 * retention pass ({@link #measure}) or from an append ({@link #refusal}, which measures itself at
 * most once per recheck interval, about a second), sets or clears the refusal, so appends stop
 * within a second of the disk passing the limit and resume within a second of space being freed,
 * without waiting for the next retention pass and without a restart. Reads are never affected.
 *
 * <p>Thread-safety: any thread. The refusal is a volatile string; a compare-and-set on the next
 * check time lets exactly one appending thread measure when a check is due, the others go on with
 * the last answer. A failing measurement leaves the last answer in place.
 */
public final class DiskGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DiskGuard.class);

    private final Path storePath;
    private final DiskUsage usage;
    private final int hardLimitPercent;
    private final LongSupplier millis;
    private final long recheckMillis;
    private final AtomicLong nextCheck = new AtomicLong(Long.MIN_VALUE);
    private volatile String refusal;
    private volatile boolean measureFailing;

    /**
     * @param storePath named in the refusal
     * @param millis the clock that spaces the checks made on appends
     * @param recheckMillis least time between two checks made on appends
     */
    public DiskGuard(Path storePath, DiskUsage usage, int hardLimitPercent, LongSupplier millis, long recheckMillis) {
        this.storePath = storePath;
        this.usage = usage;
        this.hardLimitPercent = hardLimitPercent;
        this.millis = millis;
        this.recheckMillis = recheckMillis;
    }

    /**
     * For the append path: measures when a check is due, then answers.
     *
     * @return null when appends may go on, else why not: "store PATH is N% full (hard limit M%)"
     */
    public String refusal() {
        long now = millis.getAsLong();
        long due = nextCheck.get();
        if (now >= due && nextCheck.compareAndSet(due, now + recheckMillis)) {
            measure();
        }
        return refusal;
    }

    /**
     * Measures now and sets or clears the refusal.
     *
     * @return the measurement, or null when the disk could not be measured
     */
    public DiskSpace measure() {
        DiskSpace space;
        try {
            space = usage.measure();
        } catch (IOException | RuntimeException e) {
            if (!measureFailing) {
                measureFailing = true;
                LOG.warn("Cannot measure the disk of store {} ({}); appends go on as before", storePath, e.toString());
            }
            return null;
        }
        measureFailing = false;
        update(space);
        return space;
    }

    private void update(DiskSpace space) {
        if (space.usedPercent() > hardLimitPercent) {
            String reason = "store " + storePath + " is " + space.usedPercentText() + "% full (hard limit "
                    + hardLimitPercent + "%)";
            if (refusal == null) {
                LOG.error("Refusing appends: {}; reads go on", reason);
            }
            refusal = reason;
        } else if (refusal != null) {
            refusal = null;
            LOG.warn("Accepting appends again: store {} is {}% full (hard limit {}%)", storePath,
                    space.usedPercentText(), hardLimitPercent);
        }
    }

    /** @return whether appends are refused now, without measuring */
    public boolean refusing() {
        return refusal != null;
    }
}
