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
 * @param index key index geometry and bound
 * @param retention when segments are deleted and appends refused
 */
record StoreSettings(Path root, int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int maxMessageBytes,
        Duration flushStrategyWait, boolean preTouch, IndexSettings index, RetentionSettings retention) {

    /** Settings with the default retention ({@link RetentionSettings#DEFAULTS}). */
    StoreSettings(Path root, int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int maxMessageBytes,
            Duration flushStrategyWait, boolean preTouch, IndexSettings index) {
        this(root, commitLogSegmentBytes, consumeQueueEntriesPerFile, maxMessageBytes, flushStrategyWait, preTouch,
                index, RetentionSettings.DEFAULTS);
    }
}
