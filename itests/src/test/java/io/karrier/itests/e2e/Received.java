package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * What one consumer received, in the order its listener saw it (for an orderly listener: the
 * order of each queue), with bounded waits for it.
 */
final class Received {

    private static final long POLL_MILLIS = 50;

    private final Queue<MessageExt> messages = new ConcurrentLinkedQueue<>();

    /** A listener that records every message and acknowledges it. */
    MessageListenerConcurrently concurrently() {
        return (batch, context) -> {
            messages.addAll(batch);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    /** An orderly listener that records every message and acknowledges it. */
    MessageListenerOrderly orderly() {
        return (batch, context) -> {
            messages.addAll(batch);
            return ConsumeOrderlyStatus.SUCCESS;
        };
    }

    void addAll(Collection<MessageExt> batch) {
        messages.addAll(batch);
    }

    int size() {
        return messages.size();
    }

    List<MessageExt> messages() {
        return List.copyOf(messages);
    }

    /** Waits until at least {@code count} messages arrived; fails after {@code timeout}. */
    List<MessageExt> awaitAtLeast(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("received " + messages.size() + " of " + count + " messages within " + timeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return messages();
    }

    /**
     * Waits until {@code count} messages arrived, then {@code quiet} longer, and asserts that no
     * more came (a duplicate or an unexpected message would).
     */
    List<MessageExt> awaitExactly(int count, Duration timeout, Duration quiet) throws InterruptedException {
        awaitAtLeast(count, timeout);
        Thread.sleep(quiet.toMillis());
        List<MessageExt> all = messages();
        assertThat(all).as("messages received (no more than sent)").hasSize(count);
        return all;
    }
}
