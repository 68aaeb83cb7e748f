package org.sslskura.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.sslskura.api.MessageLink;
import org.sslskura.api.MessageReceiver;
import org.sslskura.api.TrustPolicy;
import org.sslskura.envelope.EnvelopeOptions;
import org.sslskura.keyexchange.Topics;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.transport.TransportOptions;
import org.sslskura.transport.queue.QueueLimits;

/**
 * Everything one ssls endpoint (device or collector) is started with. Immutable; build with {@link #builder}.
 *
 * @param directory the identity directory; the offline queue and delivered ids live in subfolders
 * @param brokerUrl the MQTT broker
 * @param prefix the topic prefix
 * @param trustPolicy how peers are trusted
 * @param dex key exchange settings
 * @param envelope envelope settings
 * @param transport transport settings
 * @param queueLimits offline queue bounds
 * @param collectors names or HITs of the peers {@code sendToCollectors} reaches
 * @param linkDecorator wraps the MQTT link (tests inject loss with it; identity otherwise)
 * @param reconnectMin the first MQTT reconnect delay
 * @param receivers registered before the node connects, so that no delivered message is missed
 * @param syncQueue force every accepted message to disk before {@code send} returns (the default); false keeps it
 *        across a process crash but not a power failure, and lifts the disk's sync rate off the throughput
 * @param cleanSession the MQTT clean-session flag; true by default here: delivery is end to end (persistent queue,
 *        acknowledgments, retransmission, a new key exchange when a peer lost its SAs), so broker-side session state
 *        adds nothing, and without it the broker never replays PDUs sealed under SAs a restarted node no longer has,
 *        nor receives QoS 1 re-publications (DUP) after a reconnection, which Moquette 0.17 fails on after its own
 *        restart (no PUBACK, the client's session stalls)
 */
public record NodeSettings(Path directory, String brokerUrl, String prefix, TrustPolicy trustPolicy, DexConfig dex,
                           EnvelopeOptions envelope, TransportOptions transport, QueueLimits queueLimits,
                           List<String> collectors, UnaryOperator<MessageLink> linkDecorator, Duration reconnectMin,
                           List<MessageReceiver> receivers, boolean cleanSession, boolean syncQueue) {

    /** @return a builder with the defaults */
    public static Builder builder(Path directory, String brokerUrl) {
        return new Builder(directory, brokerUrl);
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private final Path directory;
        private final String brokerUrl;
        private String prefix = Topics.DEFAULT_PREFIX;
        private TrustPolicy trustPolicy = TrustPolicy.ALLOWLIST;
        private DexConfig dex = DexConfig.builder().build();
        private EnvelopeOptions envelope = EnvelopeOptions.defaults();
        private TransportOptions transport = TransportOptions.DEFAULTS;
        private QueueLimits queueLimits = QueueLimits.defaults();
        private List<String> collectors = List.of();
        private UnaryOperator<MessageLink> linkDecorator = UnaryOperator.identity();
        private Duration reconnectMin = Duration.ofSeconds(1);
        private final List<MessageReceiver> receivers = new ArrayList<>();
        private boolean cleanSession = true;
        private boolean syncQueue = true;

        private Builder(Path directory, String brokerUrl) {
            this.directory = Objects.requireNonNull(directory);
            this.brokerUrl = Objects.requireNonNull(brokerUrl);
        }

        /** Sets the topic prefix. */
        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        /** Sets the trust policy. */
        public Builder trustPolicy(TrustPolicy value) {
            this.trustPolicy = value;
            return this;
        }

        /** Sets the key exchange settings. */
        public Builder dex(DexConfig value) {
            this.dex = value;
            return this;
        }

        /** Sets the envelope settings. */
        public Builder envelope(EnvelopeOptions value) {
            this.envelope = value;
            return this;
        }

        /** Sets the transport settings. */
        public Builder transport(TransportOptions value) {
            this.transport = value;
            return this;
        }

        /** Sets the offline queue bounds. */
        public Builder queueLimits(QueueLimits value) {
            this.queueLimits = value;
            return this;
        }

        /** Sets the collectors (peer names or HITs). */
        public Builder collectors(List<String> value) {
            this.collectors = List.copyOf(value);
            return this;
        }

        /** Wraps the MQTT link. */
        public Builder linkDecorator(UnaryOperator<MessageLink> value) {
            this.linkDecorator = value;
            return this;
        }

        /** Sets the first MQTT reconnect delay. */
        public Builder reconnectMin(Duration value) {
            this.reconnectMin = value;
            return this;
        }

        /** Adds a receiver of delivered messages, registered before the node connects. */
        public Builder receiver(MessageReceiver value) {
            this.receivers.add(Objects.requireNonNull(value));
            return this;
        }

        /** Sets whether every accepted message is forced to disk (default true, see {@link NodeSettings}). */
        public Builder syncQueue(boolean value) {
            this.syncQueue = value;
            return this;
        }

        /** Sets the MQTT clean-session flag (default true, see {@link NodeSettings}). */
        public Builder cleanSession(boolean value) {
            this.cleanSession = value;
            return this;
        }

        /** @return the settings */
        public NodeSettings build() {
            return new NodeSettings(directory, brokerUrl, prefix, trustPolicy, dex, envelope, transport, queueLimits,
                    collectors, linkDecorator, reconnectMin, List.copyOf(receivers), cleanSession, syncQueue);
        }
    }
}
