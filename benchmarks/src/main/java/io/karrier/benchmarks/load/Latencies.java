package io.karrier.benchmarks.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies recorded from many threads into one HdrHistogram: microsecond resolution, three
 * significant digits, fixed memory whatever the count. A value above one hour is recorded as one
 * hour (and counted in {@link Summary#clamped()}) rather than lost.
 */
final class Latencies {

    static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder clamped = new LongAdder();

    void recordNanos(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        if (micros > MAX_MICROS) {
            clamped.increment();
            micros = MAX_MICROS;
        }
        histogram.recordValue(micros);
    }

    Summary summary() {
        return new Summary(histogram.getTotalCount(), micros(50), micros(99), micros(99.9), histogram.getMaxValue(),
                clamped.sum());
    }

    private long micros(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    /**
     * Percentiles in microseconds (within HdrHistogram's 0.1 % precision).
     *
     * @param count   values recorded
     * @param p50     median
     * @param p99     99th percentile
     * @param p999    99.9th percentile
     * @param max     largest value
     * @param clamped values above one hour, recorded as one hour
     */
    record Summary(long count, long p50, long p99, long p999, long max, long clamped) {

        @Override
        public String toString() {
            return String.format("latency ms: p50=%s p99=%s p999=%s max=%s (n=%d%s)", millis(p50), millis(p99),
                    millis(p999), millis(max), count, clamped == 0 ? "" : ", " + clamped + " over 1 h");
        }

        private static String millis(long micros) {
            return String.format("%.3f", micros / 1000.0);
        }
    }
}
