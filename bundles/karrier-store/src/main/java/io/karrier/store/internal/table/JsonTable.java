package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table kept in memory and persisted as one JSON document through an {@link AtomicFile}.
 * Subclasses turn their content into a document record ({@link #snapshot}) and back
 * ({@link #restore}), and call {@link #changed} after each mutation that alters content.
 *
 * <p>Loading: main file, else {@code .bak}; both missing → empty table; a copy exists but none
 * parses → {@link UnreadableFileException}, and the store refuses to start. Starting empty instead
 * would silently reset every consumer to its {@code consumeFromWhere} position (re-consuming or
 * skipping messages) and drop topic config; an operator who really wants that deletes the files.
 *
 * <p>Dirty tracking: a change counter is read <em>before</em> each snapshot and remembered once the
 * write succeeded, so {@link #persist} skips the disk when nothing changed and a change racing with a
 * snapshot is written again next time, never lost.
 *
 * <p>Thread-safety: {@link #persist} may be called from any thread (the periodic persister and
 * shutdown); persists are serialized. Mutations are the subclass's concern.
 */
public abstract class JsonTable<D> {

    private final AtomicFile file;
    private final Class<D> documentType;
    private final AtomicLong changes = new AtomicLong();
    private final Object persistLock = new Object();
    private long persistedChanges; // guarded by persistLock
    private long writes; // guarded by persistLock

    protected JsonTable(Path path, Class<D> documentType) {
        this.file = new AtomicFile(path);
        this.documentType = documentType;
    }

    /** Reads the file (main, else backup) into the table; see the class comment for failures. */
    protected final void load() throws IOException {
        synchronized (persistLock) {
            file.read((bytes, source) -> TableJson.decode(bytes, documentType, source)).ifPresent(this::restore);
            persistedChanges = changes.get();
        }
    }

    /** Marks the table as differing from what is on disk. */
    protected final void changed() {
        changes.incrementAndGet();
    }

    /** A consistent-enough copy of the content to write; called under the persist lock. */
    protected abstract D snapshot();

    /** Replaces the content with a loaded document; called once, before the table is shared. */
    protected abstract void restore(D document);

    /**
     * Writes the table if it changed since the last write or load; durable when this returns.
     *
     * @return whether the file was written
     */
    public final boolean persist() throws IOException {
        synchronized (persistLock) {
            long seen = changes.get();
            if (seen == persistedChanges) {
                return false;
            }
            file.write(TableJson.encode(snapshot()));
            persistedChanges = seen;
            writes++;
            return true;
        }
    }

    /** The main file's path. */
    public final Path path() {
        return file.path();
    }

    /** How many times {@link #persist} wrote the file since this table was opened. */
    public final long writes() {
        synchronized (persistLock) {
            return writes;
        }
    }
}
