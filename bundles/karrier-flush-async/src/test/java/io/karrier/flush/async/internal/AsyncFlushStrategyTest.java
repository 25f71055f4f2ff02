package io.karrier.flush.async.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/**
 * The async strategy against a fake log. Waits are generous (the machine may be a loaded 2-core
 * box); timing asserts are one-sided: "no more often than the interval", "not before the threshold".
 */
class AsyncFlushStrategyTest {

    private static final long PATIENCE_MILLIS = 30_000;
    private static final long HOUR_MILLIS = 3_600_000;
    private static final int MANY_PAGES = 1_000_000;

    private final FakeFlushTarget target = new FakeFlushTarget();
    private AsyncFlushStrategy strategy;

    private static AsyncFlushStrategy.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(AsyncFlushStrategy.Config.class);
    }

    private AsyncFlushStrategy attach(long intervalMillis, int dirtyPages) {
        strategy = new AsyncFlushStrategy(config(Map.of("flushIntervalMillis", intervalMillis, "flushDirtyPages", dirtyPages)));
        strategy.attach(target);
        return strategy;
    }

    private CompletableFuture<Void> append(long bytes) {
        return strategy.appended(target, target.write(bytes)).toCompletableFuture();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(5);
        }
    }

    private static long backgroundFlushThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("karrier-background-flush-") && t.isAlive())
                .count();
    }

    @AfterEach
    void deactivate() {
        target.openGate();
        target.failNextForces(0);
        if (strategy != null) {
            strategy.deactivate();
        }
    }

    @Test
    void defaultsAndIdentity() {
        AsyncFlushStrategy.Config config = config(Map.of());
        assertThat(config.flushIntervalMillis()).isEqualTo(500);
        assertThat(config.flushDirtyPages()).isEqualTo(1024);
        assertThat(config.service_ranking()).isZero().isEqualTo(AsyncFlushStrategy.DEFAULT_RANKING);

        strategy = new AsyncFlushStrategy(config);
        assertThat(strategy.name()).isEqualTo("async");
        assertThat(strategy.acknowledgesAfterForce()).isFalse();
    }

    @Test
    void anAppendCountsAtOnceWithoutAForce() {
        attach(HOUR_MILLIS, MANY_PAGES);
        target.gateForces(); // a force would hang; none is needed

        CompletableFuture<Void> stage = append(100);

        assertThat(stage).isCompleted();
        assertThat(stage.join()).isNull();
        assertThat(target.flushedPosition()).isZero();
    }

    @Test
    void forcesOnTheIntervalAndNoMoreOften() throws Exception {
        attach(50, MANY_PAGES);

        append(10);
        await("the interval force", () -> target.flushedPosition() == 10);

        int forcesBefore = target.forces();
        long startNanos = System.nanoTime();
        while (System.nanoTime() - startNanos < TimeUnit.MILLISECONDS.toNanos(600)) {
            append(10); // always something dirty
            Thread.sleep(5);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        int forces = target.forces() - forcesBefore;

        assertThat(forces).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo((int) (elapsedMillis / 50) + 2);
        await("the interval force", () -> target.flushedPosition() == target.writtenPosition());
    }

    @Test
    void forcesSoonerOnceTheDirtyPagesReachTheThreshold() throws Exception {
        attach(HOUR_MILLIS, 2);

        append(AsyncFlushStrategy.PAGE_SIZE); // one page dirty: below the threshold
        Thread.sleep(300);
        assertThat(target.forces()).isZero();

        append(AsyncFlushStrategy.PAGE_SIZE); // two pages: the append wakes the flusher
        await("the threshold force", () -> target.flushedPosition() == 2L * AsyncFlushStrategy.PAGE_SIZE);
    }

    @Test
    void detachForcesTheTailAndStops() {
        attach(HOUR_MILLIS, MANY_PAGES);
        BackgroundFlusher flusher = strategy.flusher(target);
        append(123);

        strategy.detach(target);

        assertThat(target.flushedPosition()).isEqualTo(123);
        assertThat(target.forces()).isEqualTo(1);
        assertThat(flusher.isAlive()).isFalse();
        CompletableFuture<Void> afterDetach = append(1);
        assertThat(afterDetach).isCompletedExceptionally();
        assertThatThrownBy(afterDetach::join).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedForceIsRetriedAtTheNextIntervalWithoutHammeringTheDisk() throws Exception {
        attach(100, 1);
        BackgroundFlusher flusher = strategy.flusher(target);
        target.failNextForces(Integer.MAX_VALUE);

        long startNanos = System.nanoTime();
        while (System.nanoTime() - startNanos < TimeUnit.MILLISECONDS.toNanos(600)) {
            assertThat(append(2 * AsyncFlushStrategy.PAGE_SIZE)).isCompleted(); // always over the threshold
            Thread.sleep(5);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        await("a failed force", () -> flusher.failedForces() >= 1);
        assertThat(flusher.failedForces()).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
        assertThat(target.flushedPosition()).isZero();

        target.failNextForces(0); // the disk recovers
        await("a retried force", () -> target.flushedPosition() == target.writtenPosition());
        assertThat(flusher.forces()).isGreaterThan(flusher.failedForces());
    }

    @Test
    void attachingTheSameTargetTwiceStartsOneThread() {
        long before = backgroundFlushThreads();
        attach(HOUR_MILLIS, MANY_PAGES);
        BackgroundFlusher first = strategy.flusher(target);

        strategy.attach(target);

        assertThat(strategy.flusher(target)).isSameAs(first);
        assertThat(backgroundFlushThreads()).isEqualTo(before + 1);
    }

    @Test
    void appendedForAnUnattachedTargetFailsAndDeactivateStopsEverything() {
        attach(HOUR_MILLIS, MANY_PAGES);
        FakeFlushTarget other = new FakeFlushTarget();
        assertThatThrownBy(() -> strategy.appended(other, other.write(1)).toCompletableFuture().join())
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("not attached");

        append(10);
        strategy.deactivate();

        assertThat(target.flushedPosition()).isEqualTo(10);
        assertThatThrownBy(() -> strategy.attach(target)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShorterIntervalSetLiveTakesEffectWithoutDetaching() throws InterruptedException {
        attach(HOUR_MILLIS, MANY_PAGES);
        append(100);
        Thread.sleep(200);
        assertThat(target.forces()).as("an hour's interval has not passed").isZero();

        strategy.modified(config(Map.of("flushIntervalMillis", 20L, "flushDirtyPages", MANY_PAGES)));

        await("a force within the new 20 ms interval", () -> target.forces() > 0);
        assertThat(strategy.flusher(target)).as("still the same attachment").isNotNull();
        assertThat(append(100)).isCompleted();
    }

    @Test
    void aValueOutOfRangeIsIgnoredAndTheOneInForceStays() throws InterruptedException {
        attach(HOUR_MILLIS, MANY_PAGES);

        strategy.modified(config(Map.of("flushIntervalMillis", 0L, "flushDirtyPages", 0)));
        append(2 * AsyncFlushStrategy.PAGE_SIZE);
        Thread.sleep(200);

        assertThat(target.forces()).as("the hour's interval and the large threshold stay in force").isZero();
    }
}
