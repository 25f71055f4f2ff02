package io.karrier.store.internal.queue;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every consume queue of the store, under {@code consumequeue/<topic>/<queueId>/}. All are opened
 * when the table opens; a queue seen for the first time is created on demand.
 *
 * <p>Topic names become directory names, so only RocketMQ-valid names
 * ({@code ^[%|a-zA-Z0-9_-]+$}, at most 127 characters) are accepted; anything else in the directory
 * is skipped with a warning rather than opened.
 *
 * <p>Thread-safety: lookups and creation are safe from any thread (a concurrent map; a queue is
 * opened at most once). The queues themselves follow {@link ConsumeQueue}'s rules.
 */
public final class ConsumeQueueTable implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueTable.class);
    private static final Pattern TOPIC = Pattern.compile("^[%|a-zA-Z0-9_-]{1,127}$");
    private static final Pattern QUEUE_ID = Pattern.compile("^[0-9]{1,9}$");

    private final Path root;
    private final int entriesPerFile;
    private final boolean preTouch;
    private final Map<Key, ConsumeQueue> queues = new ConcurrentHashMap<>();

    private record Key(String topic, int queueId) {
    }

    private ConsumeQueueTable(Path root, int entriesPerFile, boolean preTouch) {
        this.root = root;
        this.entriesPerFile = entriesPerFile;
        this.preTouch = preTouch;
    }

    /**
     * Opens every queue under {@code root}.
     *
     * @param entriesPerFile entries per segment file
     * @param preTouch whether new segments are pre-touched
     */
    public static ConsumeQueueTable open(Path root, int entriesPerFile, boolean preTouch) throws IOException {
        Files.createDirectories(root);
        ConsumeQueueTable table = new ConsumeQueueTable(root, entriesPerFile, preTouch);
        try (Stream<Path> topics = Files.list(root)) {
            for (Path topicDir : (Iterable<Path>) topics::iterator) {
                String topic = topicDir.getFileName().toString();
                if (!Files.isDirectory(topicDir) || !TOPIC.matcher(topic).matches()) {
                    LOG.warn("Skipping {}: not a consume-queue topic directory", topicDir);
                    continue;
                }
                table.openTopic(topicDir, topic);
            }
        } catch (IOException | RuntimeException e) {
            table.close();
            throw e;
        }
        return table;
    }

    private void openTopic(Path topicDir, String topic) throws IOException {
        try (Stream<Path> ids = Files.list(topicDir)) {
            for (Path queueDir : (Iterable<Path>) ids::iterator) {
                String id = queueDir.getFileName().toString();
                if (!Files.isDirectory(queueDir) || !QUEUE_ID.matcher(id).matches()) {
                    LOG.warn("Skipping {}: not a consume-queue directory", queueDir);
                    continue;
                }
                int queueId = Integer.parseInt(id);
                queues.put(new Key(topic, queueId), ConsumeQueue.open(queueDir, topic, queueId, entriesPerFile,
                        preTouch));
            }
        }
    }

    /** @return the queue, or null when it does not exist */
    public ConsumeQueue find(String topic, int queueId) {
        return queues.get(new Key(topic, queueId));
    }

    /**
     * @return the queue, created (empty) when it does not exist yet
     * @throws IllegalArgumentException when the topic is not a valid name or the queue id negative
     * @throws UncheckedIOException when the queue cannot be created
     */
    public ConsumeQueue getOrCreate(String topic, int queueId) {
        ConsumeQueue existing = queues.get(new Key(topic, queueId));
        if (existing != null) {
            return existing; // only valid names and ids are ever in the map
        }
        if (!TOPIC.matcher(topic).matches() || queueId < 0) {
            throw new IllegalArgumentException("invalid topic or queue: " + topic + "/" + queueId);
        }
        return queues.computeIfAbsent(new Key(topic, queueId), key -> {
            try {
                return ConsumeQueue.open(root.resolve(topic).resolve(Integer.toString(queueId)), topic, queueId,
                        entriesPerFile, preTouch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create consume queue " + topic + "/" + queueId, e);
            }
        });
    }

    /** @return every queue, a snapshot */
    public Collection<ConsumeQueue> all() {
        return List.copyOf(queues.values());
    }

    /** Recovery: {@link ConsumeQueue#truncateToCommitLog} on every queue. */
    public void truncateToCommitLog(long commitLogOffset) throws IOException {
        for (ConsumeQueue queue : all()) {
            queue.truncateToCommitLog(commitLogOffset);
        }
    }

    /** Retention: {@link ConsumeQueue#deleteBelowCommitLog} on every queue. @return segments deleted */
    public int deleteBelowCommitLog(long commitLogOffset) {
        int deleted = 0;
        for (ConsumeQueue queue : all()) {
            deleted += queue.deleteBelowCommitLog(commitLogOffset);
        }
        return deleted;
    }

    /** Forces every queue's unflushed entries. */
    public void force() throws IOException {
        for (ConsumeQueue queue : all()) {
            queue.force();
        }
    }

    @Override
    public void close() {
        queues.values().forEach(ConsumeQueue::close);
        queues.clear();
    }
}
