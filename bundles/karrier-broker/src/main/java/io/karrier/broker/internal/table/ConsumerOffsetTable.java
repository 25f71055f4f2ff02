package io.karrier.broker.internal.table;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.karrier.api.store.DurableDocuments;

/**
 * Committed consumer offsets: {@code topic@group} → queueId → next offset to consume (REMOTING.md
 * §8.4). Document {@value #DOCUMENT}, as RocketMQ's ConsumerOffsetManager writes it but
 * with quoted keys: {@code {"offsetTable":{"topic@group":{"0":123,"1":45}}}}. RocketMQ's own file
 * (unquoted integer keys) loads too.
 *
 * <p>Thread-safety: all methods may be called concurrently. A commit locks only the hash bin of its
 * {@code topic@group} (via {@link ConcurrentHashMap#compute}), so commits for different groups
 * never wait on each other and a commit cannot slip into a group map that a concurrent remove has
 * just dropped. A snapshot is taken entry by entry, not at one instant: each offset in it is one
 * that was committed, which is all a consumer restart needs.
 */
public final class ConsumerOffsetTable extends JsonTable<ConsumerOffsetTable.Document> {

    /** The document's name. */
    public static final String DOCUMENT = "consumerOffset.json";

    private static final char SEPARATOR = '@';

    /** The file's JSON document. */
    public record Document(Map<String, Map<Integer, Long>> offsetTable) {
        public Document {
            Objects.requireNonNull(offsetTable, "offsetTable is missing");
            offsetTable.forEach((key, queues) -> {
                if (key.indexOf(SEPARATOR) < 0 || queues == null || queues.containsValue(null)) {
                    throw new IllegalArgumentException("Bad offset entry for " + key + ": " + queues);
                }
            });
        }
    }

    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> table = new ConcurrentHashMap<>();

    private ConsumerOffsetTable(DurableDocuments documents) {
        super(documents, DOCUMENT, Document.class);
    }

    /** Opens the table, loading its current or previous copy; throws if a copy exists but none parses. */
    public static ConsumerOffsetTable open(DurableDocuments documents) throws IOException {
        ConsumerOffsetTable table = new ConsumerOffsetTable(documents);
        table.load();
        return table;
    }

    /** Records that {@code group} will next consume {@code offset} in queue {@code queueId} of {@code topic}. */
    public void commit(String topic, String group, int queueId, long offset) {
        table.compute(key(topic, group), (key, queues) -> {
            ConcurrentHashMap<Integer, Long> target = queues == null ? new ConcurrentHashMap<>() : queues;
            Long previous = target.put(queueId, offset);
            // Clients re-send unchanged offsets every 5 s; only a real change makes the file dirty.
            if (previous == null || previous != offset) {
                changed();
            }
            return target;
        });
    }

    /** The committed offset, or empty when the group never committed one for this queue. */
    public OptionalLong offset(String topic, String group, int queueId) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** A copy of queueId → offset for one topic and group; empty if none. */
    public Map<Integer, Long> offsets(String topic, String group) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        return queues == null ? Map.of() : new TreeMap<>(queues);
    }

    /** @return the groups that committed offsets on {@code topic} */
    public Set<String> groups(String topic) {
        return namesPaired(topic, true);
    }

    /** @return the topics {@code group} committed offsets on */
    public Set<String> topics(String group) {
        return namesPaired(group, false);
    }

    /** The groups paired with a topic, or the topics paired with a group, in the table's keys. */
    private Set<String> namesPaired(String name, boolean topicPart) {
        Set<String> paired = new TreeSet<>();
        for (String key : table.keySet()) {
            int at = key.indexOf(SEPARATOR);
            String topic = key.substring(0, at);
            String group = key.substring(at + 1);
            if (topicPart ? topic.equals(name) : group.equals(name)) {
                paired.add(topicPart ? group : topic);
            }
        }
        return paired;
    }

    /** Drops every offset of {@code group} (all topics); returns whether anything was dropped. */
    public boolean removeGroup(String group) {
        return removeIf(group, false);
    }

    /** Drops every group's offsets on {@code topic}; returns whether anything was dropped. */
    public boolean removeTopic(String topic) {
        return removeIf(topic, true);
    }

    private boolean removeIf(String name, boolean topicPart) {
        boolean removed = table.keySet().removeIf(key -> {
            int at = key.indexOf(SEPARATOR);
            return topicPart ? key.substring(0, at).equals(name) : key.substring(at + 1).equals(name);
        });
        if (removed) {
            changed();
        }
        return removed;
    }

    @Override
    protected Document snapshot() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>();
        table.forEach((key, queues) -> copy.put(key, new TreeMap<>(queues)));
        return new Document(copy);
    }

    @Override
    protected void restore(Document document) {
        table.clear();
        document.offsetTable().forEach((key, queues) -> table.put(key, new ConcurrentHashMap<>(queues)));
    }

    // RocketMQ topic and group names cannot hold '@' (its name rule is [%|a-zA-Z0-9_-]); refuse one
    // here since it would make the key ambiguous and removeGroup/removeTopic wrong.
    private static String key(String topic, String group) {
        if (topic.indexOf(SEPARATOR) >= 0 || group.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("'@' in topic or group: " + topic + ", " + group);
        }
        return topic + SEPARATOR + group;
    }
}
