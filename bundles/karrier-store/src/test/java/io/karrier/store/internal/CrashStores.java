package io.karrier.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.store.MessageStore;
import io.karrier.store.internal.file.SegmentOptions;
import io.karrier.store.internal.index.IndexSettings;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.log.RecordWalker;

/**
 * Opens {@link LocalMessageStore} (package-private) for the crash test in
 * {@code io.karrier.store.internal.crash} and its child process {@link CrashChild}, always with the
 * same small geometry so that commit-log segments (256 KiB), consume-queue files (256 entries) and
 * index files roll during a round. Test-only.
 */
public final class CrashStores {

    public static final int SEGMENT_BYTES = 256 * 1024;
    static final int CONSUME_QUEUE_ENTRIES = 256;
    static final int MAX_MESSAGE_BYTES = 4096;

    private CrashStores() {
    }

    /** An open store; closing it closes the store cleanly. */
    public static final class Opened implements AutoCloseable {

        private final LocalMessageStore store;

        private Opened(LocalMessageStore store) {
            this.store = store;
        }

        public MessageStore store() {
            return store;
        }

        @Override
        public void close() throws IOException {
            store.close();
        }
    }

    /** Where a walk of the whole commit log stopped. */
    public record LogWalk(long endOffset, long records, String problem) {
    }

    /** Opens (recovering if needed) the store in {@code root} under {@code strategy}. */
    public static Opened open(Path root, FlushStrategy strategy) throws IOException {
        LocalMessageStore store = LocalMessageStore.open(new StoreSettings(root, SEGMENT_BYTES, CONSUME_QUEUE_ENTRIES,
                MAX_MESSAGE_BYTES, Duration.ofSeconds(5), false, new IndexSettings(1024, 32 * 1024, 8)),
                Clock.systemUTC());
        store.flushSwitch().add(strategy, 0, 1);
        return new Opened(store);
    }

    /**
     * Walks and verifies the whole commit log of a closed store, independently of its consume queues
     * and checkpoint.
     */
    public static LogWalk walkLog(Path root) throws IOException {
        try (CommitLog log = CommitLog.open(root.resolve("commitlog"), SegmentOptions.of(SEGMENT_BYTES),
                System::currentTimeMillis)) {
            RecordWalker.Result result = log.walk(log.minOffset(), Long.MAX_VALUE, (offset, record) -> { });
            return new LogWalk(result.endOffset(), result.records(), result.problem());
        }
    }
}
