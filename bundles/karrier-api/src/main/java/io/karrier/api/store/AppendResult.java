package io.karrier.api.store;

/**
 * The outcome of an append of one message or a batch.
 *
 * @param status how it ended
 * @param commitLogOffsets for each stored message, the commit-log offset of its record (empty when
 *        nothing was stored)
 * @param queueOffset the queue offset of the first message (-1 when nothing was stored)
 * @param storeTimestamp the store time written into the records, ms
 * @param detail why it failed, for logs and error remarks; {@code null} on success
 */
public record AppendResult(AppendStatus status, long[] commitLogOffsets, long queueOffset, long storeTimestamp,
        String detail) {

    /** @return a result for an append that stored nothing */
    public static AppendResult failed(AppendStatus status, String detail) {
        return new AppendResult(status, new long[0], -1, 0, detail);
    }

    /** @return whether the messages are stored (possibly without the promised durability) */
    public boolean stored() {
        return commitLogOffsets.length > 0;
    }
}
