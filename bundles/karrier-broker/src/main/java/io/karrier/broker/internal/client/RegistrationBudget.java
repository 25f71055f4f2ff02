package io.karrier.broker.internal.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the (group, connection) registrations of one registry against its limit, so a flood of
 * groups or connections cannot grow the broker's memory without bound. Thread-safe.
 */
final class RegistrationBudget {

    private final AtomicInteger used = new AtomicInteger();
    private final int limit;

    RegistrationBudget(int limit) {
        this.limit = limit;
    }

    /** @return whether one more registration fits; if so it is counted */
    boolean tryTake() {
        if (used.incrementAndGet() > limit) {
            used.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(int count) {
        used.addAndGet(-count);
    }

    int used() {
        return used.get();
    }

    int limit() {
        return limit;
    }
}
