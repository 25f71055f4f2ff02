package io.karrier.broker.internal.table;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.karrier.api.store.DurableDocuments;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;

/**
 * Topic name → {@link TopicConfig}, with a {@link DataVersion} bumped on every change. Document
 * {@value #DOCUMENT}, as RocketMQ's TopicConfigManager writes {@code topics.json}:
 * {@code {"dataVersion":{"counter":3,"timestamp":1700000000000},"topicConfigTable":{"t":{"topicName":"t",
 * "readQueueNums":16,"writeQueueNums":16,"perm":6,"topicFilterType":"SINGLE_TAG","topicSysFlag":0,"order":false}}}}.
 *
 * <p>Thread-safety: lookups are lock-free. Changes are rare (admin commands, auto-create) and
 * serialized on one lock with the snapshot, so the version written always matches the topics
 * written with it.
 */
public final class TopicConfigTable extends JsonTable<TopicConfigSerializeWrapper> {

    /** The document's name. */
    public static final String DOCUMENT = "topics.json";

    private final Clock clock;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion; // written under lock

    private TopicConfigTable(DurableDocuments documents, Clock clock) {
        super(documents, DOCUMENT, TopicConfigSerializeWrapper.class);
        this.clock = clock;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    /** Opens the table, loading its current or previous copy; throws if a copy exists but none parses. */
    public static TopicConfigTable open(DurableDocuments documents, Clock clock) throws IOException {
        TopicConfigTable table = new TopicConfigTable(documents, clock);
        table.load();
        return table;
    }

    /** The topic's config, if the topic exists. */
    public Optional<TopicConfig> get(String topicName) {
        return Optional.ofNullable(topics.get(topicName));
    }

    /** A copy of every topic's config, by name. */
    public Map<String, TopicConfig> all() {
        return new TreeMap<>(topics);
    }

    /** The current version; changes with every effective {@link #put} or {@link #remove}. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** Adds or replaces a topic; returns false (and keeps the version) if it was already so. */
    public boolean put(TopicConfig config) {
        synchronized (lock) {
            if (config.equals(topics.put(config.topicName(), config))) {
                return false;
            }
            bump();
            return true;
        }
    }

    /** Deletes a topic; returns whether it existed. */
    public boolean remove(String topicName) {
        synchronized (lock) {
            if (topics.remove(topicName) == null) {
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

    @Override
    protected TopicConfigSerializeWrapper snapshot() {
        synchronized (lock) {
            return new TopicConfigSerializeWrapper(dataVersion, new TreeMap<>(topics));
        }
    }

    @Override
    protected TopicConfigSerializeWrapper checked(TopicConfigSerializeWrapper document) throws IOException {
        for (Map.Entry<String, TopicConfig> entry : document.topicConfigTable().entrySet()) {
            if (entry.getValue() == null || !entry.getKey().equals(entry.getValue().topicName())) {
                throw new IOException(DOCUMENT + ": topic " + entry.getKey() + " has config " + entry.getValue());
            }
        }
        return document;
    }

    @Override
    protected void restore(TopicConfigSerializeWrapper document) {
        synchronized (lock) {
            topics.clear();
            topics.putAll(document.topicConfigTable());
            dataVersion = document.dataVersion();
        }
    }
}
