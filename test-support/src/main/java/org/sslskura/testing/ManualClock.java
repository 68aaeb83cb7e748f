package org.sslskura.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that only moves when the test moves it: the one clock of every test that needs virtual time. */
public final class ManualClock extends Clock {
    private volatile long millis;

    /** @param start the first instant the clock reads */
    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    /** Moves the clock forward (or back, if negative) by {@code d}. */
    public void advance(Duration d) {
        millis += d.toMillis();
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        millis = instant.toEpochMilli();
    }

    /** Sets the clock to {@code epochMillis}. */
    public void setMillis(long epochMillis) {
        millis = epochMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
