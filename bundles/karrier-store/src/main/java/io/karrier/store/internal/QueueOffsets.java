package io.karrier.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every topic and queue, assigned at append time under the append lock so
 * that queue order equals commit-log order. Read from the consume queues after recovery
 * ({@link #restore}, before appends start); then read and advanced only under the append lock, so a
 * queue's counter is a plain mutable field and an append costs one map lookup, no key string.
 */
final class QueueOffsets {

    private final Map<Queue, Counter> next = new ConcurrentHashMap<>();

    private record Queue(String topic, int queueId) {
    }

    /** A queue's next offset; changed under the append lock only. */
    static final class Counter {
        private long next;

        /** @return the offset the next message of the queue gets */
        long next() {
            return next;
        }

        /** Records that {@code count} messages were appended at {@link #next()}. */
        void advance(int count) {
            next += count;
        }
    }

    /** @return the counter of a queue, created at 0 for a new one; under the append lock */
    Counter of(String topic, int queueId) {
        return next.computeIfAbsent(new Queue(topic, queueId), queue -> new Counter());
    }

    /** Sets a queue's next offset from its consume queue at start-up. */
    void restore(String topic, int queueId, long nextOffset) {
        of(topic, queueId).next = nextOffset;
    }
}
