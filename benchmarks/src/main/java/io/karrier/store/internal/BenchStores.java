package io.karrier.store.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.store.AppendRequest;
import io.karrier.flush.async.internal.AsyncFlushStrategies;
import io.karrier.flush.sync.internal.SyncFlushStrategies;
import io.karrier.store.internal.index.IndexSettings;
import io.karrier.store.internal.retention.RetentionSettings;

/**
 * What the store benchmarks share: a store opened outside OSGi with the shipped defaults of PID
 * {@code io.karrier.store} (1 GiB segments, 300,000 entries per consume-queue file, RocketMQ's key
 * index geometry, no pre-touch, 16 MiB commit-log warm-ahead) under one of the real flush strategies, and RocketMQ-like messages.
 */
final class BenchStores {

    static final String TOPIC = "BenchTopic";
    static final int QUEUES = 4;
    private static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 5555);
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);

    private BenchStores() {
    }

    /** Settings as StoreConfig's defaults, with the store in {@code root} and the given commit-log warm-ahead. */
    static StoreSettings defaults(Path root, int warmAheadBytes) {
        return new StoreSettings(root, 1 << 30, 300_000, 4 * 1024 * 1024, Duration.ofSeconds(3), false,
                warmAheadBytes, IndexSettings.DEFAULTS, RetentionSettings.DEFAULTS);
    }

    /** Opens (recovering if needed) the store in {@code root} under the named strategy, "async" or "sync". */
    static LocalMessageStore open(Path root, String strategy) throws IOException {
        return open(root, strategy, StoreSettings.DEFAULT_WARM_AHEAD_BYTES);
    }

    /** As {@link #open(Path, String)} with a commit-log warm-ahead other than the default (0: none). */
    static LocalMessageStore open(Path root, String strategy, int warmAheadBytes) throws IOException {
        LocalMessageStore store = LocalMessageStore.open(defaults(root, warmAheadBytes), Clock.systemUTC());
        store.flushSwitch().add(strategy(strategy), 0, 1);
        return store;
    }

    static FlushStrategy strategy(String name) {
        return switch (name) {
            case "async" -> AsyncFlushStrategies.withDefaults();
            case "sync" -> SyncFlushStrategies.withDefaults();
            default -> throw new IllegalArgumentException("strategy must be async or sync, not " + name);
        };
    }

    /**
     * A message as a producer sends it: a tag and a unique key (the index entry every record gets),
     * no KEYS.
     */
    static AppendRequest message(int queueId, byte[] body, String uniqueKey) {
        return new AppendRequest(TOPIC, queueId, 0, ByteBuffer.wrap(body),
                "TAGS\u0001TagA\u0002UNIQ_KEY\u0001" + uniqueKey + "\u0002", 0, System.currentTimeMillis(),
                BORN_HOST, STORE_HOST, 0, 0);
    }

    /** A fresh directory under {@code parent}, created if needed; keep it on the disk being measured. */
    static Path newDirectory(String parent, String prefix) throws IOException {
        Path base = Path.of(parent).toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** Quiets the store's and strategies' INFO lines; loggers read the level when they are created. */
    static void quietLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
}
