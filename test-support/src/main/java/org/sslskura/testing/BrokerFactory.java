package org.sslskura.testing;

/**
 * Starts one kind of {@link Broker}; the argument of a {@code @ParameterizedTest} over {@link Brokers#all()}. Its
 * {@code toString()} is the broker's name, so that it reads well in test reports.
 */
public interface BrokerFactory {

    /** @return a short name: "moquette" or "mosquitto" */
    String name();

    /**
     * Starts a broker on a free loopback port. May abort the calling test (reported as skipped) when this kind of
     * broker is not installed, or fail it when it is required (see {@link Brokers}).
     */
    Broker start();
}
