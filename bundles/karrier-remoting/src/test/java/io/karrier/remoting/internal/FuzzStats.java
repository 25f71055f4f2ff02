package io.karrier.remoting.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fuzz run's shared budget (frames to throw, a deadline, a stop flag raised by the first failure)
 * and its counters. Thread-safe.
 */
final class FuzzStats {

    private final long target;
    private final long deadlineNanos;
    private final AtomicLong thrown = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Map<String, LongAdder> counters = new ConcurrentSkipListMap<>();

    FuzzStats(long target, long deadlineNanos) {
        this.target = target;
        this.deadlineNanos = deadlineNanos;
    }

    /** @return whether workers should go on: no failure, target not reached, time left */
    boolean more() {
        return !stopped.get() && thrown.get() < target && System.nanoTime() - deadlineNanos < 0;
    }

    void stop() {
        stopped.set(true);
    }

    void thrown(String kind) {
        thrown.incrementAndGet();
        count("frame " + kind);
    }

    long thrown() {
        return thrown.get();
    }

    void count(String name) {
        count(name, 1);
    }

    void count(String name, long amount) {
        counters.computeIfAbsent(name, n -> new LongAdder()).add(amount);
    }

    void max(String name, long value) {
        LongAdder adder = counters.computeIfAbsent(name, n -> new LongAdder());
        synchronized (adder) {
            if (value > adder.sum()) {
                adder.add(value - adder.sum());
            }
        }
    }

    long get(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    String summary() {
        StringBuilder summary = new StringBuilder("frames thrown: " + thrown.get());
        counters.forEach((name, count) -> summary.append("\n  ").append(name).append(": ").append(count.sum()));
        return summary.toString();
    }
}
