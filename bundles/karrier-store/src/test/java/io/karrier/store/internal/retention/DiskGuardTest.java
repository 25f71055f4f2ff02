package io.karrier.store.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DiskGuardTest {

    private static final Path STORE = Path.of("/data/karrier/store");

    private final AtomicLong usedPercent = new AtomicLong(50);
    private final AtomicInteger measurements = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private volatile boolean failing;

    private final DiskUsage disk = () -> {
        measurements.incrementAndGet();
        if (failing) {
            throw new IOException("statfs failed");
        }
        return new DiskSpace(1000, 1000 - usedPercent.get() * 10);
    };
    private final DiskGuard guard = new DiskGuard(STORE, disk, 90, now::get, 1000);

    @Test
    void refusesPastTheHardLimitNamingThePathAndItsUsage() {
        assertThat(guard.refusal()).isNull();
        usedPercent.set(95);
        guard.measure();
        assertThat(guard.refusing()).isTrue();
        assertThat(guard.refusal()).isEqualTo("store " + STORE + " is 95.0% full (hard limit 90%)");
    }

    @Test
    void theLimitItselfIsNotPastIt() {
        usedPercent.set(90);
        guard.measure();
        assertThat(guard.refusal()).isNull();
        usedPercent.set(91);
        guard.measure();
        assertThat(guard.refusal()).contains("91.0% full");
    }

    @Test
    void appendsMeasureAtMostOncePerRecheckIntervalAndPickUpChangesBothWays() {
        guard.refusal();
        guard.refusal();
        assertThat(measurements.get()).isEqualTo(1);

        usedPercent.set(99);
        assertThat(guard.refusal()).as("not due yet").isNull();
        now.addAndGet(1000);
        assertThat(guard.refusal()).contains("99.0% full");
        assertThat(measurements.get()).isEqualTo(2);

        usedPercent.set(40);
        now.addAndGet(999);
        assertThat(guard.refusal()).as("not due yet").isNotNull();
        now.addAndGet(1);
        assertThat(guard.refusal()).isNull();
        assertThat(measurements.get()).isEqualTo(3);
    }

    @Test
    void aFailedMeasurementKeepsTheLastAnswer() {
        usedPercent.set(95);
        guard.measure();
        failing = true;
        assertThat(guard.measure()).isNull();
        assertThat(guard.refusing()).isTrue();
        failing = false;
        usedPercent.set(10);
        assertThat(guard.measure()).isNotNull();
        assertThat(guard.refusing()).isFalse();
    }
}
