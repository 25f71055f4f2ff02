package io.karrier.store.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.SelectedRecords;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.log.RecordHandle;
import io.karrier.store.internal.queue.ConsumeQueue;
import io.karrier.store.internal.queue.ConsumeQueueEntry;
import io.karrier.store.internal.queue.ConsumeQueueTable;

/**
 * Answers consume-queue reads with RocketMQ's statuses and next offsets (REMOTING.md §8.1): scans at
 * most {@value #MAX_SCANNED_ENTRIES} entries (or the count asked, if more), filters by tag hash,
 * then by record, and hands out the matching records as pinned slices. Thread-safe: reads only.
 */
final class QueueReader {

    /** RocketMQ reads 16,000 bytes of consume queue per pull when filtering: 800 entries. */
    static final int MAX_SCANNED_ENTRIES = 800;

    private final ConsumeQueueTable queues;
    private final CommitLog log;

    QueueReader(ConsumeQueueTable queues, CommitLog log) {
        this.queues = queues;
        this.log = log;
    }

    GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return empty(GetStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return empty(GetStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return empty(GetStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return empty(GetStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return empty(GetStatus.OFFSET_OVERFLOW_BADLY, min == 0 ? min : max, min, max);
        }
        return scan(queue, offset, maxCount, maxBytes, filter, min, max);
    }

    private GetResult scan(ConsumeQueue queue, long offset, int maxCount, int maxBytes, MessageFilter filter,
            long min, long max) {
        List<RecordHandle> handles = new ArrayList<>();
        List<ByteBuffer> records = new ArrayList<>();
        long next = offset;
        int bytes = 0;
        boolean removed = false;
        for (ConsumeQueueEntry entry : queue.read(offset, Math.max(maxCount, MAX_SCANNED_ENTRIES))) {
            if (records.size() >= maxCount || (!records.isEmpty() && bytes + entry.size() > maxBytes)) {
                break;
            }
            next = entry.queueOffset() + 1;
            if (!filter.matchesTagHash(entry.tagHash())) {
                continue;
            }
            RecordHandle handle = log.read(entry.commitLogOffset());
            if (handle == null) {
                removed = true;
                continue;
            }
            if (!filter.matchesRecord(handle.record())) {
                handle.close();
                continue;
            }
            handles.add(handle);
            records.add(handle.record());
            bytes += entry.size();
        }
        if (records.isEmpty()) {
            GetStatus status = removed ? GetStatus.MESSAGE_WAS_REMOVING : GetStatus.NO_MATCHED_MESSAGE;
            return empty(status, next, min, max);
        }
        SelectedRecords selected = new SelectedRecords(records, () -> handles.forEach(RecordHandle::close));
        return new GetResult(GetStatus.FOUND, selected, next, min, max);
    }

    private static GetResult empty(GetStatus status, long next, long min, long max) {
        return new GetResult(status, SelectedRecords.none(), next, min, max);
    }

}
