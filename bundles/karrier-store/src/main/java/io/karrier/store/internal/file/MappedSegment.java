package io.karrier.store.internal.file;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size, memory-mapped segment file of a {@link SegmentedFile}.
 *
 * <p>On disk: a file of exactly {@code segmentSize} bytes named by the offset of its first byte in
 * the whole log, zero-padded to 20 decimal digits ({@code 00000000001073741824}). Bytes past the
 * write position are zero, or are made zero by {@link #truncate} before anything is written there
 * (up to a bound the owner knows, see {@link HighWaterMark}).
 * A new segment is created under a {@code .tmp} name, sized, then renamed, so a crash never leaves
 * a short segment under a real name.
 *
 * <p>Thread-safety: one writer thread calls {@link #writer}, {@link #publish}, {@link #truncate};
 * one flusher at a time calls {@link #force}; one warmer at a time may call {@link #warm} beside
 * the writer; any number of readers call {@link #slice} while they
 * hold a {@link #pin}. The write position is volatile and published only after the bytes below it
 * are written, so a reader that sees a position sees the bytes. Reference counting: the owning
 * {@link SegmentedFile} holds one reference; {@link #destroy} or {@link #close} drops it, and the
 * mapping is released (and for destroy the file deleted) when the last pin is released, never while
 * a reader may still touch the buffer.
 */
public final class MappedSegment {

    private static final Logger LOG = LoggerFactory.getLogger(MappedSegment.class);
    private static final int PAGE = 4096;
    private static final byte[] ZEROS = new byte[PAGE];
    /** Atomic int access to the mapping, for {@link #warm}. */
    private static final VarHandle INT_AT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Path path;
    private final long baseOffset;
    private final int size;
    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private final ByteBuffer writerView;
    private final SegmentOptions.Force force;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile int writePosition;
    private volatile int flushedPosition;
    private volatile boolean deleteOnRelease;

    private MappedSegment(Path path, long baseOffset, FileChannel channel, SegmentOptions options, int position)
            throws IOException {
        this.path = path;
        this.baseOffset = baseOffset;
        this.size = options.segmentSize();
        this.channel = channel;
        this.buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        this.writerView = buffer.duplicate();
        this.force = options.force();
        this.writePosition = position;
        this.flushedPosition = position;
    }

    /** Creates a new, empty segment file in {@code directory} starting at {@code baseOffset}. */
    static MappedSegment create(Path directory, long baseOffset, SegmentOptions options) throws IOException {
        Path target = directory.resolve(SegmentNames.name(baseOffset));
        Path temp = directory.resolve(SegmentNames.name(baseOffset) + ".tmp");
        try (FileChannel sizing = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            sizing.truncate(0);
            sizing.write(ByteBuffer.allocate(1), options.segmentSize() - 1L); // sparse file of the full size
            sizing.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directory);
        MappedSegment segment = new MappedSegment(target, baseOffset, openChannel(target), options, 0);
        if (options.preTouch()) {
            segment.preTouch();
        }
        return segment;
    }

    /** Maps an existing segment file; its write position starts at the end until the owner truncates it. */
    static MappedSegment open(Path file, long baseOffset, SegmentOptions options) throws IOException {
        long length = Files.size(file);
        if (length != options.segmentSize()) {
            throw new IOException("segment " + file + " has " + length + " bytes, expected " + options.segmentSize());
        }
        return new MappedSegment(file, baseOffset, openChannel(file), options, options.segmentSize());
    }

    /** Makes the new name durable, so a forced record cannot vanish with its file after a power loss. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync directory {} on this platform", directory, e);
        }
    }

    private static FileChannel openChannel(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void preTouch() {
        for (int i = 0; i < size; i += PAGE) {
            writerView.put(i, (byte) 0);
        }
    }

    /**
     * Faults in the pages that start in {@code [from, to)} for writing, without changing a byte, so
     * the writer finds them mapped and writable. Safe beside the writer: each page is touched by a
     * compare-and-set of its first int from 0 to 0, an atomic read-modify-write that writes back the
     * value it read, so a byte the writer stored there before it is kept, and one stored after it
     * simply lands; a plain write of a zero could erase a record byte the writer had just put there.
     * Pages of a sparse file get their zero fill and block reservation here instead of on the writer.
     *
     * @param from relative to the segment start
     * @param to relative to the segment start, at most the size
     */
    public void warm(int from, int to) {
        for (int page = (from + PAGE - 1) / PAGE * PAGE; page < to; page += PAGE) {
            INT_AT.compareAndSet(buffer, page, 0, 0);
        }
    }

    /** @return the offset of the segment's first byte in the log */
    public long baseOffset() {
        return baseOffset;
    }

    /** @return the offset just past the segment's last byte */
    public long endOffset() {
        return baseOffset + size;
    }

    /** @return the segment's size in bytes */
    public int size() {
        return size;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return bytes written and published, relative to the segment start */
    public int writePosition() {
        return writePosition;
    }

    /** @return bytes known to be on disk, relative to the segment start */
    public int flushedPosition() {
        return flushedPosition;
    }

    /**
     * The writer's own view of the whole mapping, for absolute writes at and past the write
     * position. Writer thread only; readers never see bytes past {@link #writePosition()}.
     *
     * @return the writer view, position and limit as the writer last left them
     */
    public ByteBuffer writer() {
        return writerView;
    }

    /**
     * Makes the bytes below {@code position} visible to readers. Writer thread only.
     *
     * @param position the new write position, not below the current one and at most the size
     */
    public void publish(int position) {
        if (position < writePosition || position > size) {
            throw new IllegalArgumentException("write position " + position + " outside [" + writePosition + ", "
                    + size + "] in " + path);
        }
        writePosition = position;
    }

    /**
     * A read-only view of written bytes. The caller must hold a {@link #pin} while it uses the view.
     *
     * @param index first byte, relative to the segment start
     * @param length number of bytes, all below the write position
     * @return the view, positioned at 0
     * @throws IndexOutOfBoundsException when the range is not all written
     */
    public ByteBuffer slice(int index, int length) {
        if (index < 0 || length < 0 || index > writePosition - length) {
            throw new IndexOutOfBoundsException("range [" + index + ", +" + length + ") outside the written "
                    + writePosition + " bytes of " + path);
        }
        return buffer.slice(index, length).asReadOnlyBuffer();
    }

    /**
     * Forces the written but unflushed bytes to disk. One thread at a time.
     *
     * @return the new flushed position
     * @throws IOException when the disk refuses; the flushed position stays
     */
    public int force() throws IOException {
        int target = writePosition;
        int from = flushedPosition;
        if (target > from) {
            force.force(buffer, from, target - from);
            flushedPosition = target;
        }
        return target;
    }

    /**
     * Sets the write position back to {@code position}, zeroes every byte from there up to
     * {@code zeroFrom} that is not zero already (untouched pages are only read, so a sparse tail stays
     * sparse), and forces the whole segment. For recovery, while no reader or writer uses the segment.
     *
     * @param zeroFrom relative to the segment start: the caller knows every byte from here on is zero
     *        ({@link HighWaterMark}); the segment size or more when it does not know
     */
    void truncate(int position, long zeroFrom) throws IOException {
        if (position < 0 || position > size) {
            throw new IllegalArgumentException("position " + position + " outside segment " + path);
        }
        int dirtyEnd = (int) Math.max(position, Math.min(size, zeroFrom));
        for (int page = position; page < dirtyEnd; page = (page / PAGE + 1) * PAGE) {
            int end = Math.min(dirtyEnd, (page / PAGE + 1) * PAGE);
            if (!isZero(page, end)) {
                writerView.put(page, ZEROS, 0, end - page);
            }
        }
        // all of it: what a crashed process left in the page cache below the position counts as flushed now
        force.force(buffer, 0, size);
        writePosition = position;
        flushedPosition = position;
    }

    private boolean isZero(int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (buffer.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes a reference for reading.
     *
     * @return false when the segment is already released (deleted or closed); then do not read it
     */
    public boolean pin() {
        for (;;) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference taken by {@link #pin}; the last one unmaps (and maybe deletes) the segment. */
    public void release() {
        int count = references.decrementAndGet();
        if (count == 0) {
            free();
        } else if (count < 0) {
            throw new IllegalStateException("segment " + path + " released more often than pinned");
        }
    }

    /** Drops the owner's reference and deletes the file once the last reader has released it. */
    void destroy() {
        deleteOnRelease = true;
        release();
    }

    /** Drops the owner's reference; the mapping goes once the last reader has released it. */
    void close() {
        release();
    }

    /** @return the current number of references, the owner's included; for tests and status */
    int references() {
        return references.get();
    }

    private void free() {
        Unmapper.unmap(buffer);
        try {
            channel.close();
            if (deleteOnRelease) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not {} segment {}", deleteOnRelease ? "delete" : "close", path, e);
        }
    }

    @Override
    public String toString() {
        return path.getFileName() + "[written " + writePosition + ", flushed " + flushedPosition + "]";
    }
}
