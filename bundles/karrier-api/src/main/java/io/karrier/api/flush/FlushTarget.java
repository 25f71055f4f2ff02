package io.karrier.api.flush;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a flush strategy forces to disk: the commit log. Positions are byte offsets in the log;
 * everything below {@link #writtenPosition()} is in the page cache, everything below
 * {@link #flushedPosition()} is on disk. Thread-safe.
 */
@ProviderType
public interface FlushTarget {

    /** @return the end of what has been appended so far */
    long writtenPosition();

    /** @return the end of what is known to be on disk */
    long flushedPosition();

    /**
     * Forces everything written so far to disk and advances {@link #flushedPosition()} to at least
     * the written position seen when the call began. Called by one strategy thread at a time.
     *
     * @return the new flushed position
     * @throws IOException if the disk refused; the flushed position does not move
     */
    long force() throws IOException;

    /** @return the number of bytes written but not yet forced */
    default long dirtyBytes() {
        return writtenPosition() - flushedPosition();
    }
}
