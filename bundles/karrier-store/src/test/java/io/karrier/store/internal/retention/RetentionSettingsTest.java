package io.karrier.store.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(RetentionSettings.DEFAULTS).isEqualTo(new RetentionSettings(Duration.ofSeconds(10),
                Duration.ofHours(72), 75, 90));
    }

    @Test
    void refusesASoftLimitAboveTheHardOneAndNonsense() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofSeconds(10), Duration.ofHours(72), 95, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diskSoftLimitPercent (95)");
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofSeconds(10), Duration.ofHours(72), 75, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionSettings(Duration.ZERO, Duration.ofHours(72), 75, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofSeconds(1), Duration.ZERO, 75, 90))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealDiskIsMeasuredThroughItsFileStore() throws Exception {
        DiskSpace space = FileStoreDiskUsage.of(directory).measure();
        assertThat(space.totalBytes()).isPositive();
        assertThat(space.usableBytes()).isBetween(0L, space.totalBytes());
        assertThat(space.usedPercent()).isBetween(0.0, 100.0);
    }

    @Test
    void usedMeansWhatThisProcessCannotWrite() {
        DiskSpace space = new DiskSpace(1000, 250);
        assertThat(space.usedBytes()).isEqualTo(750);
        assertThat(space.usedPercentText()).isEqualTo("75.0");
        assertThatThrownBy(() -> new DiskSpace(1000, 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
