package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the delay service has delivered each delay level's queue of {@code SCHEDULE_TOPIC_XXXX}:
 * level (1..18 by default) → next consume-queue offset. File {@code config/delayOffset.json},
 * {@code {"offsetTable":{"1":100,"3":7}}}; RocketMQ's unquoted-key form loads too.
 *
 * <p>Thread-safety: all methods may be called concurrently (one delivery thread per level updates,
 * the persister snapshots).
 */
public final class DelayOffsetTable extends JsonTable<DelayOffsetTable.Document> {

    /** The file's JSON document. */
    public record Document(Map<Integer, Long> offsetTable) {
        public Document {
            Objects.requireNonNull(offsetTable, "offsetTable is missing");
            if (offsetTable.containsValue(null)) {
                throw new IllegalArgumentException("null offset in " + offsetTable);
            }
        }
    }

    private final ConcurrentHashMap<Integer, Long> table = new ConcurrentHashMap<>();

    private DelayOffsetTable(Path file) {
        super(file, Document.class);
    }

    /** Opens the table at {@code file}, loading main or backup; throws if a copy exists but none parses. */
    public static DelayOffsetTable open(Path file) throws IOException {
        DelayOffsetTable table = new DelayOffsetTable(file);
        table.load();
        return table;
    }

    /** Records that delivery of {@code level} continues at {@code offset}. */
    public void update(int level, long offset) {
        Long previous = table.put(level, offset);
        if (previous == null || previous != offset) {
            changed();
        }
    }

    /** The stored offset for {@code level}, or empty if the level never delivered. */
    public OptionalLong offset(int level) {
        Long offset = table.get(level);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** A copy of level → offset. */
    public Map<Integer, Long> offsets() {
        return new TreeMap<>(table);
    }

    @Override
    protected Document snapshot() {
        return new Document(new TreeMap<>(table));
    }

    @Override
    protected void restore(Document document) {
        table.clear();
        table.putAll(document.offsetTable());
    }
}
