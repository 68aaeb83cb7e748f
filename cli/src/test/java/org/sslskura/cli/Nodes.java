package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.mqtt.PahoMessageLink;

/** Test helpers: identities that trust each other, node startup, waiting, exactly-once checks. */
final class Nodes {
    private Nodes() {
    }

    /**
     * Asserts that the inbox holds each of {@code texts} exactly once and nothing else. Checked when the last expected
     * message arrived; that no duplicate arrives later is proven by construction (the receiver's delivered-ids
     * window) and by the delivery simulation (DeliverySimulationTest), not by waiting here.
     */
    static void assertExactlyOnce(Collection<ReceivedMessage> inbox, List<String> texts) {
        Map<String, Integer> seen = new HashMap<>();
        inbox.forEach(m -> seen.merge(new String(m.payload(), StandardCharsets.UTF_8), 1, Integer::sum));
        for (String text : texts) {
            assertEquals(1, seen.getOrDefault(text, 0), "'" + text + "' delivered exactly once");
        }
        assertEquals(texts.size(), inbox.size(), "nothing else delivered: " + seen.size() + " distinct texts");
    }

    /**
     * Waits until {@code client}'s subscriptions are live: publishes a probe to {@code probeTopic} (which it must be
     * subscribed to) until {@code heard} says the probe came back. From then on it sees everything published after.
     */
    static void awaitListening(PahoMessageLink client, String probeTopic, BooleanSupplier heard)
            throws InterruptedException {
        await(client::isConnected, 15_000, probeTopic + ": client connected");
        long deadline = System.currentTimeMillis() + 15_000;
        do {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the subscription never became active (no probe back on " + probeTopic + ")");
            }
            client.publish(probeTopic, new byte[] {1});
            Thread.sleep(50); // polling interval: the condition itself is re-read, the deadline bounds the wait
        } while (!heard.getAsBoolean());
    }

    /** @return {@code format} filled with each number from {@code first} to {@code last} */
    static List<String> numbered(String format, int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(i -> String.format(format, i)).toList();
    }

    /** Creates the device and collector identity directories, each trusting the other under the name given. */
    static void pair(Path device, Path collector) throws IOException {
        try (FileIdentityStore d = FileIdentityStore.open(device, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom());
             FileIdentityStore c = FileIdentityStore.open(collector, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                     List.of(), new SecureRandom())) {
            d.addPeer("collector", c.hostIdentity());
            c.addPeer("device", d.hostIdentity());
        }
    }

    /** @return the HIT of the identity in {@code dir} */
    static org.sslskura.wire.hip.Hit hitOf(Path dir) throws IOException {
        try (FileIdentityStore s = FileIdentityStore.open(dir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom())) {
            return s.hit();
        }
    }

    /** Collects what a node delivers. */
    static ConcurrentLinkedQueue<ReceivedMessage> inbox(SslsNode node) {
        ConcurrentLinkedQueue<ReceivedMessage> q = new ConcurrentLinkedQueue<>();
        node.messaging().addReceiver(q::add);
        return q;
    }

    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

}
