package io.karrier.api.store;

/**
 * The answer to a consume-queue read. Close it (or its {@link #records()}) once the records are
 * written out.
 *
 * @param status what the read found
 * @param records the matching records, in queue order
 * @param nextBeginOffset where the next read of this queue should start (entries skipped by the
 *        filter count)
 * @param minOffset the queue's min offset
 * @param maxOffset the queue's max offset: the offset the next message will get
 */
public record GetResult(GetStatus status, SelectedRecords records, long nextBeginOffset, long minOffset,
        long maxOffset) implements AutoCloseable {

    @Override
    public void close() {
        records.close();
    }
}
