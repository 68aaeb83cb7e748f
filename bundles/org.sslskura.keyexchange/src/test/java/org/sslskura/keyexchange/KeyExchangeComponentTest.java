package org.sslskura.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;
import org.sslskura.testing.ComponentConfigs;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Puzzle;

/**
 * The DS component: configuration reaches the engine live, an invalid configuration is refused and the last good one
 * stays in force. Observed on the wire: the puzzle difficulty of the R1 answering an I1.
 */
class KeyExchangeComponentTest {
    @TempDir
    Path dir;

    @Test
    void configurationAppliesLiveAndInvalidValuesAreRefused() throws Exception {
        try (Broker broker = Brokers.moquette().start();
             FileIdentityStore id = FileIdentityStore.open(dir, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                     List.of(), new SecureRandom());
             PahoMessageLink link = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build());
             PahoMessageLink probe = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build())) {
            link.start();
            probe.start();
            KeyExchangeComponent component = new KeyExchangeComponent(id, link,
                    ComponentConfigs.of(KeyExchangeConfig.class, Map.of("puzzle.difficulty", 3)));
            try {
                Hit prober = HostIdentity.of(12, randomKey()).hit();
                LinkedBlockingQueue<byte[]> r1s = new LinkedBlockingQueue<>();
                probe.subscribe(Topics.hip(Topics.DEFAULT_PREFIX, prober), (t, p) -> r1s.add(p));
                // subscribed after the prober's topic: once it gets an R1, both subscriptions and the responder's are
                // live
                Hit warmUp = HostIdentity.of(12, randomKey()).hit();
                LinkedBlockingQueue<byte[]> warmUpR1s = new LinkedBlockingQueue<>();
                probe.subscribe(Topics.hip(Topics.DEFAULT_PREFIX, warmUp), (t, p) -> warmUpR1s.add(p));
                waitConnected(link, probe);
                awaitFirstR1(probe, id.hit(), warmUp, warmUpR1s);
                assertEquals(3, askPuzzleK(probe, id.hit(), prober, r1s));

                component.modified(ComponentConfigs.of(KeyExchangeConfig.class, Map.of("puzzle.difficulty", 5)));
                assertEquals(5, askPuzzleK(probe, id.hit(), prober, r1s));
                assertEquals(0L, component.counters().get("configuration.refused"));

                component.modified(ComponentConfigs.of(KeyExchangeConfig.class,
                        Map.of("puzzle.difficulty", 7, "sse.suites", "AES-CCM-16,NO-SUCH-SUITE")));
                assertEquals(5, askPuzzleK(probe, id.hit(), prober, r1s), "the last good configuration stays");
                assertEquals(1L, component.counters().get("configuration.refused"));
            } finally {
                component.deactivate();
            }
            assertThrows(IllegalArgumentException.class, () -> new KeyExchangeComponent(id, link,
                    ComponentConfigs.of(KeyExchangeConfig.class, Map.of("fragment.size", 20))));
        }
    }

    /** Sends I1s until the first R1 comes back: the subscriptions of both sides have reached the broker. */
    private static void awaitFirstR1(PahoMessageLink probe, Hit responder, Hit prober, LinkedBlockingQueue<byte[]> r1s)
            throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        do {
            assertTrue(System.currentTimeMillis() < deadline, "no R1 within 15 s: the responder is not listening");
            probe.publish(Topics.hip(Topics.DEFAULT_PREFIX, responder), i1(prober, responder))
                    .get(10, TimeUnit.SECONDS);
        } while (r1s.poll(500, TimeUnit.MILLISECONDS) == null);
    }

    /**
     * The puzzle difficulty of the R1 answering one I1. No wait is needed after {@code modified}: the component hands
     * the new configuration to the engine thread before returning, and the I1 reaches that thread after it.
     */
    private static int askPuzzleK(PahoMessageLink probe, Hit responder, Hit prober, LinkedBlockingQueue<byte[]> r1s)
            throws Exception {
        probe.publish(Topics.hip(Topics.DEFAULT_PREFIX, responder), i1(prober, responder)).get(10, TimeUnit.SECONDS);
        byte[] r1 = r1s.poll(10, TimeUnit.SECONDS);
        assertNotNull(r1, "no R1 within 10 s");
        return HipPacket.parse(r1, 0, r1.length).find(Puzzle.class).orElseThrow().k();
    }

    private static byte[] i1(Hit prober, Hit responder) {
        return HipPacket.builder(HipConstants.I1, prober, responder).add(DhGroupList.of(12)).build().encode();
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private static void waitConnected(PahoMessageLink... links) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        for (PahoMessageLink l : links) {
            while (!l.isConnected()) {
                assertTrue(System.currentTimeMillis() < deadline, "not connected within 15 s");
                Thread.sleep(20);
            }
        }
    }
}
