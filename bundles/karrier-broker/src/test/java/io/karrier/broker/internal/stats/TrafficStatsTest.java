package io.karrier.broker.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.karrier.broker.internal.TestClock;

class TrafficStatsTest {

    /** A clock in the system zone (the one the daily totals follow) that moves only when told. */
    private static TestClock clockAt(LocalDateTime start) {
        return new TestClock(start.atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
    }

    @Test
    void ratesAreMeasuredOverEachWindowOrOverWhatTheBrokerHasRun() {
        TestClock clock = clockAt(LocalDateTime.of(2026, 11, 25, 12, 0));
        TrafficStats stats = new TrafficStats(clock);
        for (int second = 0; second < 20; second++) {
            stats.puts().add(second < 10 ? 1 : 5);
            clock.advance(Duration.ofSeconds(1));
            stats.sample();
        }

        TrafficStats.Snapshot puts = stats.putSnapshot();
        assertThat(puts.totalNow()).isEqualTo(60);
        assertThat(puts.tps()).as("last 10 s, then the 20 s run for the minute and the 10 minutes")
                .isEqualTo("5.00 3.00 3.00");
        assertThat(stats.getSnapshot().tps()).isEqualTo("0.00 0.00 0.00");
    }

    @Test
    void oldSamplesLeaveTheRing() {
        TestClock clock = clockAt(LocalDateTime.of(2026, 11, 25, 12, 0));
        TrafficStats stats = new TrafficStats(clock);
        for (int second = 0; second < 700; second++) {
            stats.gets().pulled("g", "t", second < 100 ? 100 : 1);
            clock.advance(Duration.ofSeconds(1));
            stats.sample();
        }

        assertThat(stats.getSnapshot().tps()).isEqualTo("1.00 1.00 1.00");
        assertThat(stats.getSnapshot().totalNow()).isEqualTo(100 * 100 + 600);
    }

    @Test
    void eachGroupsPullRateIsMeasuredOverTheLastMinute() {
        TestClock clock = clockAt(LocalDateTime.of(2026, 11, 25, 12, 0));
        TrafficStats stats = new TrafficStats(clock);
        for (int second = 0; second < 90; second++) {
            stats.gets().pulled("g", "t", second < 30 ? 10 : 2);
            stats.gets().pulled("h", "t", 1);
            clock.advance(Duration.ofSeconds(1));
            stats.sample();
        }

        assertThat(stats.consumeTps("g", "t")).isEqualTo(2.0);
        assertThat(stats.consumeTps("h", "t")).isEqualTo(1.0);
        assertThat(stats.consumeTps("g", "other")).isZero();
        assertThat(stats.getSnapshot().totalNow()).isEqualTo(30 * 10 + 60 * 2 + 90);
    }

    @Test
    void pairsPastTheBoundAreNotTracked() {
        GroupPullRates rates = new GroupPullRates(1);
        rates.add("g", "t", 5, 0);
        rates.add("h", "t", 5, 0);
        rates.sample(1000);

        assertThat(rates.tps("g", "t")).isEqualTo(5.0);
        assertThat(rates.tps("h", "t")).isZero();
    }

    @Test
    void dailyTotalsRollAtMidnight() {
        TestClock clock = clockAt(LocalDateTime.of(2026, 11, 25, 23, 59, 58));
        TrafficStats stats = new TrafficStats(clock);
        stats.puts().add(7);
        clock.advance(Duration.ofSeconds(1));
        stats.sample();
        assertThat(stats.putSnapshot().totalTodayMorning()).as("the day the broker started").isZero();

        stats.puts().add(3);
        clock.advance(Duration.ofSeconds(2));
        stats.sample();
        assertThat(stats.putSnapshot()).satisfies(puts -> {
            assertThat(puts.totalTodayMorning()).isEqualTo(10);
            assertThat(puts.totalYesterdayMorning()).isZero();
        });

        stats.puts().add(5);
        clock.advance(Duration.ofDays(1));
        stats.sample();
        assertThat(stats.putSnapshot()).satisfies(puts -> {
            assertThat(puts.totalNow()).isEqualTo(15);
            assertThat(puts.totalTodayMorning()).isEqualTo(15);
            assertThat(puts.totalYesterdayMorning()).isEqualTo(10);
        });
    }
}
