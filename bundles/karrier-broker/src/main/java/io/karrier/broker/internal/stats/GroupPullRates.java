package io.karrier.broker.internal.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Messages pulled per (consumer group, topic) over the last minute, what RocketMQ reports as a
 * group's consume TPS (its GROUP_GET_NUMS statistic). Pairs are tracked from their first pull, up to
 * a bound: past it, new pairs are not tracked and report 0, so memory stays bounded (about 1 KiB a
 * pair). Counting is lock-free; {@link #sample()}, once a second, and reading synchronize per pair.
 */
final class GroupPullRates {

    private static final int WINDOW_SECONDS = 60;

    private final int maxPairs;
    private final Map<String, Rate> rates = new ConcurrentHashMap<>();

    GroupPullRates(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    void add(String group, String topic, int messages, long nowMillis) {
        String key = key(group, topic);
        Rate rate = rates.get(key);
        if (rate == null) {
            if (rates.size() >= maxPairs) {
                return;
            }
            rate = rates.computeIfAbsent(key, k -> new Rate(nowMillis));
        }
        rate.total.add(messages);
    }

    void sample(long nowMillis) {
        rates.values().forEach(rate -> rate.sample(nowMillis));
    }

    /** @return messages per second pulled by the group from the topic over the last minute, 0 if untracked */
    double tps(String group, String topic) {
        Rate rate = rates.get(key(group, topic));
        return rate == null ? 0 : rate.perSecond();
    }

    private static String key(String group, String topic) {
        return group + '\n' + topic;
    }

    /** One pair's total and its per-second samples over the window. */
    private static final class Rate {

        private final LongAdder total = new LongAdder();
        private final long[] totals = new long[WINDOW_SECONDS + 1];
        private final long[] times = new long[totals.length];
        private int samples = 1; // guarded by this
        private int next = 1; // guarded by this

        Rate(long startMillis) {
            times[0] = startMillis;
        }

        synchronized void sample(long nowMillis) {
            totals[next] = total.sum();
            times[next] = nowMillis;
            next = (next + 1) % totals.length;
            samples = Math.min(samples + 1, totals.length);
        }

        synchronized double perSecond() {
            int latest = Math.floorMod(next - 1, totals.length);
            int earliest = Math.floorMod(latest - (samples - 1), totals.length);
            long millis = times[latest] - times[earliest];
            return millis <= 0 ? 0 : (totals[latest] - totals[earliest]) * 1000.0 / millis;
        }
    }
}
