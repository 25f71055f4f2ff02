package io.karrier.store.internal.queue;

import java.util.function.LongUnaryOperator;

/** Binary search over a range of queue offsets whose keys do not decrease. Pure function. */
final class QueueSearch {

    private QueueSearch() {
    }

    /**
     * @param from first offset (inclusive)
     * @param to last offset (exclusive)
     * @param key the key of an offset, non-decreasing over the range
     * @param target the key searched for
     * @return the first offset in [from, to) whose key is at least {@code target}, or {@code to}
     */
    static long lowerBound(long from, long to, LongUnaryOperator key, long target) {
        long low = from;
        long high = to;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (key.applyAsLong(mid) < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
