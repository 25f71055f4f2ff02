package io.karrier.store.internal.table;

/**
 * What the checkpoint file records (see {@link Checkpoint} for the layout). Immutable.
 *
 * @param physicMsgTimestamp store timestamp of the last flushed commit-log record (RocketMQ field)
 * @param logicsMsgTimestamp store timestamp of the last flushed consume-queue entry (RocketMQ field)
 * @param indexMsgTimestamp store timestamp of the last flushed index entry (RocketMQ field)
 * @param flushedCommitLogOffset commit-log offset up to which the commit log is on disk
 * @param dispatchedCommitLogOffset commit-log offset up to which consume queues and index are on disk
 * @param cleanShutdown true only in the checkpoint written last at a clean shutdown
 */
public record CheckpointState(long physicMsgTimestamp, long logicsMsgTimestamp, long indexMsgTimestamp,
        long flushedCommitLogOffset, long dispatchedCommitLogOffset, boolean cleanShutdown) {

    public CheckpointState {
        if (flushedCommitLogOffset < 0 || dispatchedCommitLogOffset < 0) {
            throw new IllegalArgumentException("negative offset: " + flushedCommitLogOffset + ", "
                    + dispatchedCommitLogOffset);
        }
    }

    /**
     * Where a crash recovery starts scanning the commit log: everything before it is on disk in the
     * commit log and reflected in the consume queues and index.
     */
    public long recoveryStartOffset() {
        return Math.min(flushedCommitLogOffset, dispatchedCommitLogOffset);
    }

    /** This state with the clean-shutdown flag set as given. */
    public CheckpointState withCleanShutdown(boolean clean) {
        return new CheckpointState(physicMsgTimestamp, logicsMsgTimestamp, indexMsgTimestamp,
                flushedCommitLogOffset, dispatchedCommitLogOffset, clean);
    }
}
