package io.karrier.store.internal;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.log.RecordWalker;
import io.karrier.store.internal.log.RecoveryScan;
import io.karrier.store.internal.queue.ConsumeQueueTable;
import io.karrier.store.internal.table.AbortMarker;
import io.karrier.store.internal.table.Checkpoint;
import io.karrier.store.internal.table.CheckpointState;
import io.karrier.store.internal.table.StartupMode;

/**
 * Brings the files back to one consistent end at start-up. After a clean shutdown the checkpoint's
 * offset is the end, and the scan from it finds nothing. After a crash the scan starts at the
 * checkpoint (or the first segment without one), verifies every record, replays consume-queue and
 * index entries for them, and cuts the commit log at the first record that does not verify; consume
 * queues are then cut to that end and trimmed below the log's first segment.
 */
final class StoreRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final Dispatcher dispatcher;
    private final Checkpoint checkpoint;
    private final AbortMarker abortMarker;

    StoreRecovery(CommitLog log, ConsumeQueueTable queues, Dispatcher dispatcher, Checkpoint checkpoint,
            AbortMarker abortMarker) {
        this.log = log;
        this.queues = queues;
        this.dispatcher = dispatcher;
        this.checkpoint = checkpoint;
        this.abortMarker = abortMarker;
    }

    void recover() throws IOException {
        boolean crashed = abortMarker.start();
        Optional<CheckpointState> state = checkpoint.read();
        StartupMode mode = StartupMode.decide(crashed, state);
        long from = Math.max(log.minOffset(), switch (mode) {
            case CLEAN -> state.orElseThrow().dispatchedCommitLogOffset();
            case RECOVER_FROM_CHECKPOINT -> state.orElseThrow().recoveryStartOffset();
            case RECOVER_FROM_START -> log.minOffset();
        });
        long started = System.nanoTime();
        RecordWalker.Result result = RecoveryScan.scan(log, from, dispatcher::dispatch);
        long scanned = System.nanoTime();
        RecoveryScan.cut(log, result);
        queues.truncateToCommitLog(result.endOffset());
        queues.deleteBelowCommitLog(log.minOffset());
        dispatcher.resumeAt(result.endOffset());
        if (!crashed && !result.damaged() && result.records() == 0) {
            LOG.info("Store opened ({}) at commit-log offset {}", mode, result.endOffset());
        } else {
            long ended = System.nanoTime();
            LOG.warn("Store recovered ({}) from offset {}: {} records replayed in {} ms (verify and dispatch {} ms,"
                    + " cutting the log and queues {} ms), log ends at {}{}", mode, from, result.records(),
                    (ended - started) / 1_000_000, (scanned - started) / 1_000_000, (ended - scanned) / 1_000_000,
                    result.endOffset(),
                    result.damaged() ? "; damaged tail cut: " + result.problem() : "");
        }
    }
}
