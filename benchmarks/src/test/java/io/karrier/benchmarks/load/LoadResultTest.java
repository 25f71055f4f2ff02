package io.karrier.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static final Latencies.Summary LATENCY = new Latencies().summary();

    @Test
    void ratesAreCountedOverTheElapsedTime() {
        LoadResult result = new LoadResult("run", 5_000, 0, 5_000L * 1024, Duration.ofMillis(2_500), LATENCY, null);

        assertThat(result.messagesPerSecond()).isEqualTo(2_000.0);
        assertThat(result.megabytesPerSecond()).isCloseTo(1.953, within(0.001));
        assertThat(result.report()).contains("messages=5000 errors=0 elapsed=2.50s tps=2000.0").doesNotContain("first error");
    }

    @Test
    void anEmptyRunHasNoRateAndShowsItsFirstError() {
        LoadResult result = new LoadResult("run", 0, 3, 0, Duration.ZERO, LATENCY, "connect refused");

        assertThat(result.messagesPerSecond()).isZero();
        assertThat(result.report()).contains("errors=3").endsWith("first error: connect refused");
    }
}
