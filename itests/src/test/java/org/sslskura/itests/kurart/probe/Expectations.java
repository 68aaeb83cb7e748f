package org.sslskura.itests.kurart.probe;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the probe does and the test expects, shared by both sides: free of OSGi types, because the test JVM loads it
 * without a framework on its class path.
 */
public final class Expectations {
    /** The factory PID of the publisher the web UI creates. */
    public static final String PUBLISHER_FACTORY = "org.sslskura.kura.RawMqttSecurePublisher";
    /** The publisher instance's PID (kura.service.pid). */
    public static final String PUBLISHER = "ssls-it-publisher";
    /**
     * A collector that never answers (no broker runs): what is sent to it stays queued. Its X25519 public key is the
     * curve's base point u = 9, a valid key nobody here holds the private half of.
     */
    public static final String COLLECTOR = "collector=09" + "00".repeat(31);
    /** How many messages the first run queues. */
    public static final int QUEUED = 3;

    /**
     * Every PID of ours and the attribute each update changes, with its new value (checked), followed by more
     * attribute/value pairs the same update sets.
     */
    public static final Map<String, Object[]> UPDATES;

    static {
        Map<String, Object[]> u = new LinkedHashMap<>();
        u.put("org.sslskura.identity.IdentityStore", new Object[] {"trust.policy", "trust-on-first-use",
                "trusted.peers", new String[] {COLLECTOR}});
        u.put("org.sslskura.mqtt.MqttLink", new Object[] {"keep.alive.seconds", 45});
        u.put("org.sslskura.keyexchange.KeyExchange", new Object[] {"sse.suites", "CHACHA20-POLY1305"});
        u.put("org.sslskura.envelope.Envelope", new Object[] {"retired.sa.grace.seconds", 77});
        u.put("org.sslskura.transport.SecureMessaging",
                new Object[] {"collectors", new String[] {"collector"}});
        u.put("org.sslskura.kura.example.SensorPublisher", new Object[] {"publish.interval.seconds", 30});
        u.put(PUBLISHER, new Object[] {"app.topic", "it/updated"});
        UPDATES = Collections.unmodifiableMap(u);
    }

    private Expectations() {
    }

    /** Scalars as they are, arrays and collections as [a, b]. */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(text(Array.get(value, i)));
            }
            return items.toString();
        }
        return Objects.toString(value);
    }
}
