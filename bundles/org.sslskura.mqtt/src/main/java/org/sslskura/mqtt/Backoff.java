package org.sslskura.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delays: min, 2·min, 4·min … capped at max, each stretched by up to a quarter (never beyond
 * max) so that many gateways do not reconnect in lockstep after a broker restart. The jitter needs no secure random.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long current;

    Backoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** @return the delay before the next attempt, in milliseconds */
    synchronized long next() {
        current = current == 0 ? minMillis : Math.min(maxMillis, current * 2);
        long jitter = ThreadLocalRandom.current().nextLong(current / 4 + 1);
        return Math.min(maxMillis, current + jitter);
    }

    /** Starts again from min: called once a connection succeeded. */
    synchronized void reset() {
        current = 0;
    }
}
