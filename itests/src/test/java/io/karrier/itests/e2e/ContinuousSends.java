package io.karrier.itests.e2e;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;

/**
 * Synchronous sends from a few threads, without pause, until {@link #close()}: every message
 * numbered ({@link TestMessages}), the instant of each acknowledgement (SEND_OK) kept, and every
 * failed send counted by kind. A thread whose send failed waits a moment before the next, as an
 * application would, so an outage yields a bounded number of failures.
 *
 * <p>A failure is <em>retriable</em> when the official client (4.9.7, {@code sendDefaultImpl})
 * took it for one it retries: it gave up after its tries with an {@link MQClientException} caused
 * by a remoting error, a client error or a broker code in its retry list, or ran out of send
 * timeout between tries ({@link RemotingTooMuchRequestException}). A broker code outside the
 * list comes out as {@link MQBrokerException} at once, and a status other than SEND_OK (a
 * FLUSH_DISK_TIMEOUT, say) as a result: neither is retried, so both count as not retriable.
 */
final class ContinuousSends implements AutoCloseable {

    /** Numbers above this are not sent: bounds the memory of the acknowledgement instants. */
    static final int MAX_SENDS = 2_000_000;
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 100;
    /** Keeps the rate within what the consumer group and a shared 2-core machine can follow. */
    private static final long PAUSE_BETWEEN_SENDS_MILLIS = 1;

    private final DefaultMQProducer producer;
    private final String topic;
    private final AtomicInteger nextSequence = new AtomicInteger();
    private final AtomicLongArray acknowledgedAtNanos = new AtomicLongArray(MAX_SENDS);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, String> firstFailureMessages = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService senders;

    ContinuousSends(DefaultMQProducer producer, String topic, int threads) {
        this.producer = producer;
        this.topic = topic;
        this.senders = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "continuous-sender");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            senders.execute(this::sendUntilStopped);
        }
    }

    /** @return how many sequence numbers were handed out so far (sent, being sent, or failed) */
    int issued() {
        return Math.min(nextSequence.get(), MAX_SENDS);
    }

    /** @return when {@code sequence} was acknowledged ({@link System#nanoTime()}), or 0 if it was not */
    long acknowledgedAt(int sequence) {
        return acknowledgedAtNanos.get(sequence);
    }

    /** @return the acknowledgement instants within [{@code fromNanos}, {@code toNanos}], sorted */
    long[] acknowledgementsBetween(long fromNanos, long toNanos) {
        int issued = issued();
        long[] instants = new long[issued];
        int count = 0;
        for (int sequence = 0; sequence < issued; sequence++) {
            long at = acknowledgedAtNanos.get(sequence);
            if (at != 0 && at - fromNanos >= 0 && toNanos - at >= 0) {
                instants[count++] = at;
            }
        }
        long[] within = Arrays.copyOf(instants, count);
        Arrays.sort(within);
        return within;
    }

    /** @return failed sends so far by kind ("retriable: ..." or "NOT retriable: ...") */
    Map<String, Long> failuresByKind() {
        Map<String, Long> snapshot = new TreeMap<>();
        failures.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    /** @return the first failure of each kind, as the client described it */
    Map<String, String> firstFailureMessages() {
        return new TreeMap<>(firstFailureMessages);
    }

    static boolean isRetriable(String kind) {
        return kind.startsWith("retriable");
    }

    private void sendUntilStopped() {
        while (!stopping.get()) {
            int sequence = nextSequence.getAndIncrement();
            if (sequence >= MAX_SENDS) {
                return;
            }
            String failure;
            String message;
            try {
                SendResult result = producer.send(TestMessages.create(topic, sequence, "TagA"));
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acknowledgedAtNanos.set(sequence, System.nanoTime());
                    pause(PAUSE_BETWEEN_SENDS_MILLIS);
                    continue;
                }
                failure = "NOT retriable: status " + result.getSendStatus();
                message = result.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure = kindOf(e);
                message = e.toString();
            }
            failures.computeIfAbsent(failure, kind -> new LongAdder()).increment();
            firstFailureMessages.putIfAbsent(failure, message);
            pause(PAUSE_AFTER_FAILURE_MILLIS);
        }
    }

    static String kindOf(Exception failure) {
        if (failure instanceof RemotingTooMuchRequestException) {
            return "retriable: send timeout used up between tries";
        }
        if (failure instanceof MQClientException client && retriedCause(client.getCause())) {
            Throwable cause = client.getCause();
            String code = cause instanceof MQBrokerException broker ? " code " + broker.getResponseCode() : "";
            return "retriable: gave up after tries, last " + cause.getClass().getSimpleName() + code;
        }
        if (failure instanceof MQBrokerException broker) {
            return "NOT retriable: broker code " + broker.getResponseCode() + " (" + broker.getErrorMessage() + ")";
        }
        String code = failure instanceof MQClientException client ? " code " + client.getResponseCode() : "";
        return "NOT retriable: " + failure.getClass().getSimpleName() + code;
    }

    /** The exceptions {@code sendDefaultImpl} answers with another try (4.9.7). */
    private static boolean retriedCause(Throwable cause) {
        return cause instanceof RemotingException || cause instanceof MQClientException
                || cause instanceof MQBrokerException;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the senders, waiting for the sends under way (each bounded by the send timeout). */
    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        senders.shutdown();
        if (!senders.awaitTermination(producer.getSendMsgTimeout() + 5_000L, TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }
}
