package io.karrier.itests.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * What a consumer group received of a {@link ContinuousSends} topic, checked on arrival and kept
 * small (no bodies; the listener threads take turns, which costs little at the rates tested): for each sequence number, the commit-log offsets it was stored at; how many
 * deliveries there were; and the records that were not what their sequence number says.
 *
 * <p>Duplicates come in two kinds, told apart by the commit-log offset: a record delivered again
 * (the group's offset had not been committed when a broker or consumer came back) and a message
 * stored twice (the client retried a send whose first try was stored but not acknowledged in time).
 */
final class ConsumedLedger {

    private static final long POLL_MILLIS = 100;
    private static final int CORRUPT_KEPT = 20;

    private final Map<Integer, Set<Long>> storedAt = new ConcurrentHashMap<>();
    private final Set<Long> distinctRecords = ConcurrentHashMap.newKeySet();
    private final LongAdder deliveries = new LongAdder();
    private final AtomicInteger corrupt = new AtomicInteger();
    private final Queue<String> corruptExamples = new ConcurrentLinkedQueue<>();

    MessageListenerConcurrently listener() {
        return (batch, context) -> {
            batch.forEach(this::record);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    /** Synchronized with {@link #counts()}, so that the counts agree with each other. */
    private synchronized void record(MessageExt message) {
        deliveries.increment();
        try {
            TestMessages.assertNotCorrupt(message);
        } catch (AssertionError | RuntimeException e) {
            if (corrupt.incrementAndGet() <= CORRUPT_KEPT) {
                corruptExamples.add(message.getMsgId() + " at commit-log offset " + message.getCommitLogOffset() + ": "
                        + e.getMessage());
            }
            return;
        }
        distinctRecords.add(message.getCommitLogOffset());
        storedAt.computeIfAbsent(TestMessages.sequence(message), sequence -> ConcurrentHashMap.newKeySet())
                .add(message.getCommitLogOffset());
    }

    /** @return the numbers among [0, {@code below}) that {@code wanted} selects and that were not received */
    List<Integer> missing(int below, IntPredicate wanted) {
        List<Integer> missing = new ArrayList<>();
        for (int sequence = 0; sequence < below; sequence++) {
            if (wanted.test(sequence) && !storedAt.containsKey(sequence)) {
                missing.add(sequence);
            }
        }
        return missing;
    }

    /**
     * Waits until every number among [0, {@code below}) that {@code wanted} selects was received,
     * at most {@code timeout}; returns those still missing then.
     */
    List<Integer> awaitReceived(int below, IntPredicate wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> missing = missing(below, wanted);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            missing = missing(below, wanted);
        }
        return missing;
    }

    synchronized Counts counts() {
        long delivered = deliveries.sum();
        long records = distinctRecords.size();
        return new Counts(delivered, delivered - corrupt.get() - records, records - storedAt.size(), corrupt.get());
    }

    List<String> corruptExamples() {
        return List.copyOf(corruptExamples);
    }

    /**
     * @param deliveries every message the listener was handed
     * @param redelivered deliveries of a record already delivered
     * @param storedTwice records that repeat a sequence number stored at another offset
     * @param corrupt records whose body or key is not what their sequence number says
     */
    record Counts(long deliveries, long redelivered, long storedTwice, long corrupt) {

        Counts minus(Counts earlier) {
            return new Counts(deliveries - earlier.deliveries, redelivered - earlier.redelivered,
                    storedTwice - earlier.storedTwice, corrupt - earlier.corrupt);
        }
    }
}
