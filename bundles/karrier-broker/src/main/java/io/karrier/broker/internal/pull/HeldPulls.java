package io.karrier.broker.internal.pull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageArrivalListener;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.pull.HeldPull.QueueKey;
import io.karrier.protocol.ResponseCode;

/**
 * Long polling, as RocketMQ 4.9.7's PullRequestHoldService: pulls that found nothing wait per queue
 * until a message they match arrives, then are answered with a fresh read; at their deadline they
 * are answered with whatever a read finds then (normally PULL_NOT_FOUND). Pulls whose connection
 * closed are dropped. At most {@code maxHeld} pulls wait at once; past that {@link #hold} refuses.
 *
 * <p>Arrivals ({@link #messagesArrived}, from the store's dispatch thread) and {@link #sweep()} (from
 * the broker's scheduler) only mark work; one wake-up thread does it, so no caller waits on reads.
 * A pull is owned by whoever took it out of the table: {@link #hold} puts it in, the wake-up thread
 * takes a queue's pulls out whole, answers some and puts the rest back. Entries already found not to
 * match are not read again: the pull resumes after them, which answers the same as a read from its
 * own offset would, since those entries would be skipped.
 */
public final class HeldPulls implements MessageArrivalListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldPulls.class);

    private final MessageStore store;
    private final PullReader reader;
    private final int maxHeld;
    private final ConcurrentHashMap<QueueKey, ArrayDeque<HeldPull>> held = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Set<QueueKey> woken = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweepPending = new AtomicBoolean();
    /** Set when the broker stops: no pull is held any more, so closing servers need not wait for them. */
    private volatile boolean stopping;
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "karrier-pull-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    HeldPulls(MessageStore store, PullReader reader, int maxHeld) {
        this.store = store;
        this.reader = reader;
        this.maxHeld = maxHeld;
    }

    /**
     * Holds a pull until a message arrives or its deadline passes; its {@link HeldPull#answer}
     * completes then (or never, if its connection closes first).
     *
     * @return false, holding nothing, when {@code maxHeld} pulls already wait
     */
    boolean hold(HeldPull pull) {
        if (stopping) {
            return false;
        }
        if (count.incrementAndGet() > maxHeld) {
            count.decrementAndGet();
            return false;
        }
        QueueKey queue = pull.queue();
        put(queue, List.of(pull));
        // A message that arrived after the read found nothing but before the pull was in the table
        // woke no one: look once more.
        if (store.maxOffset(queue.topic(), queue.queueId()) > pull.header.queueOffset()) {
            wake(queue);
        }
        return true;
    }

    /** @return how many pulls wait */
    public int size() {
        return count.get();
    }

    @Override
    public void messagesArrived(String topic, int queueId, long nextOffset) {
        QueueKey queue = new QueueKey(topic, queueId);
        if (held.containsKey(queue)) {
            wake(queue);
        }
    }

    /** Answers pulls whose deadline passed or whose message came, and drops those whose client left. */
    public void sweep() {
        if (sweepPending.compareAndSet(false, true)) {
            execute(() -> {
                sweepPending.set(false);
                for (QueueKey queue : held.keySet()) {
                    settle(queue, false);
                }
            });
        }
    }

    /**
     * Answers every held pull now, as at its deadline, and holds no more: the broker is stopping and
     * its connections close once their requests are answered. Runs on the caller's thread.
     */
    public void stopHolding() {
        stopping = true;
        for (QueueKey queue : held.keySet()) {
            settle(queue, true);
        }
    }

    private void wake(QueueKey queue) {
        if (woken.add(queue)) {
            execute(() -> {
                woken.remove(queue);
                settle(queue, false);
            });
        }
    }

    private void execute(Runnable work) {
        try {
            wakeups.execute(work);
        } catch (RejectedExecutionException closed) {
            // closing: the held pulls are dropped with their connections
        }
    }

    private void put(QueueKey queue, List<HeldPull> pulls) {
        held.compute(queue, (key, waiting) -> {
            ArrayDeque<HeldPull> target = waiting == null ? new ArrayDeque<>() : waiting;
            target.addAll(pulls);
            return target;
        });
    }

    private void settle(QueueKey queue, boolean answerNow) {
        ArrayDeque<HeldPull> taken = held.remove(queue);
        if (taken == null) {
            return;
        }
        long maxOffset = store.maxOffset(queue.topic(), queue.queueId());
        List<HeldPull> still = new ArrayList<>();
        for (HeldPull pull : taken) {
            try {
                if (!settled(pull, answerNow || stopping, System.nanoTime(), maxOffset)) {
                    still.add(pull);
                }
            } catch (RuntimeException e) {
                LOG.warn("Held pull of {} from {} failed: {}", queue, pull.channel, e.toString());
                count.decrementAndGet();
                pull.answer.completeExceptionally(e);
            }
        }
        if (!still.isEmpty()) {
            put(queue, still);
        }
    }

    /** @return whether the pull is done with: answered or dropped */
    private boolean settled(HeldPull pull, boolean answerNow, long now, long maxOffset) {
        if (!pull.channel.isActive()) {
            count.decrementAndGet();
            return true;
        }
        boolean expired = answerNow || now - pull.deadlineNanos >= 0;
        if (maxOffset <= pull.resumeOffset && !expired) {
            return false;
        }
        PullResult result = reader.read(pull.header, pull.resumeOffset, pull.filter);
        boolean nothingYet = result.status() == GetStatus.NO_MATCHED_MESSAGE || result.code() == ResponseCode.PULL_NOT_FOUND;
        if (nothingYet && !expired) {
            if (result.status() == GetStatus.NO_MATCHED_MESSAGE) {
                pull.resumeOffset = result.nextBeginOffset();
            }
            result.response().release();
            return false;
        }
        count.decrementAndGet();
        answer(pull, result.response());
        return true;
    }

    private static void answer(HeldPull pull, RemotingCommand response) {
        if (!pull.answer.complete(response)) {
            response.release();
        }
    }

    /** Drops every held pull and stops the wake-up thread; call after the servers stopped. */
    @Override
    public void close() {
        wakeups.shutdownNow();
        held.clear();
        count.set(0);
    }
}
