package io.karrier.flush.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.karrier.api.flush.FlushFailedException;

/**
 * Group commit through the strategy's API, against a fake log. Waits are generous (the machine may
 * be a loaded 2-core box); only the non-blocking check measures time, with a tenfold margin.
 */
class GroupCommitTest {

    private static final long PATIENCE_SECONDS = 30;

    private final FakeFlushTarget target = new FakeFlushTarget();
    private SyncFlushStrategy strategy;

    private SyncFlushStrategy attach(Map<String, Object> config) {
        strategy = new SyncFlushStrategy(SyncFlushStrategyTest.config(config));
        strategy.attach(target);
        return strategy;
    }

    private CompletableFuture<Void> append(long bytes) {
        return strategy.appended(target, target.write(bytes)).toCompletableFuture();
    }

    private void awaitForceStarted() throws InterruptedException {
        assertThat(target.forceStarted.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("a force began").isTrue();
    }

    private static FlushFailedException failure(CompletableFuture<Void> stage) throws Exception {
        try {
            stage.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(FlushFailedException.class);
            return (FlushFailedException) e.getCause();
        }
        throw new AssertionError("the append completed normally");
    }

    @AfterEach
    void deactivate() {
        target.openGate();
        if (strategy != null) {
            strategy.deactivate();
        }
    }

    @Test
    void manyConcurrentAppendersShareFewForces() throws Exception {
        attach(Map.of());
        target.forceTakes(2);
        int threads = 32;
        int appendsPerThread = 200;
        AtomicInteger acknowledgedBeforeDurable = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread appender = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        // Like a producer waiting for SEND_OK: the next append only after this one is durable.
                        long end = target.write(100);
                        strategy.appended(target, end).toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                        if (target.flushedPosition() < end) {
                            acknowledgedBeforeDurable.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            appender.start();
            appenders.add(appender);
        }
        start.countDown();
        for (Thread appender : appenders) {
            appender.join(TimeUnit.SECONDS.toMillis(120));
        }

        int appends = threads * appendsPerThread;
        assertThat(errors).isEmpty();
        assertThat(acknowledgedBeforeDurable).hasValue(0);
        assertThat(target.flushedPosition()).isEqualTo(appends * 100L);
        // One force per append would be 6,400 forces; a working group commit needs a few hundred.
        assertThat(target.forces()).isLessThan(appends / 4);
        assertThat(strategy.service(target).forces()).isEqualTo(target.forces());
    }

    @Test
    void aForceWaitsBrieflyForTheAppendersTheLastForceServed() throws Exception {
        attach(Map.of());
        target.forceTakes(20); // gathers for up to min(1 ms, half a force)

        // A force that serves two appenders expects two back. The first comes back at once, the second
        // 200 us later: without gathering the first gets a force of its own, since a force covers only
        // what was written when it began. Retried, as a loaded machine may stall this thread beyond the
        // gather window.
        boolean shared = false;
        for (int attempt = 0; attempt < 5 && !shared; attempt++) {
            long end1 = target.write(100);
            long end2 = target.write(100);
            CompletableFuture.allOf(strategy.appended(target, end1).toCompletableFuture(),
                    strategy.appended(target, end2).toCompletableFuture()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            int before = target.forces();
            CompletableFuture<Void> first = append(100);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            CompletableFuture<Void> second = append(100);
            CompletableFuture.allOf(first, second).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            shared = target.forces() == before + 1;
        }
        assertThat(shared).as("two appends 200 us apart shared one force").isTrue();

        // Only one comes back: the wait is bounded and the lone append is forced all the same.
        long started = System.nanoTime();
        append(100).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS));
        assertThat(target.flushedPosition()).isEqualTo(target.writtenPosition());
    }

    @Test
    void anAppendCompletesOnlyAfterAForceCoveringItsEnd() throws Exception {
        attach(Map.of());
        Semaphore gate = target.gateForces();

        CompletableFuture<Void> first = append(100);
        awaitForceStarted(); // covers position 100 only
        CompletableFuture<Void> second = append(100);
        Thread.sleep(200);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        gate.release(); // the first force returns with flushed = 100
        first.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        awaitForceStarted(); // the second force, covering 200, waits at the gate
        assertThat(target.flushedPosition()).isEqualTo(100);
        assertThat(second).isNotDone();

        gate.release();
        second.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(target.flushedPosition()).isEqualTo(200);
    }

