package org.sslskura.cli;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sslskura.api.Envelope;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.MessageLink;
import org.sslskura.api.SecureMessaging;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.envelope.SseEnvelope;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.DexService;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.transport.SecureMessagingService;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;

/**
 * One ssls endpoint assembled from the bundles as plain jars, wired as Declarative Services wires them in OSGi:
 * identity store, MQTT link, key exchange, envelope (listening to the key exchange), and secure messaging with its
 * offline queue. Closing it stops everything and wipes every key; queued messages stay on disk.
 */
public final class SslsNode implements AutoCloseable {
    private final FileIdentityStore identity;
    private final PahoMessageLink mqtt;
    private final DexService keyExchange;
    private final SseEnvelope envelope;
    private final OutboundQueue queue;
    private final SecureMessagingService messaging;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SslsNode(FileIdentityStore identity, PahoMessageLink mqtt, DexService keyExchange, SseEnvelope envelope,
                     OutboundQueue queue, SecureMessagingService messaging) {
        this.identity = identity;
        this.mqtt = mqtt;
        this.keyExchange = keyExchange;
        this.envelope = envelope;
        this.queue = queue;
        this.messaging = messaging;
    }

    /**
     * Opens the identity (creating it if absent), connects to the broker and starts every service.
     *
     * @throws IOException if the identity or the queue cannot be used
     * @throws IllegalArgumentException if a collector is neither a peer name nor a trusted HIT
     */
    public static SslsNode start(NodeSettings s) throws IOException {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        FileIdentityStore identity = FileIdentityStore.open(s.directory(), EcdhCurve.X25519, s.trustPolicy(),
                List.of(), random);
        List<AutoCloseable> opened = new ArrayList<>();
        opened.add(identity);
        try {
            List<Hit> collectors = resolve(identity, s.collectors());
            PahoMessageLink mqtt = new PahoMessageLink(MqttLinkOptions.builder(s.brokerUrl())
                    .clientId("ssls-" + identity.hit().toHex().substring(0, 16))
                    .reconnectBackoff(s.reconnectMin(), Duration.ofSeconds(30))
                    .cleanSession(s.cleanSession())
                    .build());
            opened.add(mqtt);
            MessageLink link = s.linkDecorator().apply(mqtt);
            DexService dex = new DexService(identity, link, s.dex(), s.prefix(), clock, random);
            opened.add(dex);
            SseEnvelope envelope = new SseEnvelope(dex, s.envelope());
            opened.add(envelope);
            dex.addListener(envelope);
            OutboundQueue queue = OutboundQueue.open(s.directory().resolve("queue"), s.queueLimits(), clock);
            queue.forceEachAppend(s.syncQueue());
            opened.add(queue);
            SecureMessagingService messaging = new SecureMessagingService(identity, dex, envelope, link, queue,
                    s.directory().resolve("delivered"), s.prefix(), collectors, s.transport(), clock);
            opened.add(messaging);
            s.receivers().forEach(messaging::addReceiver);
            mqtt.start();
            dex.start();
            messaging.start();
            return new SslsNode(identity, mqtt, dex, envelope, queue, messaging);
        } catch (IOException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /** @return peers named or given by HIT, each a trusted peer */
    static List<Hit> resolve(FileIdentityStore identity, List<String> names) {
        List<Hit> out = new ArrayList<>();
        for (String n : names) {
            out.add(identity.peer(n).map(TrustedPeer::hit).orElseGet(() -> {
                try {
                    Hit hit = Hit.parseHex(n);
                    if (identity.peer(hit).isEmpty()) {
                        throw new IllegalArgumentException("HIT " + n + " is not a trusted peer");
                    }
                    return hit;
                } catch (WireException e) {
                    throw new IllegalArgumentException("no peer named '" + n + "' and not a HIT");
                }
            }));
        }
        return out;
    }

    /** @return the identity store */
    public FileIdentityStore identity() {
        return identity;
    }

    /** @return the key exchange */
    public KeyExchange keyExchange() {
        return keyExchange;
    }

    /** @return the envelope */
    public Envelope envelope() {
        return envelope;
    }

    /** @return secure messaging */
    public SecureMessaging messaging() {
        return messaging;
    }

    /**
     * @return completes with the cause if secure messaging stopped delivering (its delivered-ids journal failed)
     */
    public java.util.concurrent.CompletionStage<Throwable> failure() {
        return messaging.failure();
    }

    /** @return true while the MQTT link is connected */
    public boolean connected() {
        return mqtt.isConnected();
    }

    /** Stops everything; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(List.of(identity, mqtt, keyExchange, envelope, queue, messaging));
        }
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(SslsNode.class).warn("close failed: {}", e.toString());
            }
        }
    }
}
