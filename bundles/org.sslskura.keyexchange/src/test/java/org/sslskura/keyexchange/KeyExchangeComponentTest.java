package org.sslskura.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                waitConnected(link, probe);
                assertEquals(3, askPuzzleK(probe, id.hit(), prober, r1s));

                component.modified(ComponentConfigs.of(KeyExchangeConfig.class, Map.of("puzzle.difficulty", 5)));
                assertEquals(5, askPuzzleK(probe, id.hit(), prober, r1s));

                component.modified(ComponentConfigs.of(KeyExchangeConfig.class,
                        Map.of("puzzle.difficulty", 7, "sse.suites", "AES-CCM-16,NO-SUCH-SUITE")));
                assertEquals(5, askPuzzleK(probe, id.hit(), prober, r1s), "the last good configuration stays");
            } finally {
                component.deactivate();
            }
            assertThrows(IllegalArgumentException.class, () -> new KeyExchangeComponent(id, link,
                    ComponentConfigs.of(KeyExchangeConfig.class, Map.of("fragment.size", 20))));
        }
    }

    private static int askPuzzleK(PahoMessageLink probe, Hit responder, Hit prober, LinkedBlockingQueue<byte[]> r1s)
            throws Exception {
        byte[] i1 = HipPacket.builder(HipConstants.I1, prober, responder).add(DhGroupList.of(12)).build().encode();
        Thread.sleep(100); // let the reconfiguration reach the engine thread
        probe.publish(Topics.hip(Topics.DEFAULT_PREFIX, responder), i1).get(10, TimeUnit.SECONDS);
        byte[] r1 = r1s.poll(10, TimeUnit.SECONDS);
        return HipPacket.parse(r1, 0, r1.length).find(Puzzle.class).orElseThrow().k();
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private static void waitConnected(PahoMessageLink... links) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        for (PahoMessageLink l : links) {
            while (!l.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(200);
    }
}
