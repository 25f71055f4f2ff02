package io.karrier.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every topic and queue, assigned at append time under the append lock so
 * that queue order equals commit-log order. Read from the consume queues after recovery; written
 * only by appends (one at a time), read by anyone.
 */
final class QueueOffsets {

    private final Map<String, Long> next = new ConcurrentHashMap<>();

    private static String key(String topic, int queueId) {
        return topic + '-' + queueId;
    }

    /** @return the offset the next message of the queue gets */
    long next(String topic, int queueId) {
        return next.getOrDefault(key(topic, queueId), 0L);
    }

    /** Records that {@code count} messages were appended starting at {@code first}. */
    void advance(String topic, int queueId, long first, int count) {
        next.put(key(topic, queueId), first + count);
    }

    /** Sets a queue's next offset from its consume queue at start-up. */
    void restore(String topic, int queueId, long nextOffset) {
        next.put(key(topic, queueId), nextOffset);
    }
}
