package io.karrier.broker.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.karrier.broker.internal.TestClock;
import io.karrier.protocol.body.MessageQueue;

class QueueLocksTest {

    private static final MessageQueue Q0 = MessageQueue.of("t", "b", 0);
    private static final MessageQueue Q1 = MessageQueue.of("t", "b", 1);

    private final TestClock clock = new TestClock();
    private final QueueLocks locks = new QueueLocks(ClientSettings.defaults(), clock);

    @Test
    void aQueueIsHeldByOneClientOfAGroup() {
        assertThat(locks.lock("g", Set.of(Q0), "c1")).containsExactly(Q0);
        assertThat(locks.lock("g", Set.of(Q0, Q1), "c2")).containsExactly(Q1);
        assertThat(locks.lock("other", Set.of(Q0), "c2")).as("groups lock apart").containsExactly(Q0);
        assertThat(locks.lock("g", Set.of(Q0, Q1), "c1")).containsExactly(Q0);
    }

    @Test
    void aLockLasts60sAfterItsLastRenewal() {
        locks.lock("g", Set.of(Q0), "c1");
        clock.advance(Duration.ofSeconds(50));
        assertThat(locks.lock("g", Set.of(Q0), "c1")).as("renewed").containsExactly(Q0);

        clock.advance(Duration.ofSeconds(60));
        assertThat(locks.lock("g", Set.of(Q0), "c2")).as("60 s after renewal").isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(locks.lock("g", Set.of(Q0), "c2")).as("expired").containsExactly(Q0);
        assertThat(locks.lock("g", Set.of(Q0), "c1")).isEmpty();
    }

    @Test
    void unlockReleasesOnlyTheClientsOwnLocks() {
        locks.lock("g", Set.of(Q0), "c1");
        locks.lock("g", Set.of(Q1), "c2");

        locks.unlock("g", Set.of(Q0, Q1), "c1");
        locks.unlock("unknown", Set.of(Q0), "c1");

        assertThat(locks.lock("g", Set.of(Q0, Q1), "c3")).containsExactly(Q0);
    }

    @Test
    void expireDropsExpiredLocksAndTheLimitBoundsTheTable() {
        ClientSettings defaults = ClientSettings.defaults();
        QueueLocks limited = new QueueLocks(new ClientSettings(true, true, defaults.clientExpiry(),
                defaults.queueLockExpiry(), 10, 10, 10, 1), clock);

        assertThat(limited.lock("g", Set.of(Q0, Q1), "c1")).hasSize(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(limited.expire()).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(limited.expire()).isEqualTo(1);

        assertThat(limited.lock("g", Set.of(Q1), "c2")).containsExactly(Q1);
    }

    @Test
    void concurrentRequestsOfTwoClientsNeverShareAQueue() throws Exception {
        Set<MessageQueue> queues = new HashSet<>();
        IntStream.range(0, 64).forEach(i -> queues.add(MessageQueue.of("t", "b", i)));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String group = "g" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Set<MessageQueue>>> results = List.of("c1", "c2").stream()
                        .map(client -> threads.submit(() -> {
                            start.await(5, TimeUnit.SECONDS);
                            Set<MessageQueue> granted = new HashSet<>();
                            for (MessageQueue queue : queues) {
                                granted.addAll(locks.lock(group, Set.of(queue), client));
                            }
                            return granted;
                        }))
                        .toList();
                Set<MessageQueue> first = results.get(0).get(5, TimeUnit.SECONDS);
                Set<MessageQueue> second = results.get(1).get(5, TimeUnit.SECONDS);

                Set<MessageQueue> both = new HashSet<>(first);
                both.retainAll(second);
                assertThat(both).isEmpty();
                assertThat(first.size() + second.size()).isEqualTo(queues.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
