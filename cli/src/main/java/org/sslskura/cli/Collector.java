package org.sslskura.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;

/**
 * The collector role (decisions §4): an {@link SslsNode} without collectors that prints every delivered message as one
 * JSON line and, optionally, publishes its clear payload to {@code <republish prefix>/<sender HIT>/<topic>} through a
 * separate plain MQTT client (QoS 1). Used by {@code ssls collect} and {@code ssls demo}.
 */
final class Collector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    private final PrintStream out;
    private final String republishPrefix;
    private final PahoMessageLink republisher;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong republishFailures = new AtomicLong();
    /** Completes with a one-line reason once the collector cannot hand messages over any more. */
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private SslsNode node;

    private Collector(PrintStream out, String republishPrefix, PahoMessageLink republisher) {
        this.out = out;
        this.republishPrefix = republishPrefix;
        this.republisher = republisher;
    }

    /**
     * Starts the collector.
     *
     * @param settings the node settings (the receiver is added here)
     * @param out where the JSON lines go
     * @param republishPrefix the clear re-publication prefix, or null for none
     */
    static Collector start(NodeSettings.Builder settings, String brokerUrl, PrintStream out, String republishPrefix)
            throws IOException {
        PahoMessageLink republisher = null;
        if (republishPrefix != null) {
            republisher = new PahoMessageLink(MqttLinkOptions.builder(brokerUrl)
                    .clientId(MqttLinkOptions.generateClientId()).build());
            republisher.start();
        }
        Collector c = new Collector(out, republishPrefix, republisher);
        try {
            c.node = SslsNode.start(settings.receiver(c::received).build());
            c.node.failure().thenAccept(cause -> c.failure.complete("delivered-ids journal failed: " + cause));
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** @return the node */
    SslsNode node() {
        return node;
    }

    /** @return the messages printed so far */
    long received() {
        return received.get();
    }

    /** @return true when every MQTT client of the collector is connected */
    boolean connected() {
        return node != null && node.connected() && (republisher == null || republisher.isConnected());
    }

    /**
     * @return completes with a one-line reason when the collector stopped handing messages over (its output is not
     *         writable, or its journal failed); messages not handed over are not acknowledged
     */
    CompletableFuture<String> failure() {
        return failure;
    }

    /**
     * Hands {@code m} over: the line is written and flushed, or the message is refused (not acknowledged, so the
     * sender sends it again to a collector that can write it).
     */
    private void received(ReceivedMessage m) {
        String line = jsonLine(m);
        synchronized (out) {
            if (failure.isDone()) {
                throw new IllegalStateException(failure.join());
            }
            out.println(line);
            if (out.checkError()) { // flushes; PrintStream reports write errors only here
                failure.complete("standard output is not writable (closed pipe or full disk)");
                throw new IllegalStateException(failure.join());
            }
        }
        received.incrementAndGet();
        if (republisher != null) {
            String topic = republishPrefix + "/" + m.from().toHex() + "/" + m.topic();
            try {
                republisher.publish(topic, m.payload()).whenComplete((ok, err) -> {
                    if (err != null) {
                        republishFailures.incrementAndGet();
                        LOG.warn("re-publication of message {} to {} failed: {}", m.messageId(), topic,
                                err.getMessage());
                    }
                });
            } catch (RuntimeException e) {
                republishFailures.incrementAndGet();
                LOG.warn("re-publication of message {} to {} failed: {}", m.messageId(), topic, e.getMessage());
            }
        }
    }

    /** @return the JSON line of {@code m}: from, topic, id, payload (base64), text (only if valid UTF-8) */
    static String jsonLine(ReceivedMessage m) {
        Json.ObjectBuilder o = Json.object().field("from", m.from().toHex()).field("topic", m.topic())
                .field("id", m.messageId()).field("payload", Base64.getEncoder().encodeToString(m.payload()));
        String text = utf8(m.payload());
        if (text != null) {
            o.field("text", text);
        }
        return o.toString();
    }

    /** @return the payload as text if it is valid UTF-8, else null */
    static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
        if (republisher != null) {
            republisher.close();
        }
        if (republishFailures.get() > 0) {
            LOG.warn("{} re-publications failed", republishFailures.get());
        }
    }
}
