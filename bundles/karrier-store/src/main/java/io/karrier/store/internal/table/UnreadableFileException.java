package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A durable file exists (as main, backup, or both) but no copy of it could be decoded. Thrown
 * instead of starting empty, because starting empty would silently lose what the file held
 * (consumer offsets, topic config) and clients would re-consume or lose topics.
 */
public final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Path file;

    UnreadableFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The main path of the file that could not be read. */
    public Path file() {
        return file;
    }
}
