package io.karrier.store.internal.retention;

import java.io.IOException;

/**
 * Measures the disk that holds the store. The store uses {@link FileStoreDiskUsage}; tests pass a
 * fake so they can simulate a full disk without filling one. Implementations must be cheap (one
 * {@code statfs}) and thread-safe: appends call it up to once a second, retention on every pass.
 */
@FunctionalInterface
public interface DiskUsage {

    /**
     * @return the disk's size and what is still usable now
     * @throws IOException when the file system cannot be asked
     */
    DiskSpace measure() throws IOException;
}
