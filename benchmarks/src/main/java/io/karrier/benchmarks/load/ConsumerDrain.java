package io.karrier.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Drains {@code messages} messages from a topic with a push consumer, or stops when the duration
 * runs out. The rate counts from the first message received to the last; the latency of each is
 * the time from its birth on the producer (millisecond clock, same host assumed) to its delivery.
 */
final class ConsumerDrain {

    private final LoadOptions options;
    private final Latencies latencies = new Latencies();
    private final AtomicLong received = new AtomicLong();
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong firstAt = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();
    private final CountDownLatch drained = new CountDownLatch(1);

    ConsumerDrain(LoadOptions options) {
        this.options = options;
    }

    LoadResult run() throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.group());
        ClientSettings.apply(consumer, options);
        consumer.setConsumeFromWhere(options.fromFirst()
                ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.subscribe(options.topic(), "*");
        consumer.setMessageListener((MessageListenerConcurrently) (batch, context) -> {
            batch.forEach(this::deliver);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            drained.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            consumer.shutdown();
        }
        long count = Math.min(received.get(), options.messages());
        Duration elapsed = count == 0 ? Duration.ZERO : Duration.ofNanos(lastAt.get() - firstAt.get());
        String shortfall = count < options.messages()
                ? "drained " + count + " of " + options.messages() + " within " + options.duration() : null;
        return new LoadResult(String.format("consume group=%s topic=%s namesrv=%s from=%s", options.group(),
                options.topic(), options.nameServer(), options.fromFirst() ? "first" : "last"), count,
                shortfall == null ? 0 : 1, bytes.sum(), elapsed, latencies.summary(), shortfall);
    }

    private void deliver(MessageExt message) {
        long now = System.nanoTime();
        long number = received.incrementAndGet();
        if (number > options.messages()) {
            return;
        }
        firstAt.compareAndSet(0, now);
        lastAt.accumulateAndGet(now, Math::max);
        bytes.add(message.getBody().length);
        latencies.recordNanos(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - message.getBornTimestamp()));
        if (number == options.messages()) {
            drained.countDown();
        }
    }
}
