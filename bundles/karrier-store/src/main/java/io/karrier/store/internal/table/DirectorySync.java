package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces a directory's entries (creates, renames, deletes) to disk. A rename is only durable once
 * the directory that holds it is flushed; without this a power loss can bring back the old name.
 *
 * <p>Opening a directory as a channel works on Linux and macOS; Windows refuses (and makes renames
 * durable on its own), so a failure here is logged once at debug and ignored. Thread-safe.
 */
final class DirectorySync {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);
    private static volatile boolean unsupportedLogged;

    private DirectorySync() {
    }

    /** Flushes {@code dir}'s entries to disk where the platform allows it. */
    static void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!unsupportedLogged) {
                unsupportedLogged = true;
                LOG.debug("Cannot fsync directory {} on this platform; relying on the file system", dir, e);
            }
        }
    }
}
