package io.karrier.store.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighWaterMarkTest {

    @TempDir
    Path dir;

    @Test
    void coverRaisesTheBoundAStepPastTheWriteAndKeepsItOnDisk() throws IOException {
        try (HighWaterMark mark = HighWaterMark.open(dir, 1000)) {
            assertThat(mark.bound()).isEqualTo(HighWaterMark.UNKNOWN);
            mark.settle(0);
            assertThat(mark.bound()).isZero();
            mark.cover(1);
            assertThat(mark.bound()).isEqualTo(1000);
            mark.cover(1000);
            assertThat(mark.bound()).isEqualTo(1000);
            mark.cover(2500);
            assertThat(mark.bound()).isEqualTo(3000);
            mark.settle(10); // a known bound never goes down
            assertThat(mark.bound()).isEqualTo(3000);
        }
        try (HighWaterMark reread = HighWaterMark.open(dir, 1000)) {
            assertThat(reread.bound()).isEqualTo(3000);
        }
    }

    @Test
    void aDamagedOrMissingFileMeansNoBound() throws IOException {
        try (HighWaterMark mark = HighWaterMark.open(dir, 4096)) {
            mark.settle(5000);
        }
        Path file = dir.resolve(HighWaterMark.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[7] ^= 1;
        Files.write(file, bytes);
        try (HighWaterMark mark = HighWaterMark.open(dir, 4096)) {
            assertThat(mark.bound()).isEqualTo(HighWaterMark.UNKNOWN);
            mark.cover(1 << 20); // unknown covers everything: nothing to write
            assertThat(mark.bound()).isEqualTo(HighWaterMark.UNKNOWN);
            mark.settle(7000);
        }
        try (HighWaterMark mark = HighWaterMark.open(dir, 4096)) {
            assertThat(mark.bound()).isEqualTo(7000);
        }
        Files.write(file, new byte[3]);
        try (HighWaterMark mark = HighWaterMark.open(dir, 4096)) {
            assertThat(mark.bound()).isEqualTo(HighWaterMark.UNKNOWN);
        }
        Files.delete(file);
        try (HighWaterMark mark = HighWaterMark.open(dir, 4096)) {
            assertThat(mark.bound()).isEqualTo(HighWaterMark.UNKNOWN);
        }
    }

    @Test
    void stepIsAQuarterSegmentUpTo16MiB() {
        assertThat(HighWaterMark.stepFor(64 * 1024)).isEqualTo(16 * 1024);
        assertThat(HighWaterMark.stepFor(1 << 30)).isEqualTo(16L << 20);
    }
}
