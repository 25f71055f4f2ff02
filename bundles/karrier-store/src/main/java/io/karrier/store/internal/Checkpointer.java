package io.karrier.store.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.store.internal.index.IndexService;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.queue.ConsumeQueueTable;
import io.karrier.store.internal.table.Checkpoint;
import io.karrier.store.internal.table.CheckpointState;

/**
 * Forces consume queues and index and records in the checkpoint how far they and the commit log are
 * on disk, every second while the store runs and once more at a clean shutdown, so that a crash
 * recovery scans only what came after. Its own thread; {@link #checkpoint} is also called by the
 * owner at shutdown, after the thread stopped.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Checkpoint checkpoint;
    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final PeriodicTask thread = new PeriodicTask("karrier-store-checkpoint");

    Checkpointer(Checkpoint checkpoint, CommitLog log, ConsumeQueueTable queues, IndexService index,
            Dispatcher dispatcher, Clock clock) {
        this.checkpoint = checkpoint;
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void start() {
        thread.start(Duration.ofSeconds(1), () -> {
            try {
                checkpoint(false);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Checkpoint failed, will retry: {}", e.toString());
            }
        });
    }

    /**
     * Forces queues and index, then writes the checkpoint.
     *
     * @param cleanShutdown whether this is the last checkpoint of a clean shutdown
     */
    void checkpoint(boolean cleanShutdown) throws IOException {
        long dispatched = dispatcher.dispatchedPosition();
        queues.force();
        index.flush();
        long flushed = log.flushedPosition();
        long now = clock.millis();
        checkpoint.write(new CheckpointState(now, now, now, flushed, dispatched, cleanShutdown));
    }

    @Override
    public void close() {
        thread.close();
    }
}
