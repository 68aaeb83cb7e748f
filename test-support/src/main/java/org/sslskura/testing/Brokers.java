package org.sslskura.testing;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a test against every broker we support:
 *
 * <pre>
 * &#64;ParameterizedTest(name = "{0}")
 * &#64;MethodSource("org.sslskura.testing.Brokers#all")
 * void roundTrip(BrokerFactory brokers) {
 *     try (Broker broker = brokers.start()) { ... }
 * }
 * </pre>
 *
 * Moquette always runs. Mosquitto runs where it is installed; elsewhere {@link BrokerFactory#start()} aborts the test,
 * which JUnit reports as skipped with {@link #MOSQUITTO_MISSING}, unless {@value #REQUIRE_MOSQUITTO} is {@code true}
 * (as a system property or an environment variable): then the test fails, so that a broken CI install is noticed.
 */
public final class Brokers {

    /** System property or environment variable; {@code true} turns "Mosquitto missing" from a skip into a failure. */
    public static final String REQUIRE_MOSQUITTO = "SSLS_REQUIRE_MOSQUITTO";
    private static final java.util.concurrent.atomic.AtomicBoolean SKIP_REPORTED =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** The message of the skip when Mosquitto is not installed. */
    public static final String MOSQUITTO_MISSING = "Debian mosquitto not installed: skipped (CI installs it)";

    private static final BrokerFactory MOQUETTE = new Named("moquette", EmbeddedMoquette::start);
    private static final BrokerFactory MOSQUITTO = new Named("mosquitto", Brokers::startMosquitto);

    private Brokers() {
    }

    /** @return Moquette, then Mosquitto: the argument source of a {@code @ParameterizedTest} */
    public static Stream<BrokerFactory> all() {
        return Stream.of(MOQUETTE, MOSQUITTO);
    }

    /** @return the in-JVM Moquette broker, always available */
    public static BrokerFactory moquette() {
        return MOQUETTE;
    }

    /** @return Debian's Mosquitto as a process; skips or fails the test where it is missing (see the class doc) */
    public static BrokerFactory mosquitto() {
        return MOSQUITTO;
    }

    /** @return true if {@value #REQUIRE_MOSQUITTO} is {@code true} as a system property or environment variable */
    public static boolean mosquittoRequired() {
        String value = System.getProperty(REQUIRE_MOSQUITTO);
        if (value == null) {
            value = System.getenv(REQUIRE_MOSQUITTO);
        }
        return value != null && "true".equals(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Broker startMosquitto() {
        if (!MosquittoProcess.available()) {
            if (mosquittoRequired()) {
                Assertions.fail(REQUIRE_MOSQUITTO + "=true but mosquitto is neither at /usr/sbin/mosquitto nor on"
                        + " the PATH: install it (apt-get install -y mosquitto)");
            }
            if (SKIP_REPORTED.compareAndSet(false, true)) {
                System.err.println("[ssls tests] " + MOSQUITTO_MISSING); // once per JVM, so a skip is seen in the log
            }
            Assumptions.abort(MOSQUITTO_MISSING);
        }
        return MosquittoProcess.start();
    }

    private static final class Named implements BrokerFactory {
        private final String name;
        private final Supplier<Broker> starter;

        Named(String name, Supplier<Broker> starter) {
            this.name = name;
            this.starter = starter;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Broker start() {
            return starter.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
