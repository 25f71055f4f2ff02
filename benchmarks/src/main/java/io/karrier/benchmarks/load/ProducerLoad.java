package io.karrier.benchmarks.load;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Sends from {@code threads} threads until the duration or the message count runs out. Sync: a
 * thread waits for each acknowledgement. Async: a thread goes on at once, but at most
 * {@code maxInFlight} sends await their callback (a semaphore), so the client's queue stays
 * bounded. Oneway: no acknowledgement; the latency is the time the client takes to hand the
 * request to the connection.
 */
final class ProducerLoad {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final LoadOptions options;
    private final Latencies latencies = new Latencies();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong budget;
    private final Semaphore inFlight;
    private final byte[] body;

    ProducerLoad(LoadOptions options) {
        this.options = options;
        this.budget = new AtomicLong(options.messages() > 0 ? options.messages() : Long.MAX_VALUE);
        this.inFlight = new Semaphore(options.maxInFlight());
        this.body = new byte[options.messageBytes()];
        new Random(42).nextBytes(body);
    }

    LoadResult run() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(options.group());
        ClientSettings.apply(producer, options);
        producer.setSendMsgTimeout((int) options.sendTimeout().toMillis());
        producer.setRetryTimesWhenSendFailed(0);
        producer.setRetryTimesWhenSendAsyncFailed(0);
        producer.setMaxMessageSize(LoadOptions.MAX_MESSAGE_BYTES);
        producer.start();
        try {
            if (options.topicQueues() > 0) {
                TopicAdmin.create(producer, options.topic(), options.topicQueues());
            }
            long started = System.nanoTime();
            long deadline = started + options.duration().toNanos();
            ExecutorService senders = Executors.newFixedThreadPool(options.threads());
            for (int i = 0; i < options.threads(); i++) {
                senders.execute(() -> sendUntil(producer, deadline));
            }
            senders.shutdown();
            if (!senders.awaitTermination(options.duration().plus(options.sendTimeout()).plus(GRACE).toMillis(),
                    TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
                error("senders did not stop in time");
            }
            // the last async callbacks, bounded by the send timeout
            if (!inFlight.tryAcquire(options.maxInFlight(), options.sendTimeout().plus(GRACE).toMillis(),
                    TimeUnit.MILLISECONDS)) {
                error((options.maxInFlight() - inFlight.availablePermits()) + " async sends never completed");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new LoadResult(describe(), succeeded.sum(), failed.sum(), succeeded.sum() * body.length, elapsed,
                    latencies.summary(), firstError.get());
        } finally {
            producer.shutdown();
        }
    }

    private void sendUntil(DefaultMQProducer producer, long deadline) {
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            Message message = new Message(options.topic(), body);
            try {
                switch (options.sendMode()) {
                    case SYNC -> sendSync(producer, message);
                    case ASYNC -> sendAsync(producer, message, deadline);
                    case ONEWAY -> sendOneway(producer, message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                error(e.toString());
            }
        }
    }

    private void sendSync(DefaultMQProducer producer, Message message) throws Exception {
        long start = System.nanoTime();
        SendResult result = producer.send(message);
        completed(start, result);
    }

    private void sendAsync(DefaultMQProducer producer, Message message, long deadline) throws Exception {
        if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return; // the run ended while waiting for room
        }
        long start = System.nanoTime();
        try {
            producer.send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    completed(start, result);
                    inFlight.release();
                }

                @Override
                public void onException(Throwable failure) {
                    error(failure.toString());
                    inFlight.release();
                }
            });
        } catch (Exception e) {
            inFlight.release();
            throw e;
        }
    }

    private void sendOneway(DefaultMQProducer producer, Message message) throws Exception {
        long start = System.nanoTime();
        producer.sendOneway(message);
        latencies.recordNanos(System.nanoTime() - start);
        succeeded.increment();
    }

    private void completed(long start, SendResult result) {
        if (result.getSendStatus() == SendStatus.SEND_OK) {
            latencies.recordNanos(System.nanoTime() - start);
            succeeded.increment();
        } else {
            error("send status " + result.getSendStatus());
        }
    }

    private void error(String description) {
        failed.increment();
        firstError.compareAndSet(null, description);
    }

    private String describe() {
        return String.format("produce send=%s threads=%d size=%dB topic=%s namesrv=%s%s",
                options.sendMode().name().toLowerCase(), options.threads(), options.messageBytes(), options.topic(),
                options.nameServer(), options.sendMode() == LoadOptions.SendMode.ASYNC
                        ? " max-in-flight=" + options.maxInFlight() : "");
    }
}
