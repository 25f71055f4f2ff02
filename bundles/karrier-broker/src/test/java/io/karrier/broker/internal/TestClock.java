package io.karrier.broker.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told. */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    /** Starts at 2023-11-14T22:13:20Z, in UTC. */
    public TestClock() {
        this(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    }

    public TestClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException();
    }
}
