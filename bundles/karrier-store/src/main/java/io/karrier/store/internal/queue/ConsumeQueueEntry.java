package io.karrier.store.internal.queue;

/**
 * One consume-queue entry (REMOTING.md §7.2).
 *
 * @param queueOffset the entry's logical offset in its queue
 * @param commitLogOffset where the record starts in the commit log
 * @param size the record's TOTALSIZE
 * @param tagHash the tag hash code (delivery time for SCHEDULE_TOPIC_XXXX)
 */
public record ConsumeQueueEntry(long queueOffset, long commitLogOffset, int size, long tagHash) {
}
