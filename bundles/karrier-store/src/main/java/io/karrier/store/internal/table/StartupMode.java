package io.karrier.store.internal.table;

import java.util.Optional;

/**
 * How the store starts, decided from the {@link AbortMarker} and the {@link Checkpoint}. Matches
 * RocketMQ's normal/abnormal recovery split, except that an abnormal start with a good checkpoint
 * scans from the checkpoint instead of from the third-last segment.
 */
public enum StartupMode {

    /** Clean shutdown and a clean checkpoint: its offsets are the end of the data; start at once. */
    CLEAN,
    /** Crash (or an unclean checkpoint) with a usable checkpoint: scan from its recovery offset. */
    RECOVER_FROM_CHECKPOINT,
    /** No usable checkpoint: scan the commit log from its first segment. */
    RECOVER_FROM_START;

    /**
     * @param crashed what {@link AbortMarker#start()} returned
     * @param checkpoint what {@link Checkpoint#read()} returned
     */
    public static StartupMode decide(boolean crashed, Optional<CheckpointState> checkpoint) {
        if (checkpoint.isEmpty()) {
            return RECOVER_FROM_START;
        }
        return !crashed && checkpoint.get().cleanShutdown() ? CLEAN : RECOVER_FROM_CHECKPOINT;
    }
}
