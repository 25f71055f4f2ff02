package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topic name → {@link TopicConfig}, with a {@link DataVersion} bumped on every change. File
 * {@code config/topics.json}, as RocketMQ's TopicConfigManager writes it:
 * {@code {"dataVersion":{"counter":3,"timestamp":1700000000000},"topicConfigTable":{"t":{"topicName":"t",
 * "readQueueNums":16,"writeQueueNums":16,"perm":6,"topicFilterType":"SINGLE_TAG","topicSysFlag":0,"order":false}}}}.
 *
 * <p>Thread-safety: lookups are lock-free. Changes are rare (admin commands, auto-create) and
 * serialized on one lock with the snapshot, so the version written always matches the topics
 * written with it.
 */
public final class TopicConfigTable extends JsonTable<TopicConfigTable.Document> {

    /** The file's JSON document. */
    public record Document(DataVersion dataVersion, Map<String, TopicConfig> topicConfigTable) {
        public Document {
            Objects.requireNonNull(dataVersion, "dataVersion is missing");
            Objects.requireNonNull(topicConfigTable, "topicConfigTable is missing");
            topicConfigTable.forEach((name, config) -> {
                if (config == null || !name.equals(config.topicName())) {
                    throw new IllegalArgumentException("Topic " + name + " has config " + config);
                }
            });
        }
    }

    private final Clock clock;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion; // written under lock

    private TopicConfigTable(Path file, Clock clock) {
        super(file, Document.class);
        this.clock = clock;
        this.dataVersion = DataVersion.initial(clock.millis());
    }

    /** Opens the table at {@code file}, loading main or backup; throws if a copy exists but none parses. */
    public static TopicConfigTable open(Path file, Clock clock) throws IOException {
        TopicConfigTable table = new TopicConfigTable(file, clock);
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
    protected Document snapshot() {
        synchronized (lock) {
            return new Document(dataVersion, new TreeMap<>(topics));
        }
    }

    @Override
    protected void restore(Document document) {
        synchronized (lock) {
            topics.clear();
            topics.putAll(document.topicConfigTable());
            dataVersion = document.dataVersion();
        }
    }
}
