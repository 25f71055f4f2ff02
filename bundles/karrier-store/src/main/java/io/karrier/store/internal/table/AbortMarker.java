package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The empty {@code abort} file in the store directory (REMOTING.md §7.1): created when the store
 * starts, deleted as the very last step of a clean shutdown. Finding it at start therefore means the
 * previous run ended without a clean shutdown (crash, kill -9, power loss), so recovery must scan
 * from the checkpoint. Both steps fsync the directory, so the marker's presence survives a power
 * loss right after start and its absence one right after shutdown.
 *
 * <p>Thread-safety: meant for the store's start and stop, which the lifecycle already serializes;
 * not synchronized.
 */
public final class AbortMarker {

    /** The marker's file name, as RocketMQ's. */
    public static final String FILE_NAME = "abort";

    private final Path file;

    public AbortMarker(Path storeDirectory) {
        this.file = storeDirectory.toAbsolutePath().resolve(FILE_NAME);
    }

    /** The marker's path. */
    public Path path() {
        return file;
    }

    /**
     * Call once at start, before anything is written: reports whether the previous run crashed and
     * creates the marker for this run.
     *
     * @return true if the marker was already there, that is the previous run did not shut down cleanly
     */
    public boolean start() throws IOException {
        boolean crashed = Files.exists(file);
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        DirectorySync.sync(file.getParent());
        return crashed;
    }

    /**
     * Call last at a clean shutdown, after tables and the clean checkpoint are persisted: removes the
     * marker so the next start skips recovery.
     */
    public void cleanShutdown() throws IOException {
        Files.deleteIfExists(file);
        DirectorySync.sync(file.getParent());
    }

    /** Whether the marker is on disk now. */
    public boolean exists() {
        return Files.exists(file);
    }
}
