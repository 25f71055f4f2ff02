package io.karrier.store.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SegmentWarmerTest {

    private static final int SIZE = 4 << 20;
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void warmingBesideTheWriterNeverChangesAByte() throws Exception {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            MappedSegment segment = file.roll(0);
            AtomicInteger writerAt = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            // warm the pages right at the writer again and again, where a plain write of a zero would
            // race with the writer's first byte of a page
            Thread warmer = new Thread(() -> {
                while (!done.get()) {
                    int at = writerAt.get();
                    segment.warm(Math.max(0, at - PAGE), Math.min(SIZE, at + 4 * PAGE));
                }
            });
            warmer.start();
            try {
                for (int page = 0; page < SIZE; page += PAGE) {
                    writerAt.set(page);
                    for (int i = page; i < page + PAGE; i += 512) {
                        segment.writer().put(i, (byte) (1 + (i / 512) % 250));
                    }
                }
            } finally {
                done.set(true);
                warmer.join();
            }
            for (int i = 0; i < SIZE; i += 512) {
                assertThat(segment.writer().get(i)).as("byte %d", i).isEqualTo((byte) (1 + (i / 512) % 250));
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void keepsTheHighWaterMarkAheadOfTheWriter() throws IOException, InterruptedException {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE));
                HighWaterMark highWater = HighWaterMark.open(dir, PAGE)) {
            highWater.settle(0);
            MappedSegment segment = file.roll(0);
            try (SegmentWarmer warmer = new SegmentWarmer(file, highWater, 64 * 1024, "test-warmer").start()) {
                awaitBound(highWater, 64 * 1024);
                segment.publish(100_000);
                awaitBound(highWater, 100_000 + 64 * 1024);
            }
            assertThat(highWater.bound()).isLessThanOrEqualTo(100_000 + 64 * 1024 + PAGE);
        }
    }

    private static void awaitBound(HighWaterMark highWater, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (highWater.bound() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(highWater.bound()).isGreaterThanOrEqualTo(atLeast);
    }
}
