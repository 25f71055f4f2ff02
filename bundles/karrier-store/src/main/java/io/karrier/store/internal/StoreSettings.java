package io.karrier.store.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.karrier.store.internal.index.IndexSettings;
import io.karrier.store.internal.retention.RetentionSettings;

/**
 * The store's settings, independent of Config Admin so tests and benchmarks can open a store directly.
 *
 * @param root the store directory
 * @param commitLogSegmentBytes commit-log segment size
 * @param consumeQueueEntriesPerFile consume-queue entries per file
 * @param maxMessageBytes largest body accepted
 * @param flushStrategyWait how long an append waits for a flush strategy
 * @param preTouch whether new segments are pre-touched
 * @param commitLogWarmAheadBytes how far ahead of the commit log's end a thread keeps pages warm; 0: none
 * @param index key index geometry and bound
 * @param retention when segments are deleted and appends refused
 */
record StoreSettings(Path root, int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int maxMessageBytes,
        Duration flushStrategyWait, boolean preTouch, int commitLogWarmAheadBytes, IndexSettings index,
        RetentionSettings retention) {

    /** The default of {@link StoreConfig#commitLogWarmAheadBytes()}. */
    static final int DEFAULT_WARM_AHEAD_BYTES = 16 << 20;

    /** Settings with the default warm-ahead and retention ({@link RetentionSettings#DEFAULTS}). */
    StoreSettings(Path root, int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int maxMessageBytes,
            Duration flushStrategyWait, boolean preTouch, IndexSettings index) {
        this(root, commitLogSegmentBytes, consumeQueueEntriesPerFile, maxMessageBytes, flushStrategyWait, preTouch,
                DEFAULT_WARM_AHEAD_BYTES, index, RetentionSettings.DEFAULTS);
    }

    /** Settings with the default warm-ahead. */
    StoreSettings(Path root, int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int maxMessageBytes,
            Duration flushStrategyWait, boolean preTouch, IndexSettings index, RetentionSettings retention) {
        this(root, commitLogSegmentBytes, consumeQueueEntriesPerFile, maxMessageBytes, flushStrategyWait, preTouch,
                DEFAULT_WARM_AHEAD_BYTES, index, retention);
    }

    StoreSettings {
        if (commitLogWarmAheadBytes < 0) {
            throw new IllegalArgumentException("commit-log warm-ahead of " + commitLogWarmAheadBytes + " bytes");
        }
    }
}
