package io.karrier.store.internal.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered, contiguous segments of one directory: a log of bytes addressed by a 64-bit offset,
 * cut into {@link MappedSegment}s of a fixed size.
 *
 * <p>On disk: files named by their 20-digit start offset ({@link SegmentNames}), each exactly
 * {@link SegmentOptions#segmentSize()} bytes, each start a multiple of that size and each the end of
 * the one before. Leftover {@code *.tmp} files (a crash while creating a segment) are deleted on
 * open; other names are ignored. Open refuses a directory whose segments have the wrong size or a
 * gap, rather than guess.
 *
 * <p>Thread-safety: the segment list is an immutable snapshot in a volatile field (copy on write).
 * Structural changes ({@link #roll}, {@link #deleteWhollyBelow}, {@link #truncate}, {@link #close})
 * take a lock and publish a new list; lookups never lock. One writer thread appends to
 * {@link #last()}; retention may delete old segments from another thread; readers pin what they
 * read ({@link #pinSegmentFor}), so a segment dropped from the list stays mapped until they release
 * it. Loaded segments start with their write position at their end: the owner must
 * {@link #truncate} to the real end (found by recovery) before appending.
 */
public final class SegmentedFile implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedFile.class);

    private final Path directory;
    private final SegmentOptions options;
    private final Object lock = new Object();
    private volatile List<MappedSegment> segments;

    private SegmentedFile(Path directory, SegmentOptions options, List<MappedSegment> segments) {
        this.directory = directory;
        this.options = options;
        this.segments = List.copyOf(segments);
    }

    /**
     * Opens (creating if needed) the directory and maps every segment in it.
     *
     * @throws IOException when a segment cannot be mapped, has the wrong size, or the segments have a gap
     */
    public static SegmentedFile open(Path directory, SegmentOptions options) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    LOG.info("Deleting {}, left over from a segment creation that did not finish", file);
                    Files.delete(file);
                } else if (SegmentNames.parse(name) >= 0 && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort((a, b) -> Long.compare(offsetOf(a), offsetOf(b)));
        List<MappedSegment> loaded = new ArrayList<>();
        try {
            for (Path file : files) {
                long offset = offsetOf(file);
                checkAligned(offset, options.segmentSize(), file.toString());
                if (!loaded.isEmpty() && loaded.get(loaded.size() - 1).endOffset() != offset) {
                    throw new IOException("gap before segment " + file + ": the previous one ends at "
                            + loaded.get(loaded.size() - 1).endOffset());
                }
                loaded.add(MappedSegment.open(file, offset, options));
            }
        } catch (IOException | RuntimeException e) {
            loaded.forEach(MappedSegment::close);
            throw e;
        }
        return new SegmentedFile(directory, options, loaded);
    }

    private static long offsetOf(Path file) {
        return SegmentNames.parse(file.getFileName().toString());
    }

    private static void checkAligned(long offset, int size, String what) throws IOException {
        if (offset % size != 0) {
            throw new IOException(what + " starts at " + offset + ", not a multiple of the segment size " + size);
        }
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }

    /** @return the size of every segment */
    public int segmentSize() {
        return options.segmentSize();
    }

    /** @return the current segments in offset order, an immutable snapshot */
    public List<MappedSegment> segments() {
        return segments;
    }

    /** @return whether there is no segment */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** @return the first segment, or null */
    public MappedSegment first() {
        List<MappedSegment> current = segments;
        return current.isEmpty() ? null : current.get(0);
    }

    /** @return the last segment (the one written to), or null */
    public MappedSegment last() {
        List<MappedSegment> current = segments;
        return current.isEmpty() ? null : current.get(current.size() - 1);
    }

    /** @return the first segment's start, or 0 when there is none */
    public long minOffset() {
        MappedSegment first = first();
        return first == null ? 0 : first.baseOffset();
    }

    /** @return the end of the written bytes (last segment's start + write position), or 0 when empty */
    public long maxOffset() {
        MappedSegment last = last();
        return last == null ? 0 : last.baseOffset() + last.writePosition();
    }

    /** @return bytes taken on disk by all segments */
    public long totalSize() {
        return (long) segments.size() * options.segmentSize();
    }

    /** @return the segment whose range holds {@code offset}, or null; not pinned */
    public MappedSegment segmentFor(long offset) {
        List<MappedSegment> current = segments;
        if (current.isEmpty() || offset < current.get(0).baseOffset()) {
            return null;
        }
        long index = (offset - current.get(0).baseOffset()) / options.segmentSize();
        return index < current.size() ? current.get((int) index) : null;
    }

    /**
     * @return the segment holding {@code offset}, pinned (release it after reading), or null when no
     *         segment holds it or it is being deleted
     */
    public MappedSegment pinSegmentFor(long offset) {
        for (int attempt = 0; attempt < 3; attempt++) {
            MappedSegment segment = segmentFor(offset);
            if (segment == null) {
                return null;
            }
            if (segment.pin()) {
                return segment;
            }
        }
        return null;
    }

    /**
     * Adds an empty segment at the end. Writer thread.
     *
     * @param baseOffset its start: the end of the last segment, or for an empty file any multiple of
     *        the segment size
     * @return the new segment, now {@link #last()}
     */
    public MappedSegment roll(long baseOffset) throws IOException {
        synchronized (lock) {
            MappedSegment last = last();
            if (last != null && baseOffset != last.endOffset()) {
                throw new IllegalArgumentException("a new segment must start at " + last.endOffset() + ", not "
                        + baseOffset);
            }
            checkAligned(baseOffset, options.segmentSize(), "segment");
            MappedSegment segment = MappedSegment.create(directory, baseOffset, options);
            List<MappedSegment> next = new ArrayList<>(segments);
            next.add(segment);
            segments = List.copyOf(next);
            return segment;
        }
    }

    /**
     * Deletes the segments that end at or below {@code offset}, never the last one. A deleted segment
     * leaves the list at once; its file goes when its last reader releases it.
     *
     * @return how many segments were deleted
     */
    public int deleteWhollyBelow(long offset) {
        synchronized (lock) {
            List<MappedSegment> current = segments;
            int count = 0;
            while (count < current.size() - 1 && current.get(count).endOffset() <= offset) {
                count++;
            }
            if (count > 0) {
                segments = List.copyOf(current.subList(count, current.size()));
                current.subList(0, count).forEach(MappedSegment::destroy);
            }
            return count;
        }
    }

    /**
     * Cuts the log back to end at {@code offset}: segments starting past it are deleted, the one
     * holding it gets its write position set there and the rest of its bytes zeroed (so stale bytes
     * can never be read as records later), and is forced. For recovery, before the writer starts.
     *
     * @param offset the new end; at least {@link #minOffset()} and at most the end of the last segment
     */
    public void truncate(long offset) throws IOException {
        truncate(offset, HighWaterMark.UNKNOWN);
    }

    /**
     * As {@link #truncate(long)}, zeroing only below {@code zeroFrom}.
     *
     * @param zeroFrom a log offset from which every byte of every segment is known to be zero
     *        ({@link HighWaterMark#bound()}), or {@link HighWaterMark#UNKNOWN}
     */
    public void truncate(long offset, long zeroFrom) throws IOException {
        synchronized (lock) {
            List<MappedSegment> current = segments;
            if (current.isEmpty()) {
                if (offset != 0) {
                    throw new IllegalArgumentException("cannot truncate an empty " + directory + " to " + offset);
                }
                return;
            }
            MappedSegment first = current.get(0);
            MappedSegment lastOne = current.get(current.size() - 1);
            if (offset < first.baseOffset() || offset > lastOne.endOffset()) {
                throw new IllegalArgumentException("offset " + offset + " outside [" + first.baseOffset() + ", "
                        + lastOne.endOffset() + "] of " + directory);
            }
            int keep = 1;
            while (keep < current.size() && current.get(keep).baseOffset() < offset) {
                keep++;
            }
            MappedSegment end = current.get(keep - 1);
            end.truncate((int) (offset - end.baseOffset()),
                    zeroFrom == HighWaterMark.UNKNOWN ? end.size() : Math.max(0, zeroFrom - end.baseOffset()));
            if (keep < current.size()) {
                segments = List.copyOf(current.subList(0, keep));
                current.subList(keep, current.size()).forEach(MappedSegment::destroy);
            }
        }
    }

    /** @return the end of what is known to be on disk */
    public long flushedPosition() {
        List<MappedSegment> current = segments;
        for (MappedSegment segment : current) {
            if (segment.flushedPosition() < segment.writePosition()) {
                return segment.baseOffset() + segment.flushedPosition();
            }
        }
        return current.isEmpty() ? 0 : current.get(current.size() - 1).baseOffset()
                + current.get(current.size() - 1).writePosition();
    }

    /**
     * Forces every segment with unflushed bytes, oldest first. One thread at a time.
     *
     * @return the new flushed position, at least the written position when the call began
     * @throws IOException when a force fails; segments after the failing one are not forced
     */
    public long force() throws IOException {
        for (MappedSegment segment : segments) {
            if (segment.flushedPosition() < segment.writePosition() && segment.pin()) {
                try {
                    segment.force();
                } finally {
                    segment.release();
                }
            }
        }
        return flushedPosition();
    }

    /** Unmaps every segment (once their readers release them); the files stay. */
    @Override
    public void close() {
        synchronized (lock) {
            List<MappedSegment> current = segments;
            segments = List.of();
            current.forEach(MappedSegment::close);
        }
    }

    @Override
    public String toString() {
        return directory + " " + segments;
    }
}
