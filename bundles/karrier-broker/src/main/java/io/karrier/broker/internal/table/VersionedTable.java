package io.karrier.broker.internal.table;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.karrier.api.store.DurableDocuments;
import io.karrier.protocol.body.DataVersion;

/**
 * A persisted table of named entries with a {@link DataVersion} bumped on every effective change,
 * as RocketMQ keeps topics and subscription groups (the name server and admin tools compare versions).
 *
 * <p>Thread-safety: lookups are lock-free; changes are serialized on one lock with the snapshot, so
 * the version written always matches the entries written with it.
 *
 * @param <V> the entry type
 * @param <D> the document type written to disk
 */
abstract class VersionedTable<V, D> extends JsonTable<D> {

    private final Clock clock;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion; // written under lock

    VersionedTable(DurableDocuments documents, String name, Class<D> documentType, Clock clock) {
        super(documents, name, documentType);
        this.clock = clock;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    /** @return the entry's name, its key in the table */
    protected abstract String nameOf(V entry);

    /** @return the document holding these entries at this version */
    protected abstract D document(DataVersion version, Map<String, V> entries);

    protected abstract DataVersion versionOf(D document);

    protected abstract Map<String, V> entriesOf(D document);

    /** The entry of this name, if there is one. */
    public Optional<V> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** A copy of every entry, by name. */
    public Map<String, V> all() {
        return new TreeMap<>(entries);
    }

    /** @return how many entries there are */
    public int size() {
        return entries.size();
    }

    /** The current version; changes with every effective put or remove. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** Adds or replaces an entry; returns false (and keeps the version) if it was already so. */
    public boolean put(V entry) {
        synchronized (lock) {
            if (entry.equals(entries.put(nameOf(entry), entry))) {
                return false;
            }
            bump();
            return true;
        }
    }

    /** Adds an entry unless its name has one; returns the entry the name has now. */
    public V putIfAbsent(V entry) {
        synchronized (lock) {
            V existing = entries.putIfAbsent(nameOf(entry), entry);
            if (existing != null) {
                return existing;
            }
            bump();
            return entry;
        }
    }

    /** Deletes an entry; returns whether it existed. */
    public boolean remove(String name) {
        synchronized (lock) {
            if (entries.remove(name) == null) {
                return false;
            }
            bump();
            return true;
        }
    }

    private void bump() {
        dataVersion = dataVersion.next(clock.millis());
        changed();
    }

    /** @return every entry with the version they make */
    @Override
    public D snapshot() {
        synchronized (lock) {
            return document(dataVersion, new TreeMap<>(entries));
        }
    }

    @Override
    protected D checked(D document) throws IOException {
        for (Map.Entry<String, V> entry : entriesOf(document).entrySet()) {
            if (entry.getValue() == null || !entry.getKey().equals(nameOf(entry.getValue()))) {
                throw new IOException(name() + ": " + entry.getKey() + " has " + entry.getValue());
            }
        }
        return document;
    }

    @Override
    protected void restore(D document) {
        synchronized (lock) {
            entries.clear();
            entries.putAll(entriesOf(document));
            dataVersion = versionOf(document);
        }
    }
}
