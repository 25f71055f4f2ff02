package io.karrier.store.internal.retention;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real disk: the {@link FileStore} of the store directory, looked up once (the directory does not
 * move while the store is open), asked for total and usable space on every measurement.
 */
public final class FileStoreDiskUsage implements DiskUsage {

    private final FileStore store;

    private FileStoreDiskUsage(FileStore store) {
        this.store = store;
    }

    /**
     * @param directory an existing directory of the store
     * @throws IOException when its file store cannot be found
     */
    public static FileStoreDiskUsage of(Path directory) throws IOException {
        return new FileStoreDiskUsage(Files.getFileStore(directory));
    }

    @Override
    public DiskSpace measure() throws IOException {
        return new DiskSpace(store.getTotalSpace(), store.getUsableSpace());
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
