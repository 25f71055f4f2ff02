package io.karrier.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void reportsPercentilesOfWhatWasRecorded() {
        Latencies latencies = new Latencies();
        for (int millis = 1; millis <= 1000; millis++) {
            latencies.recordNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(1000);
        // HdrHistogram with 3 significant digits: within 0.1 %
        assertThat((double) summary.p50()).isCloseTo(500_000, within(500.0));
        assertThat((double) summary.p99()).isCloseTo(990_000, within(990.0));
        assertThat((double) summary.p999()).isCloseTo(999_000, within(999.0));
        assertThat((double) summary.max()).isCloseTo(1_000_000, within(1000.0));
        assertThat(summary.clamped()).isZero();
    }

    @Test
    void aFewSlowValuesShowInTheTailOnly() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 9_990; i++) {
            latencies.recordNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        for (int i = 0; i < 10; i++) {
            latencies.recordNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.p50()).isEqualTo(200);
        assertThat(summary.p99()).isEqualTo(200);
        assertThat((double) summary.max()).isCloseTo(50_000, within(50.0));
        assertThat(summary.toString()).startsWith("latency ms: p50=0.200 p99=0.200 ").contains("(n=10000)");
    }

    @Test
    void clampsValuesOverAnHourInsteadOfLosingThem() {
        Latencies latencies = new Latencies();
        latencies.recordNanos(Duration.ofHours(2).toNanos());
        latencies.recordNanos(-5);

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.clamped()).isEqualTo(1);
        assertThat((double) summary.max()).isCloseTo(Latencies.MAX_MICROS, within(Latencies.MAX_MICROS / 1000.0));
        assertThat(summary.toString()).contains("1 over 1 h");
    }

    @Test
    void anEmptyRunHasZeroes() {
        Latencies.Summary summary = new Latencies().summary();

        assertThat(summary.count()).isZero();
        assertThat(summary.p50()).isZero();
        assertThat(summary.p999()).isZero();
    }

    @Test
    void recordsFromManyThreadsWithoutLosingValues() throws InterruptedException {
        Latencies latencies = new Latencies();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 25_000; i++) {
                    latencies.recordNanos(1_000 + i);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(latencies.summary().count()).isEqualTo(100_000);
    }
}
