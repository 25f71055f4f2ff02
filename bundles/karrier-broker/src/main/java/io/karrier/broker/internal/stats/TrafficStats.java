package io.karrier.broker.internal.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Messages stored (puts) and handed out by pulls (gets) since the broker started, with what mqadmin's
 * clusterList and brokerStatus show of them: TPS over the last 10 s, minute and 10 minutes, and the
 * totals at this morning's and yesterday's midnight (local time), as RocketMQ's BrokerStats and
 * StoreStatsService report them; and each consumer group's pull rate per topic. {@link #sample()} is to be called once a second; counting is
 * lock-free, sampling and reading synchronize on the series. Memory: two rings of 601 longs, and {@link GroupPullRates}'.
 */
public final class TrafficStats {

    /** Windows, in samples (seconds), that RocketMQ prints TPS for, in its order. */
    private static final int[] WINDOWS = {10, 60, 600};
    /** The most (group, topic) pairs whose pull rate is tracked. */
    private static final int MAX_GROUP_PAIRS = 10_000;

    private final Clock clock;
    private final Series puts;
    private final Series gets;
    private final GroupPullRates groupPulls = new GroupPullRates(MAX_GROUP_PAIRS);

    public TrafficStats(Clock clock) {
        this.clock = clock;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        this.puts = new Series(clock.millis(), today);
        this.gets = new Series(clock.millis(), today);
    }

    /** @return counts messages stored by sends */
    public MessageCounter puts() {
        return puts.total::add;
    }

    /** @return counts messages handed out by pulls, in all and per consumer group and topic */
    public PullCounter gets() {
        return (group, topic, messages) -> {
            gets.total.add(messages);
            groupPulls.add(group, topic, messages, clock.millis());
        };
    }

    /** @return messages per second the group pulled from the topic over the last minute */
    public double consumeTps(String group, String topic) {
        return groupPulls.tps(group, topic);
    }

    /** Takes this second's sample of both totals and, past midnight, rolls the daily snapshots. */
    public void sample() {
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        puts.sample(now, today);
        gets.sample(now, today);
        groupPulls.sample(now);
    }

    public Snapshot putSnapshot() {
        return puts.snapshot();
    }

    public Snapshot getSnapshot() {
        return gets.snapshot();
    }

    /**
     * @param totalNow messages since the broker started
     * @param totalTodayMorning the total at this day's first sample (0 on the day the broker started)
     * @param totalYesterdayMorning the total at the previous day's first sample
     * @param tps "10s 60s 600s" rates as RocketMQ formats them; a window longer than the broker has
     *        run is measured over what it has run
     */
    public record Snapshot(long totalNow, long totalTodayMorning, long totalYesterdayMorning, String tps) {
    }

    /** One counted quantity and its per-second samples. */
    private static final class Series {

        private final LongAdder total = new LongAdder();
        private final long[] sampleTotals = new long[WINDOWS[WINDOWS.length - 1] + 1];
        private final long[] sampleTimes = new long[sampleTotals.length];
        private int samples; // guarded by this; how many of the ring's slots hold a sample
        private int next; // guarded by this
        private LocalDate day; // guarded by this
        private long todayMorning; // guarded by this
        private long yesterdayMorning; // guarded by this

        Series(long startMillis, LocalDate startDay) {
            this.day = startDay;
            sampleTimes[0] = startMillis;
            samples = 1;
            next = 1;
        }

        synchronized void sample(long nowMillis, LocalDate today) {
            long now = total.sum();
            sampleTotals[next] = now;
            sampleTimes[next] = nowMillis;
            next = (next + 1) % sampleTotals.length;
            samples = Math.min(samples + 1, sampleTotals.length);
            if (!today.equals(day)) {
                yesterdayMorning = todayMorning;
                todayMorning = now;
                day = today;
            }
        }

        synchronized Snapshot snapshot() {
            int latest = Math.floorMod(next - 1, sampleTotals.length);
            StringBuilder tps = new StringBuilder();
            for (int window : WINDOWS) {
                int back = Math.min(window, samples - 1);
                int earlier = Math.floorMod(latest - back, sampleTotals.length);
                long millis = sampleTimes[latest] - sampleTimes[earlier];
                double rate = millis <= 0 ? 0 : (sampleTotals[latest] - sampleTotals[earlier]) * 1000.0 / millis;
                tps.append(tps.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", rate));
            }
            return new Snapshot(total.sum(), todayMorning, yesterdayMorning, tps.toString());
        }
    }
}
