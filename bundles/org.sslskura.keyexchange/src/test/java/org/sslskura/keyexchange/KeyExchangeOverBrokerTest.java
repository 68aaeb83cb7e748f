package org.sslskura.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.BrokerFactory;

/**
 * Two key exchange services, each with its own identity and Paho link, complete a base exchange, a rekey and a close
 * through a real broker: Moquette in this JVM, and Debian's Mosquitto as a process where it is installed.
 */
class KeyExchangeOverBrokerTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sslskura.testing.Brokers#all")
    void handshakeRekeyAndCloseThroughABroker(BrokerFactory brokers) throws Exception {
        try (Broker broker = brokers.start();
             FileIdentityStore deviceId = FileIdentityStore.open(dir.resolve("device"), EcdhCurve.X25519,
                     TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
             FileIdentityStore collectorId = FileIdentityStore.open(dir.resolve("collector"), EcdhCurve.X25519,
                     TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
             PahoMessageLink deviceLink = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build());
             PahoMessageLink collectorLink = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build())) {
            deviceId.setConfiguredPeers(List.of(new TrustedPeer("collector", collectorId.hostIdentity())));
            collectorId.setConfiguredPeers(List.of(new TrustedPeer("device", deviceId.hostIdentity())));
            deviceLink.start();
            collectorLink.start();
            // #K = 12: the device solves it on DexService's puzzle thread, not on the engine thread
            DexConfig config = DexConfig.builder().puzzleK(12).loadPuzzleK(12).build();
            try (DexService device = new DexService(deviceId, deviceLink, config, "test/ssls", Clock.systemUTC(),
                         new SecureRandom());
                 DexService collector = new DexService(collectorId, collectorLink, config, "test/ssls",
                         Clock.systemUTC(), new SecureRandom())) {
                CompletableFuture<SecureSession> collectorSaw = new CompletableFuture<>();
                collector.addListener(new KeyExchangeListener() {
                    @Override
                    public void established(SecureSession session) {
                        collectorSaw.complete(session);
                    }
                });
                collector.start();
                device.start();
                awaitSubscribed(collectorLink, deviceLink);

                SecureSession d = device.connect(collectorId.hit()).toCompletableFuture().get(20, TimeUnit.SECONDS);
                SecureSession c = collectorSaw.get(20, TimeUnit.SECONDS);
                assertEquals(1L, device.counters().get("puzzle.offloaded"));
                assertEquals(d.outbound().spi(), c.inbound().spi());
                assertArrayEquals(d.outbound().keyMaterial(), c.inbound().keyMaterial());
                assertArrayEquals(d.inbound().keyMaterial(), c.outbound().keyMaterial());
                assertTrue(d.initiator());

                SecureSession rekeyed = device.rekey(collectorId.hit()).toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertEquals(1, rekeyed.generation());
                awaitTrue(() -> collector.session(deviceId.hit()).map(x -> x.generation() == 1).orElse(false));

                device.close(collectorId.hit()).toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertTrue(device.session(collectorId.hit()).isEmpty());
                awaitTrue(() -> collector.session(deviceId.hit()).isEmpty());
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }

    /** Waits until both links are connected, so that no HIP packet is published before its subscriber exists. */
    private static void awaitSubscribed(PahoMessageLink... links) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        for (PahoMessageLink l : links) {
            while (!l.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(200);
    }
}
