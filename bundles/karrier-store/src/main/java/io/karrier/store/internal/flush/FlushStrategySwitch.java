package io.karrier.store.internal.flush;

import java.time.Duration;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;

/**
 * Keeps the commit log under the highest-ranked {@link FlushStrategy} present and follows it as
 * strategies come and go.
 *
 * <p>Switches happen under the store's append lock, the same lock appends hold from writing a record
 * to handing its end to the strategy. So no append can be written under one strategy and reported to
 * another, and the outgoing strategy, detached after the incoming one is attached, completes every
 * append it accepted with its own promise before it lets go. With no strategy present, appends wait
 * (releasing the lock) up to a bound, then the caller answers busy.
 */
public final class FlushStrategySwitch {

    private static final Logger LOG = LoggerFactory.getLogger(FlushStrategySwitch.class);

    private record Candidate(FlushStrategy strategy, int ranking, long serviceId) {
    }

    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::ranking).reversed()
            .thenComparingLong(Candidate::serviceId);

    private final FlushTarget target;
    private final ReentrantLock appendLock;
    private final Condition strategyPresent;
    private final TreeSet<Candidate> candidates = new TreeSet<>(PREFERENCE);
    private volatile FlushStrategy current;

    /**
     * @param target the commit log the strategies flush
     * @param appendLock the store's append lock
     */
    public FlushStrategySwitch(FlushTarget target, ReentrantLock appendLock) {
        this.target = target;
        this.appendLock = appendLock;
        this.strategyPresent = appendLock.newCondition();
    }

    /** A strategy arrived; it takes over if it ranks highest. */
    public void add(FlushStrategy strategy, int ranking, long serviceId) {
        appendLock.lock();
        try {
            candidates.add(new Candidate(strategy, ranking, serviceId));
            reselect();
        } finally {
            appendLock.unlock();
        }
    }

    /** A strategy left; the next best takes over, or appends wait for one. */
    public void remove(FlushStrategy strategy) {
        appendLock.lock();
        try {
            candidates.removeIf(candidate -> candidate.strategy() == strategy);
            reselect();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Returns the strategy in force, waiting for one if none is present. Call with the append lock
     * held; it is released while waiting.
     *
     * @param wait how long to wait for a strategy
     * @return the strategy, or {@code null} if none arrived in time
     */
    public FlushStrategy awaitCurrent(Duration wait) throws InterruptedException {
        long remaining = wait.toNanos();
        while (current == null && remaining > 0) {
            remaining = strategyPresent.awaitNanos(remaining);
        }
        return current;
    }

    /** @return the strategy in force, or {@code null}; an append must call {@link #awaitCurrent} instead */
    public FlushStrategy current() {
        return current;
    }

    /** Detaches the strategy in force: the store is closing. */
    public void close() {
        appendLock.lock();
        try {
            candidates.clear();
            if (current != null) {
                current.detach(target);
                LOG.info("Flush strategy {} detached: the store is closing", current.name());
                current = null;
            }
        } finally {
            appendLock.unlock();
        }
    }

    private void reselect() {
        FlushStrategy best = candidates.isEmpty() ? null : candidates.first().strategy();
        if (best == current) {
            return;
        }
        FlushStrategy previous = current;
        if (best != null) {
            best.attach(target);
        }
        current = best;
        if (previous != null) {
            previous.detach(target);
        }
        if (best != null) {
            LOG.info("Flush strategy now {} (was {})", best.name(), previous == null ? "none" : previous.name());
            strategyPresent.signalAll();
        } else {
            LOG.warn("Flush strategy {} left and none is present: appends wait for one, then answer busy"
                    + " (install karrier-flush-async or karrier-flush-sync)", previous.name());
        }
    }
}
