package io.karrier.flush.sync.internal;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.karrier.api.flush.FlushTarget;

/**
 * A log in memory: {@link #write} moves the written position; {@link #force} covers what was written
 * when it began, after an optional latency and an optional gate (one permit per force), and can be
 * told to fail. Test-only.
 */
final class FakeFlushTarget implements FlushTarget {

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong flushed = new AtomicLong();
    private final AtomicInteger forces = new AtomicInteger();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    /** Released once each time a force begins. */
    final Semaphore forceStarted = new Semaphore(0);
    private volatile long forceMillis;
    private volatile Semaphore gate;

    /** @return the end position of the bytes just written */
    long write(long bytes) {
        return written.addAndGet(bytes);
    }

    FakeFlushTarget forceTakes(long millis) {
        this.forceMillis = millis;
        return this;
    }

    /** Each force from now on waits for one permit of the returned gate. */
    Semaphore gateForces() {
        Semaphore g = new Semaphore(0);
        this.gate = g;
        return g;
    }

    void openGate() {
        Semaphore g = gate;
        gate = null;
        if (g != null) {
            g.release(1_000_000);
        }
    }

    /** The next {@code count} forces throw. */
    void failNextForces(int count) {
        failuresToInject.set(count);
    }

    int forces() {
        return forces.get();
    }

    @Override
    public long writtenPosition() {
        return written.get();
    }

    @Override
    public long flushedPosition() {
        return flushed.get();
    }

    @Override
    public long force() throws IOException {
        long upTo = written.get();
        forces.incrementAndGet();
        forceStarted.release();
        Semaphore g = gate;
        try {
            if (g != null && !g.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IOException("test gate never opened");
            }
            if (forceMillis > 0) {
                Thread.sleep(forceMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("injected disk failure");
        }
        return flushed.accumulateAndGet(upTo, Math::max);
    }

    @Override
    public String toString() {
        return "fake-log";
    }
}