    @Test
    void aFailedForceFailsExactlyTheAppendsItCoveredAndTheDiskMayRecover() throws Exception {
        attach(Map.of());
        Semaphore gate = target.gateForces();
        target.failNextForces(1);

        CompletableFuture<Void> covered = append(100);
        awaitForceStarted(); // the failing force covers position 100
        CompletableFuture<Void> later = append(100);
        gate.release();

        FlushFailedException error = failure(covered);
        assertThat(error.timedOut()).isFalse();
        assertThat(error.getCause()).isInstanceOf(IOException.class).hasMessage("injected disk failure");

        awaitForceStarted(); // the disk works again
        assertThat(later).isNotDone();
        gate.release();
        assertThat(later.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isNull();
        assertThat(target.flushedPosition()).isEqualTo(200);

        target.openGate();
        assertThat(append(100).get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aLateAppendInsideARangeWhoseForceFailedIsNeverAcknowledged() throws Exception {
        attach(Map.of());
        target.failNextForces(1);
        long end = target.write(100);
        assertThat(failure(strategy.appended(target, end).toCompletableFuture()).timedOut()).isFalse();

        // The same bytes reported again (or another record below that end): a later fsync may claim
        // success for pages the kernel dropped after the failure, so this must not be acknowledged.
        FlushFailedException error = failure(strategy.appended(target, end).toCompletableFuture());
        assertThat(error.timedOut()).isFalse();
        assertThat(error).hasMessageContaining("earlier force");

        assertThat(append(100).get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void anAppendThatWaitsTooLongFailsAsTimedOutEvenWhileForceHangs() throws Exception {
        attach(Map.of("flushTimeoutMillis", 200L));
        target.gateForces(); // force() hangs until the test ends

        CompletableFuture<Void> stage = append(100);
        awaitForceStarted();

        FlushFailedException error = failure(stage);
        assertThat(error.timedOut()).isTrue();
        assertThat(error).hasMessageContaining("within 200 ms");
    }

    @Test
    void detachCompletesEveryOutstandingAppend() throws Exception {
        attach(Map.of());
        target.forceTakes(20);
        ConcurrentLinkedQueue<CompletableFuture<Void>> stages = new ConcurrentLinkedQueue<>();
        CountDownLatch appending = new CountDownLatch(4);
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread appender = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    stages.add(append(10));
                    if (i == 50) {
                        appending.countDown();
                    }
                }
            });
            appender.start();
            appenders.add(appender);
        }
        assertThat(appending.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

        strategy.detach(target);
        // Every stage handed out so far must be complete the moment detach returns.
        List<CompletableFuture<Void>> handedOut = new ArrayList<>(stages);
        assertThat(handedOut).isNotEmpty().allMatch(CompletableFuture::isDone);
        for (Thread appender : appenders) {
            appender.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }

        assertThat(stages).hasSize(2000).allMatch(CompletableFuture::isDone);
        assertThat(stages).anyMatch(stage -> !stage.isCompletedExceptionally());
        int forcesAtDetach = target.forces();
        Thread.sleep(100);
        assertThat(target.forces()).as("nothing is forced after detach").isEqualTo(forcesAtDetach);
    }

    @Test
    void detachReturnsEvenWhenForceHangs() throws Exception {
        attach(Map.of("flushTimeoutMillis", 300L));
        target.gateForces();
        CompletableFuture<Void> stage = append(100);
        awaitForceStarted();

        strategy.detach(target);

        assertThat(stage).isCompletedExceptionally();
        assertThat(failure(stage).timedOut()).isTrue();
    }

    @Test
    void appendedNeverBlocksTheCaller() throws Exception {
        attach(Map.of());
        target.forceTakes(500);
        CompletableFuture<Void> first = append(100);
        awaitForceStarted(); // the group-commit thread now sleeps in force() for 500 ms

        long startNanos = System.nanoTime();
        CompletableFuture<Void> second = append(100);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        assertThat(tookMillis).isLessThan(50);
        assertThat(second).isNotDone();
        first.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        second.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void unattachedTargetIsNotServedByAnotherTargetsService() {
        attach(Map.of());
        FakeFlushTarget other = new FakeFlushTarget();
        assertThatThrownBy(() -> strategy.appended(other, other.write(1)).toCompletableFuture().join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
