package io.karrier.broker.internal.table;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import io.karrier.api.store.DurableDocuments;

/**
 * A table kept in memory and persisted as one JSON document of the store's {@link DurableDocuments}.
 * Subclasses turn their content into a document record ({@link #snapshot}) and back
 * ({@link #restore}), and call {@link #changed} after each mutation that alters content.
 *
 * <p>Loading: the current copy, else the previous one; neither exists → empty table; a copy exists but
 * none parses → {@link IOException}, and the broker refuses to start. Starting empty instead
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

    private final DurableDocuments documents;
    private final String name;
    private final Class<D> documentType;
    private final AtomicLong changes = new AtomicLong();
    private final Object persistLock = new Object();
    private long persistedChanges; // guarded by persistLock
    private long writes; // guarded by persistLock

    protected JsonTable(DurableDocuments documents, String name, Class<D> documentType) {
        this.documents = documents;
        this.name = name;
        this.documentType = documentType;
    }

    /** Reads the document (current, else previous copy) into the table; see the class comment for failures. */
    protected final void load() throws IOException {
        synchronized (persistLock) {
            documents.read(name, bytes -> checked(TableJson.decode(bytes, documentType, name))).ifPresent(this::restore);
            persistedChanges = changes.get();
        }
    }

    /** Marks the table as differing from what is on disk. */
    protected final void changed() {
        changes.incrementAndGet();
    }

    /** A consistent-enough copy of the content to write; called under the persist lock. */
    protected abstract D snapshot();

    /**
     * Checks what the JSON shape cannot: a copy that fails here counts as not parsing, so the
     * previous copy is tried.
     */
    protected D checked(D document) throws IOException {
        return document;
    }

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
            documents.write(name, TableJson.encode(snapshot()));
            persistedChanges = seen;
            writes++;
            return true;
        }
    }

    /** The document's name. */
    public final String name() {
        return name;
    }

    /** How many times {@link #persist} wrote the file since this table was opened. */
    public final long writes() {
        synchronized (persistLock) {
            return writes;
        }
    }
}
