package io.karrier.store.internal.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable upper bound on every byte a writer has ever put into the segments of one directory, so
 * that recovery needs to zero the tail of the last segment only up to it instead of reading the
 * whole (mostly sparse) rest of a 1 GiB file, where every read of a hole faults in a zero page.
 *
 * <p>Invariant: every non-zero byte of the segments lies below the bound on disk. The writer keeps
 * it by calling {@link #cover} before it writes past the bound; {@code cover} raises the bound a
 * {@code step} ahead and forces it to disk before it returns, so a byte can never reach the disk
 * (msync, or the kernel's own writeback) with a bound below it. A missing or unreadable file (a log
 * from before this file, a lost directory entry, a torn write) means no bound: recovery then zeroes
 * to the segment end as before, and {@link #settle} records the cut end once that is done. The
 * bound never goes down, which is always safe: it may only overstate where data can be.
 *
 * <p>On disk: {@code <directory>/highwater}, 16 bytes, big-endian: the bound (a log offset), then
 * the CRC32C of those 8 bytes. Written in place and forced with {@code fdatasync}; 16 bytes in one
 * sector are not torn on real disks, and if they were, the CRC makes it "no bound".
 *
 * <p>Thread-safety: thread-safe. The writer calls {@link #cover} before each write (a volatile read
 * unless the bound must move), a {@link SegmentWarmer} may raise it ahead of the writer so the
 * writer rarely waits for the fsync itself, recovery calls {@link #settle}.
 */
public final class HighWaterMark implements Closeable {

    /** File name inside the segment directory; not a segment name, so {@link SegmentedFile} ignores it. */
    public static final String FILE_NAME = "highwater";
    /** The largest step: one fsync of 16 bytes per 16 MiB written, at most 16 MiB of tail to check. */
    static final long MAX_STEP = 16L << 20;
    /** {@link #bound()} when there is no valid file: any byte of any segment may be non-zero. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(HighWaterMark.class);
    private static final int LENGTH = 16;

    private final Path path;
    private final long step;
    private final ByteBuffer record = ByteBuffer.allocate(LENGTH);
    private FileChannel channel;
    private volatile long bound;

    private HighWaterMark(Path path, long step, long bound) {
        this.path = path;
        this.step = step;
        this.bound = bound;
    }

    /**
     * Reads the bound of the segments in {@code directory}, if a valid one is there.
     *
     * @param step how far ahead of a write {@link #cover} raises the bound, positive
     */
    public static HighWaterMark open(Path directory, long step) throws IOException {
        if (step <= 0) {
            throw new IllegalArgumentException("high-water step " + step + " is not positive");
        }
        Path path = directory.resolve(FILE_NAME);
        return new HighWaterMark(path, step, read(path));
    }

    private static long read(Path path) throws IOException {
        if (!Files.exists(path)) {
            return UNKNOWN;
        }
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != LENGTH || buffer.getLong(8) != crc(buffer.getLong(0)) || buffer.getLong(0) < 0) {
            LOG.warn("{} is not a valid high-water mark; recovery zeroes the whole tail of the last segment", path);
            return UNKNOWN;
        }
        return buffer.getLong(0);
    }

    private static long crc(long value) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, value));
        return crc.getValue();
    }

    /**
     * @return how far ahead of the writer to raise the bound for segments of {@code segmentSize}
     *         bytes: a quarter segment, at most {@link #MAX_STEP}
     */
    public static long stepFor(int segmentSize) {
        return Math.min(MAX_STEP, Math.max(1, segmentSize / 4));
    }

    /** @return the offset from which every byte is known to be zero, or {@link #UNKNOWN} */
    public long bound() {
        return bound;
    }

    /**
     * Makes sure the bound on disk is above {@code end} before the writer writes below it: when it
     * is not, raises it to the next multiple of the step past {@code end} and forces the file.
     *
     * @param end the offset just past the bytes about to be written
     * @throws IOException when the bound cannot be made durable; then nothing may be written
     */
    public void cover(long end) throws IOException {
        if (end <= bound) {
            return;
        }
        synchronized (this) {
            if (end > bound) {
                write((end / step + 1) * step);
            }
        }
    }

    /**
     * After the owner cut the log at {@code end} and forced zeros over everything past it: when there
     * was no bound, {@code end} is one now. A known bound stays (it never goes down).
     */
    public synchronized void settle(long end) throws IOException {
        if (bound == UNKNOWN) {
            write(end);
        }
    }

    private void write(long value) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        record.clear();
        record.putLong(0, value).putLong(8, crc(value));
        while (record.hasRemaining()) {
            channel.write(record, record.position());
        }
        channel.force(false);
        bound = value;
    }

    /** Closes the file; a later {@link #cover} or {@link #settle} reopens it. */
    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Could not close {}", path, e);
            }
            channel = null;
        }
    }

    @Override
    public String toString() {
        return path + "[" + (bound == UNKNOWN ? "unknown" : bound) + "]";
    }
}
