package io.karrier.store.internal.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageView;

/**
 * Everything a store serves for the crash topic, read through its consume queues, each record
 * checked on the way: queue offsets from 0 with no hole, every record readable (the store serves
 * only records that pass its verifier, so an unverifiable one shows as a hole), its bytes exactly
 * the message its sequence number names, its queue the one that number belongs to, and in every
 * queue the records of each writer session an unbroken run ({@link CrashPayload}), sessions in
 * order. A problem is thrown as an {@link AssertionError} saying where. Test-only.
 */
final class StoreSnapshot {

    /** One record as served. */
    record Entry(long seq, long commitLogOffset, long queueOffset) {
    }

    private final List<List<Entry>> queues;
    private final Map<Long, Entry> bySeq;

    private StoreSnapshot(List<List<Entry>> queues) {
        this.queues = queues;
        this.bySeq = new HashMap<>();
        for (List<Entry> queue : queues) {
            for (Entry entry : queue) {
                if (bySeq.put(entry.seq(), entry) != null) {
                    throw new AssertionError("message " + entry.seq() + " is stored twice");
                }
            }
        }
    }

    static StoreSnapshot of(MessageStore store) {
        List<List<Entry>> queues = new ArrayList<>();
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            queues.add(readQueue(store, queue));
        }
        return new StoreSnapshot(queues);
    }

    private static List<Entry> readQueue(MessageStore store, int queue) {
        long min = store.minOffset(CrashPayload.TOPIC, queue);
        long max = store.maxOffset(CrashPayload.TOPIC, queue);
        check(min == 0, queue, 0, "queue starts at " + min + ", not 0 (nothing was deleted)");
        List<Entry> entries = new ArrayList<>();
        long next = 0;
        while (next < max) {
            try (GetResult result = store.get(CrashPayload.TOPIC, queue, next, 512, 1 << 22, MessageFilter.ALL)) {
                check(result.status() == GetStatus.FOUND, queue, next, "read answered " + result.status()
                        + " below max offset " + max);
                for (var bytes : result.records().records()) {
                    StoredMessageView record = StoredMessageDecoder.decode(bytes, 0);
                    check(record.queueOffset() == next, queue, next, "hole: next record served has queue offset "
                            + record.queueOffset());
                    check(record.queueId() == queue, queue, next, "record of queue " + record.queueId());
                    long seq = CrashPayload.seqOf(record);
                    check(CrashPayload.matches(record, seq), queue, next, "record " + seq + " at "
                            + record.physicalOffset() + " does not hold the bytes of message " + seq);
                    entries.add(new Entry(seq, record.physicalOffset(), next));
                    next++;
                }
                check(result.nextBeginOffset() == next, queue, next, "next begin offset "
                        + result.nextBeginOffset() + " skips entries that were not served");
            }
        }
        checkRuns(queue, entries);
        return entries;
    }

    /** In a queue: sessions in order, each an unbroken run base + q, base + q + QUEUES, ... */
    private static void checkRuns(int queue, List<Entry> entries) {
        long session = -1;
        long index = 0;
        for (Entry entry : entries) {
            long entrySession = CrashPayload.sessionOf(entry.seq());
            if (entrySession != session) {
                check(entrySession > session, queue, entry.queueOffset(), "session " + entrySession + " after "
                        + session);
                session = entrySession;
                index = 0;
            }
            long expected = CrashPayload.seq(session, queue, index);
            check(entry.seq() == expected, queue, entry.queueOffset(), "message " + entry.seq()
                    + " where session " + session + " continues with " + expected + ": a record is missing");
            index++;
        }
    }

    private static void check(boolean condition, int queue, long offset, String problem) {
        if (!condition) {
            throw new AssertionError("queue " + queue + " at offset " + offset + ": " + problem);
        }
    }

    List<Entry> queue(int queue) {
        return queues.get(queue);
    }

    Entry find(long seq) {
        return bySeq.get(seq);
    }

    int size() {
        return bySeq.size();
    }

    /** @return the queue sizes, for messages */
    List<Integer> sizes() {
        return queues.stream().map(List::size).toList();
    }

    /** Throws unless every queue of {@code earlier} is a prefix of the same queue here. */
    void assertExtends(StoreSnapshot earlier, String context) {
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            List<Entry> before = earlier.queue(queue);
            List<Entry> now = queue(queue);
            if (now.size() < before.size() || !now.subList(0, before.size()).equals(before)) {
                throw new AssertionError(context + ": queue " + queue + " lost or changed records it had: "
                        + before.size() + " before, " + now.size() + " now");
            }
        }
    }
}
