package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small file that is replaced whole and never seen half-written, even after a crash or power
 * loss (RocketMQ issues 3401 and 9328: a broker killed while rewriting consumerOffset.json left a
 * file that did not parse and the offsets were gone).
 *
 * <p>On disk, next to each other: {@code <name>} the current version, {@code <name>.bak} the
 * version before it, {@code <name>.tmp} only while a write is under way or after a crash during one.
 * A write goes: content to {@code .tmp}, {@code force(true)}; rename {@code <name>} to
 * {@code .bak}; rename {@code .tmp} to {@code <name>} (both {@code ATOMIC_MOVE}); fsync the
 * directory. A crash at any point leaves {@code <name>} either the old or the new complete
 * content, or missing with {@code .bak} holding the old one (between the two renames).
 *
 * <p>Whether content is good is the caller's call: {@link #read} hands each copy to a
 * {@link Decoder}, main first, then backup. A main that did not decode is not rotated into the
 * backup by the next write, so one bad main cannot replace a good backup.
 *
 * <p>Thread-safe: reads and writes of one instance are serialized. Two instances or two processes
 * on the same path are not coordinated (the broker's {@code lock} file keeps a store to one process).
 */
public final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    /**
     * Turns one copy's bytes into a value; any exception means "this copy does not parse".
     * {@code source} is the copy's path: {@link #path()} or {@link #backupPath()}.
     */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] content, Path source) throws IOException;
    }

    private final Path file;
    private final Path backup;
    private final Path temp;
    // Guarded by this. True when the main file is known good: we wrote it or it decoded.
    private boolean mainGood;

    public AtomicFile(Path file) {
        this.file = file.toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + ".bak");
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    /** The main file's path. */
    public Path path() {
        return file;
    }

    /** The previous version's path, {@code <name>.bak}. */
    public Path backupPath() {
        return backup;
    }

    /** The write-in-progress path, {@code <name>.tmp}. */
    public Path tempPath() {
        return temp;
    }

    /** Replaces the file's content durably; returns once content and rename are on disk. */
    public synchronized void write(byte[] content) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (mainGood && Files.exists(file)) {
            Files.move(file, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.sync(dir);
        mainGood = true;
    }

    /**
     * Reads the current value: the main file if it decodes, else the backup. A leftover
     * {@code .tmp} from a crashed write is deleted unread, since nothing says it is complete.
     * Call this before the first {@link #write}: only a main file known to be good is kept as the
     * backup.
     *
     * @return empty only when neither main nor backup exists (a store that never wrote this file)
     * @throws UnreadableFileException when a copy exists but none decodes
     */
    public synchronized <T> Optional<T> read(Decoder<T> decoder) throws IOException {
        if (Files.deleteIfExists(temp)) {
            LOG.info("Removed {} left by an interrupted write", temp);
        }
        mainGood = false;
        Exception mainFailure = null;
        if (Files.exists(file)) {
            try {
                T value = decoder.decode(Files.readAllBytes(file), file);
                mainGood = true;
                return Optional.of(value);
            } catch (IOException | RuntimeException e) {
                mainFailure = e;
                LOG.warn("{} does not parse ({}); trying {}", file, e.toString(), backup.getFileName());
            }
        }
        if (!Files.exists(backup)) {
            if (mainFailure == null) {
                return Optional.empty();
            }
            throw new UnreadableFileException(file, file + " does not parse and there is no "
                    + backup.getFileName() + ": " + mainFailure, mainFailure);
        }
        try {
            T value = decoder.decode(Files.readAllBytes(backup), backup);
            LOG.warn("Using {}: {}", backup, mainFailure == null ? file.getFileName() + " is missing"
                    : file.getFileName() + " does not parse");
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            String main = mainFailure == null ? "missing" : mainFailure.toString();
            UnreadableFileException failure = new UnreadableFileException(file, "Neither " + file
                    + " (" + main + ") nor " + backup.getFileName() + " (" + e + ") can be read", e);
            if (mainFailure != null) {
                failure.addSuppressed(mainFailure);
            }
            throw failure;
        }
    }
}
