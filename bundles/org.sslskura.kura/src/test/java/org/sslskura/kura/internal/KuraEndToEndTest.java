package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.MessageLink;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SendOptions;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.envelope.EnvelopeOptions;
import org.sslskura.envelope.SseEnvelope;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.DexService;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.transport.SecureMessagingService;
import org.sslskura.transport.TransportOptions;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.transport.queue.QueueLimits;

/**
 * The Kura pieces with the real ssls stacks: a device whose ssls packets travel over the {@link CloudEndpointLink}
 * (through the in-test raw MQTT endpoint, see {@link RawMqttEndpoint}) and a collector on the same in-memory "broker".
 * An app publishes a KuraMessage through the secure publisher; the collector gets it decrypted, the app gets
 * onMessageConfirmed on the end-to-end acknowledgment, and the broker never sees the plaintext. The other way, the
 * collector's message reaches the device app through the secure subscriber.
 */
class KuraEndToEndTest {
    private static final String PREFIX = "ssls/v1";
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ExecutorService broker = Executors.newSingleThreadExecutor();
    private final List<byte[]> onTheWire = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, byte[]>> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        broker.shutdownNow();
    }

    /** Every publication goes to every client, asynchronously, as a broker would. */
    private void publishOnBroker(String topic, byte[] payload) {
        onTheWire.add(payload);
        broker.execute(() -> clients.forEach(c -> c.accept(topic, payload)));
    }

    /** A plain in-memory client link of the collector. */
    private MessageLink collectorLink() {
        Map<String, List<BiConsumer<String, byte[]>>> subs = new java.util.concurrent.ConcurrentHashMap<>();
        clients.add((topic, payload) -> subs.getOrDefault(topic, List.of()).forEach(h -> h.accept(topic, payload)));
        return new MessageLink() {
            @Override
            public java.util.concurrent.CompletionStage<Void> publish(String topic, byte[] payload) {
                publishOnBroker(topic, payload);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler) {
                subs.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
                return () -> subs.get(topic).remove(handler);
            }

            @Override
            public boolean isConnected() {
                return true;
            }
        };
    }

    private SecureMessagingService stack(FileIdentityStore identity, MessageLink link, Path dir,
                                         List<org.sslskura.wire.hip.Hit> collectors) throws Exception {
        Clock clock = Clock.systemUTC();
        DexService dex = new DexService(identity, link, DexConfig.builder().build(), PREFIX, clock,
                new SecureRandom());
        opened.add(dex);
        SseEnvelope envelope = new SseEnvelope(dex, EnvelopeOptions.defaults());
        opened.add(envelope);
        dex.addListener(envelope);
        OutboundQueue queue = OutboundQueue.open(dir.resolve("queue"), QueueLimits.defaults(), clock);
        opened.add(queue);
        SecureMessagingService messaging = new SecureMessagingService(identity, dex, envelope, link, queue,
                dir.resolve("delivered"), PREFIX, collectors, TransportOptions.DEFAULTS, clock);
        opened.add(messaging);
        dex.start();
        messaging.start();
        return messaging;
    }

    @Test
    void kuraAppsTalkEndToEndThroughTheCloudEndpointLink(@TempDir Path tmp) throws Exception {
        FileIdentityStore deviceId = FileIdentityStore.open(tmp.resolve("device"), EcdhCurve.X25519,
                TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
        FileIdentityStore collectorId = FileIdentityStore.open(tmp.resolve("collector"), EcdhCurve.X25519,
                TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
        opened.add(deviceId);
        opened.add(collectorId);
        deviceId.addPeer("collector", collectorId.hostIdentity());
        collectorId.addPeer("gateway", deviceId.hostIdentity());

        // the device's link: Kura's raw MQTT cloud endpoint, confirming every QoS 1 publication
        RawMqttEndpoint endpoint = new RawMqttEndpoint();
        endpoint.wire = this::publishOnBroker;
        ExecutorService puback = Executors.newSingleThreadExecutor();
        opened.add(puback::shutdownNow);
        endpoint.confirmer = puback;
        clients.add(endpoint::arrive);
        CloudEndpointLink link = new CloudEndpointLink("raw-conn", Duration.ofSeconds(30));
        opened.add(link);
        link.endpointAdded(endpoint);

        BlockingQueue<ReceivedMessage> atCollector = new LinkedBlockingQueue<>();
        SecureMessagingService collector = stack(collectorId, collectorLink(), tmp.resolve("c"), List.of());
        collector.addReceiver(atCollector::add);
        SecureMessagingService device = stack(deviceId, link, tmp.resolve("d"), List.of(collectorId.hit()));

        // the Kura side of the device: a secure publisher and subscriber instance (no cloud.endpoint.service.pid
        // here, so no BundleContext is needed; the link above stands for what CloudEndpointLinks registers)
        RawMqttSecurePublisher publisher = new RawMqttSecurePublisher();
        publisher.bindSecureMessaging(device);
        publisher.bindIdentityStore(deviceId);
        publisher.activate(null, new HashMap<>(Map.of("kura.service.pid", "ssls-publisher",
                "app.topic", "sensors/$assetName", "collectors", "collector")));
        BlockingQueue<String> confirmed = new LinkedBlockingQueue<>();
        publisher.registerCloudDeliveryListener(confirmed::add);

        RawMqttSecureSubscriber subscriber = new RawMqttSecureSubscriber();
        subscriber.bindIdentityStore(deviceId);
        subscriber.bindSecureMessaging(device);
        subscriber.activate(null, new HashMap<>(Map.of("kura.service.pid", "ssls-subscriber",
                "app.topic.filter", "commands/#", "senders", "collector")));
        BlockingQueue<KuraMessage> atDevice = new LinkedBlockingQueue<>();
        subscriber.registerCloudSubscriberListener(atDevice::add);

        KuraPayload payload = new KuraPayload();
        payload.addMetric("temperature", 21.5);
        String id = publisher.publish(new KuraMessage(payload, Map.of("assetName", "boiler")));
        assertNotNull(id);

        ReceivedMessage got = atCollector.poll(20, TimeUnit.SECONDS);
        assertNotNull(got, "the collector received the message");
        assertEquals("sensors/boiler", got.topic());
        assertEquals(deviceId.hit(), got.from());
        assertEquals("{\"metrics\":{\"temperature\":21.5}}", new String(got.payload(), StandardCharsets.UTF_8));
        assertEquals(id, confirmed.poll(20, TimeUnit.SECONDS), "onMessageConfirmed on the end-to-end ack");
        assertTrue(endpoint.published.stream().allMatch(p -> p.topic().startsWith(PREFIX + "/")));
        assertFalse(endpoint.published.isEmpty(), "the device's packets went through the Kura endpoint");
        for (byte[] wire : onTheWire) {
            assertFalse(new String(wire, StandardCharsets.ISO_8859_1).contains("temperature"), "plaintext on the wire");
        }

        collector.send(deviceId.hit(), "status/ignored", "x".getBytes(StandardCharsets.UTF_8), SendOptions.RELIABLE)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        collector.send(deviceId.hit(), "commands/valve", "open".getBytes(StandardCharsets.UTF_8),
                SendOptions.RELIABLE).toCompletableFuture().get(20, TimeUnit.SECONDS);
        KuraMessage command = atDevice.poll(20, TimeUnit.SECONDS);
        assertNotNull(command);
        assertEquals("commands/valve", command.getProperties().get("topic"));
        assertEquals(collectorId.hit().toHex(), command.getProperties().get("ssls.sender"));
        assertEquals("collector", command.getProperties().get("ssls.sender.name"));
        assertEquals("open", new String(command.getPayload().getBody(), StandardCharsets.UTF_8));
        assertNull(atDevice.poll(200, TimeUnit.MILLISECONDS), "status/ignored is outside the filter");

        // fire-and-forget: no id, as a QoS 0 Kura publisher
        publisher.modified(new HashMap<>(Map.of("app.topic", "t", "delivery", "fire-and-forget")));
        assertNull(publisher.publish(new KuraMessage(payload)));
        publisher.deactivate();
        subscriber.deactivate();
    }

    @Test
    void publishingWithoutTheStackIsRefused() throws Exception {
        RawMqttSecurePublisher publisher = new RawMqttSecurePublisher();
        publisher.activate(null, new HashMap<>(Map.of("app.topic", "t")));
        org.eclipse.kura.KuraException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.eclipse.kura.KuraException.class, () -> publisher.publish(new KuraMessage(new KuraPayload())));
        assertEquals(org.eclipse.kura.KuraErrorCode.SERVICE_UNAVAILABLE, e.getCode());
    }
}
