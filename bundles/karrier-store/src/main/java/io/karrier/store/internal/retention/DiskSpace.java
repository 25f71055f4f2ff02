package io.karrier.store.internal.retention;

import java.util.Locale;

/**
 * One measurement of the file system that holds the store.
 *
 * @param totalBytes the file system's size
 * @param usableBytes what this process may still write (free space minus blocks reserved for root)
 */
public record DiskSpace(long totalBytes, long usableBytes) {

    public DiskSpace {
        if (totalBytes <= 0 || usableBytes < 0 || usableBytes > totalBytes) {
            throw new IllegalArgumentException("bad disk space: " + usableBytes + " usable of " + totalBytes);
        }
    }

    /** @return bytes this process can no longer write to: total minus usable */
    public long usedBytes() {
        return totalBytes - usableBytes;
    }

    /**
     * The share of the disk the store cannot write to. Counting root-reserved blocks as used (unlike
     * {@code df}, which leaves them out) is deliberate: they are not there for the broker's appends.
     *
     * @return used percent, 0 to 100
     */
    public double usedPercent() {
        return usedBytes() * 100.0 / totalBytes;
    }

    /** @return the used percent for messages: one decimal, dot as separator */
    public String usedPercentText() {
        return String.format(Locale.ROOT, "%.1f", usedPercent());
    }
}
