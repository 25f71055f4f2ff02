package io.karrier.flush.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** The component: configuration, attach/detach bookkeeping, lifecycle errors. */
class SyncFlushStrategyTest {

    private SyncFlushStrategy strategy;

    static SyncFlushStrategy.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(SyncFlushStrategy.Config.class);
    }

    static long groupCommitThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("karrier-group-commit-") && t.isAlive())
                .count();
    }

    @AfterEach
    void deactivate() {
        if (strategy != null) {
            strategy.deactivate();
        }
    }

    @Test
    void defaultsAndIdentity() {
        SyncFlushStrategy.Config config = config(Map.of());
        assertThat(config.flushTimeoutMillis()).isEqualTo(5000);
        assertThat(config.service_ranking()).isEqualTo(100).isEqualTo(SyncFlushStrategy.DEFAULT_RANKING);

        strategy = new SyncFlushStrategy(config);
        assertThat(strategy.name()).isEqualTo("sync");
        assertThat(strategy.acknowledgesAfterForce()).isTrue();
    }

    @Test
    void appendedForAnUnattachedTargetFailsAtOnce() {
        strategy = new SyncFlushStrategy(config(Map.of()));

        CompletableFuture<Void> stage = strategy.appended(new FakeFlushTarget(), 10).toCompletableFuture();

        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not attached to fake-log");
    }

    @Test
    void attachingTheSameTargetTwiceStartsOneThread() {
        strategy = new SyncFlushStrategy(config(Map.of()));
        FakeFlushTarget target = new FakeFlushTarget();
        long before = groupCommitThreads();

        strategy.attach(target);
        GroupCommitService first = strategy.service(target);
        strategy.attach(target);

        assertThat(strategy.service(target)).isSameAs(first);
        assertThat(groupCommitThreads()).isEqualTo(before + 1);
    }

    @Test
    void appendedAfterDetachFailsAndThreadsAreGone() {
        strategy = new SyncFlushStrategy(config(Map.of()));
        FakeFlushTarget target = new FakeFlushTarget();
        strategy.attach(target);
        GroupCommitService service = strategy.service(target);

        strategy.detach(target);

        assertThat(service.isAlive()).isFalse();
        CompletableFuture<Void> stage = strategy.appended(target, target.write(10)).toCompletableFuture();
        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        // Detaching twice is harmless.
        strategy.detach(target);
    }

    @Test
    void deactivateDetachesEveryTargetAndRefusesNewOnes() throws Exception {
        strategy = new SyncFlushStrategy(config(Map.of()));
        FakeFlushTarget a = new FakeFlushTarget().forceTakes(20);
        FakeFlushTarget b = new FakeFlushTarget().forceTakes(20);
        strategy.attach(a);
        strategy.attach(b);
        CompletableFuture<Void> onA = strategy.appended(a, a.write(100)).toCompletableFuture();
        CompletableFuture<Void> onB = strategy.appended(b, b.write(100)).toCompletableFuture();

        strategy.deactivate();

        assertThat(onA).isCompleted();
        assertThat(onB).isCompleted();
        assertThat(a.flushedPosition()).isEqualTo(100);
        assertThat(b.flushedPosition()).isEqualTo(100);
        assertThatThrownBy(() -> strategy.attach(a)).isInstanceOf(IllegalStateException.class);
        assertThat(strategy.appended(a, a.write(1)).toCompletableFuture()).isCompletedExceptionally();
        assertThat(onA.get(1, TimeUnit.SECONDS)).isNull();
    }
}
