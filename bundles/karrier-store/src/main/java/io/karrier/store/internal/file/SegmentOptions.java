package io.karrier.store.internal.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;

/**
 * How the segments of a {@link SegmentedFile} are made and forced.
 *
 * @param segmentSize bytes per segment file, a positive multiple of nothing in particular (1 GiB for
 *        the commit log, 6,000,000 for a consume queue); every file of a directory has this size
 * @param preTouch whether a new segment gets one byte written per 4 KiB page before it is used, so
 *        the writer does not take the page faults (and block allocation) on the append path
 * @param force how a dirty range of a segment reaches the disk; replaced by tests to inject failures
 */
public record SegmentOptions(int segmentSize, boolean preTouch, Force force) {

    /** Forces a range with {@link MappedByteBuffer#force(int, int)} (msync), the only way the JDK promises works for a mapping. */
    public static final Force MSYNC = (buffer, index, length) -> {
        try {
            buffer.force(index, length);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    };

    public SegmentOptions {
        if (segmentSize < 64) {
            throw new IllegalArgumentException("segment size " + segmentSize + " is below 64 bytes");
        }
        if (force == null) {
            throw new NullPointerException("force");
        }
    }

    /** @return options with the given size, no pre-touch and {@link #MSYNC} */
    public static SegmentOptions of(int segmentSize) {
        return new SegmentOptions(segmentSize, false, MSYNC);
    }

    /** Writes a dirty range of a mapped segment to disk. */
    @FunctionalInterface
    public interface Force {

        /**
         * @param buffer the segment's mapping
         * @param index first dirty byte
         * @param length number of bytes
         * @throws IOException when the disk refuses
         */
        void force(MappedByteBuffer buffer, int index, int length) throws IOException;
    }
}
