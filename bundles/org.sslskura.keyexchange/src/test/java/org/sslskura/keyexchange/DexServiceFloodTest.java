package org.sslskura.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.MessageLink;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.dex.DexConfig;

/** A flood on the collector's HIP topic passes through the bounded lane, every packet accounted for. */
class DexServiceFloodTest {
    @TempDir
    Path dir;

    /** Delivers each publication at once to the subscriber of its topic, on the publishing thread. */
    private static final class LoopbackLink implements MessageLink {
        final Map<String, BiConsumer<String, byte[]>> handlers = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<Void> publish(String topic, byte[] payload) {
            BiConsumer<String, byte[]> h = handlers.get(topic);
            if (h != null) {
                h.accept(topic, payload);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler) {
            handlers.put(topic, handler);
            return () -> handlers.remove(topic, handler);
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    @Test
    void aGarbageFloodIsBoundedAndTheExchangeStillCompletes() throws Exception {
        try (FileIdentityStore deviceId = FileIdentityStore.open(dir.resolve("d"), EcdhCurve.X25519,
                TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
             FileIdentityStore collectorId = FileIdentityStore.open(dir.resolve("c"), EcdhCurve.X25519,
                     TrustPolicy.ALLOWLIST, List.of(), new SecureRandom())) {
            deviceId.setConfiguredPeers(List.of(new TrustedPeer("collector", collectorId.hostIdentity())));
            collectorId.setConfiguredPeers(List.of(new TrustedPeer("device", deviceId.hostIdentity())));
            LoopbackLink link = new LoopbackLink();
            DexConfig config = DexConfig.builder().build();
            try (DexService device = new DexService(deviceId, link, config, "t", Clock.systemUTC(),
                    new SecureRandom());
                 DexService collector = new DexService(collectorId, link, config, "t", Clock.systemUTC(),
                         new SecureRandom())) {
                device.start();
                collector.start();
                String collectorTopic = Topics.hip("t", collectorId.hit());
                int flood = 50_000;
                for (int n = 0; n < flood; n++) {
                    link.publish(collectorTopic, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // malformed HIP
                }
                SecureSession s = device.connect(collectorId.hit()).toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertEquals(collectorId.hit(), s.peerHit());
                Map<String, Long> c = collector.counters();
                assertEquals(flood, c.get("drop.inbound-full") + c.getOrDefault("drop.malformed", 0L),
                        "each packet of the flood was either queued and dropped as malformed, or refused at once");
            }
        }
    }
}
