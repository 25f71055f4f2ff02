package io.karrier.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.flush.FlushFailedException;
import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;

/**
 * Test strategies: {@link #pageCache()} acknowledges at once and never forces; {@link #forcing()}
 * forces before every acknowledgement; {@link #manual()} acknowledges after a force but forces only
 * when the test says so.
 */
final class TestFlushStrategy implements FlushStrategy {

    private final String name;
    private final boolean afterForce;
    private final boolean forceEachAppend;
    private volatile boolean failing;
    private volatile FlushTarget target;

    private TestFlushStrategy(String name, boolean afterForce, boolean forceEachAppend) {
        this.name = name;
        this.afterForce = afterForce;
        this.forceEachAppend = forceEachAppend;
    }

    /** From now on every append's stage fails as a force that did not happen in time would. */
    void failAppends() {
        failing = true;
    }

    static TestFlushStrategy pageCache() {
        return new TestFlushStrategy("test-async", false, false);
    }

    static TestFlushStrategy forcing() {
        return new TestFlushStrategy("test-sync", true, true);
    }

    static TestFlushStrategy manual() {
        return new TestFlushStrategy("test-manual", true, false);
    }

    /** Forces the attached target now. */
    void forceNow() throws IOException {
        target.force();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acknowledgesAfterForce() {
        return afterForce;
    }

    @Override
    public void attach(FlushTarget attached) {
        target = attached;
    }

    @Override
    public void detach(FlushTarget detached) {
        target = null;
    }

    @Override
    public CompletionStage<Void> appended(FlushTarget flushed, long endPosition) {
        if (failing) {
            return CompletableFuture.failedFuture(new FlushFailedException("force timed out", true, null));
        }
        if (forceEachAppend) {
            try {
                flushed.force();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return CompletableFuture.completedFuture(null);
    }
}
