package io.karrier.store.internal.log;

/**
 * Where the {@link CommitLog} put one record.
 *
 * @param offset the commit-log offset of the record (its PHYSICALOFFSET)
 * @param size the record's TOTALSIZE
 * @param queueOffset the QUEUEOFFSET written into it
 * @param storeTimestamp the STORETIMESTAMP written into it, ms
 */
public record AppendedRecord(long offset, int size, long queueOffset, long storeTimestamp) {

    /** @return the offset just past the record */
    public long endOffset() {
        return offset + size;
    }
}
