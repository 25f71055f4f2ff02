package io.karrier.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.karrier.store.internal.file.SegmentNames;
import io.karrier.store.internal.retention.DiskSpace;
import io.karrier.store.internal.retention.DiskUsage;

/**
 * Test-only disk: a fixed size whose used bytes are what the test sets plus, when asked, the sizes of
 * the files under a directory, so deleting segments frees simulated space as it would free real space.
 */
final class DiskUsageStub implements DiskUsage {

    private final long totalBytes;
    private final AtomicInteger measurements = new AtomicInteger();
    private volatile long otherBytes;
    private volatile Path counted;

    DiskUsageStub(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    /** Sets what is used besides the counted directory. */
    DiskUsageStub otherBytes(long bytes) {
        otherBytes = bytes;
        return this;
    }

    /** Uses exactly this percent of the disk, counting no directory. */
    DiskUsageStub percent(double percent) {
        counted = null;
        otherBytes = (long) (totalBytes * percent / 100);
        return this;
    }

    /** Adds the sizes of the segment files under {@code directory} to the used bytes. */
    DiskUsageStub counting(Path directory) {
        counted = directory;
        return this;
    }

    long countedBytes() {
        Path directory = counted;
        if (directory == null) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> Files.isRegularFile(file)
                    && SegmentNames.parse(file.getFileName().toString()) >= 0).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // deleted while walking
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int measurements() {
        return measurements.get();
    }

    @Override
    public DiskSpace measure() {
        measurements.incrementAndGet();
        long used = Math.min(totalBytes, otherBytes + countedBytes());
        return new DiskSpace(totalBytes, totalBytes - used);
    }
}
