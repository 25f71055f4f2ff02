package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.MessageExt;

import io.karrier.itests.process.KarrierProcess;

/**
 * A crash in the middle of traffic: several threads send synchronously, each message numbered,
 * until Karrier's JVM is killed with SIGKILL; then, after the restart, what the broker serves is
 * checked against what it acknowledged.
 */
final class KillUnderLoad {

    private static final int THREADS = 4;
    private static final Duration ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);

    private KillUnderLoad() {
    }

    /**
     * Sends until {@code acknowledgedBeforeKill} sends were acknowledged (SEND_OK), kills Karrier
     * while the senders go on, and returns the sequence numbers of every acknowledged message.
     * Any failed send before the kill fails the test.
     */
    static Set<Integer> sendAndKill(DefaultMQProducer producer, KarrierProcess karrier, String topic,
            int acknowledgedBeforeKill) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Queue<String> failuresBeforeKill = new ConcurrentLinkedQueue<>();
        AtomicInteger nextSequence = new AtomicInteger();
        AtomicBoolean killing = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < THREADS; i++) {
                senders.execute(() -> {
                    while (!killing.get()) {
                        int sequence = nextSequence.getAndIncrement();
                        try {
                            SendResult result = producer.send(TestMessages.create(topic, sequence, "TagA"));
                            if (result.getSendStatus() == SendStatus.SEND_OK) {
                                acknowledged.add(sequence);
                            } else if (!killing.get()) {
                                failuresBeforeKill.add(sequence + ": " + result.getSendStatus());
                            }
                        } catch (Exception e) {
                            if (!killing.get()) {
                                failuresBeforeKill.add(sequence + ": " + e);
                            }
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
            while (acknowledged.size() < acknowledgedBeforeKill && failuresBeforeKill.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(acknowledged.size() + " of " + acknowledgedBeforeKill
                            + " sends acknowledged within " + ACKNOWLEDGE_TIMEOUT);
                }
                Thread.sleep(10);
            }
            killing.set(true);
            karrier.kill();
        } finally {
            killing.set(true);
            senders.shutdown();
            if (!senders.awaitTermination(Clients.SEND_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        }
        assertThat(failuresBeforeKill).as("sends that failed before the kill").isEmpty();
        return Set.copyOf(acknowledged);
    }

    /**
     * Every record served is intact and appears once; every acknowledged message is among them.
     * A SIGKILL leaves the page cache to the kernel, so even async flush must not lose an
     * acknowledged append to it (only a power loss could).
     */
    static void assertServedIntactAndComplete(List<MessageExt> served, Set<Integer> acknowledged) {
        served.forEach(TestMessages::assertNotCorrupt);
        Map<Integer, Long> copies = served.stream()
                .collect(Collectors.groupingBy(TestMessages::sequence, Collectors.counting()));
        assertThat(copies.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("sequence numbers stored more than once (no sender retried)").isEmpty();
        assertThat(copies.keySet()).as("acknowledged messages served after the restart")
                .containsAll(acknowledged);
    }
}
