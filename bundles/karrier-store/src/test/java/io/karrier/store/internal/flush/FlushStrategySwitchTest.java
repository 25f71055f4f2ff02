package io.karrier.store.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;

class FlushStrategySwitchTest {

    private final List<String> events = new ArrayList<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final FlushTarget target = new FlushTarget() {
        @Override
        public long writtenPosition() {
            return 0;
        }

        @Override
        public long flushedPosition() {
            return 0;
        }

        @Override
        public long force() {
            return 0;
        }
    };
    private final FlushStrategySwitch flushSwitch = new FlushStrategySwitch(target, appendLock);

    private FlushStrategy strategy(String name) {
        return new FlushStrategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean acknowledgesAfterForce() {
                return false;
            }

            @Override
            public void attach(FlushTarget attached) {
                events.add("attach " + name);
            }

            @Override
            public void detach(FlushTarget detached) {
                events.add("detach " + name);
            }

            @Override
            public CompletionStage<Void> appended(FlushTarget flushed, long endPosition) {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Test
    void highestRankedStrategyTakesOverAndTheOldOneIsDetachedAfterTheNewIsAttached() {
        FlushStrategy async = strategy("async");
        FlushStrategy sync = strategy("sync");

        flushSwitch.add(async, 0, 1);
        flushSwitch.add(sync, 100, 2);
        flushSwitch.remove(sync);

        assertThat(flushSwitch.current()).isSameAs(async);
        assertThat(events).containsExactly("attach async", "attach sync", "detach async", "attach async",
                "detach sync");
    }

    @Test
    void lowerRankedArrivalChangesNothing() {
        FlushStrategy sync = strategy("sync");
        flushSwitch.add(sync, 100, 1);
        flushSwitch.add(strategy("async"), 0, 2);

        assertThat(flushSwitch.current()).isSameAs(sync);
        assertThat(events).containsExactly("attach sync");
    }

    @Test
    void appendsWaitBoundedlyForAStrategyAndGetOneThatArrives() throws Exception {
        appendLock.lock();
        try {
            assertThat(flushSwitch.awaitCurrent(Duration.ofMillis(50))).isNull();
        } finally {
            appendLock.unlock();
        }

        AtomicReference<FlushStrategy> got = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread appender = new Thread(() -> {
            appendLock.lock();
            try {
                waiting.countDown();
                got.set(flushSwitch.awaitCurrent(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                appendLock.unlock();
            }
        });
        appender.start();
        waiting.await(5, TimeUnit.SECONDS);
        FlushStrategy async = strategy("async");
        flushSwitch.add(async, 0, 1);
        appender.join(10_000);

        assertThat(got.get()).isSameAs(async);
    }

    @Test
    void closeDetachesTheStrategyInForce() {
        flushSwitch.add(strategy("async"), 0, 1);
        flushSwitch.close();

        assertThat(flushSwitch.current()).isNull();
        assertThat(events).containsExactly("attach async", "detach async");
    }
}
