package org.sslskura.transport.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.Envelope;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.MessageLink;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.MessageReceiver;
import org.sslskura.api.SecureMessaging;
import org.sslskura.api.SendOptions;
import org.sslskura.api.StateDirectory;
import org.sslskura.api.TrustedPeer;
import org.sslskura.transport.SecureMessagingService;
import org.sslskura.transport.TransportOptions;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.transport.queue.QueueLimits;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;

/**
 * The {@link SecureMessaging} service: a DS shell around {@link SecureMessagingService}. Queue location, topic prefix
 * and link need a restart of the component to change; collectors and timers are applied by restarting the service on
 * the same queue (queued messages survive: they are on disk), so a change never loses an accepted message. An invalid
 * configuration is refused with a log line and the last good one stays in force.
 */
@Designate(ocd = SecureMessagingConfig.class)
@Component(name = SecureMessagingComponent.PID, configurationPid = SecureMessagingComponent.PID,
        service = SecureMessaging.class, immediate = true)
public final class SecureMessagingComponent implements SecureMessaging {
    /** The component name, configuration PID and metatype OCD id. */
    public static final String PID = "org.sslskura.transport.SecureMessaging";
    /** The queue's folder in the state directory. */
    static final String QUEUE_FOLDER = "queue";
    /** Appended to the queue directory's name for the delivered-ids journal's directory beside it. */
    static final String JOURNAL_SUFFIX = "-delivered";
    private static final Logger LOG = LoggerFactory.getLogger(SecureMessagingComponent.class);

    private final IdentityStore identity;
    private final KeyExchange keyExchange;
    private final Envelope envelope;
    private final MessageLink link;
    private final StateDirectory state;
    private final BundleContext context;
    /** Receivers outlive a service restart: each service instance forwards to this list. */
    private final List<MessageReceiver> receivers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SecureMessagingService service;
    private OutboundQueue queue;
    private Settings active;

    /** @throws IllegalArgumentException or IllegalStateException if the configuration or the queue is unusable */
    @Activate
    public SecureMessagingComponent(@Reference(name = "IdentityStore") IdentityStore identity,
                                    @Reference(name = "KeyExchange") KeyExchange keyExchange,
                                    @Reference(name = "Envelope") Envelope envelope,
                                    @Reference(name = "MessageLink") MessageLink link,
                                    @Reference(name = "StateDirectory") StateDirectory state, BundleContext context,
                                    SecureMessagingConfig config) {
        this.identity = identity;
        this.keyExchange = keyExchange;
        this.envelope = envelope;
        this.link = link;
        this.state = state;
        this.context = context;
        try {
            this.active = Settings.from(config, identity);
            this.queue = OutboundQueue.open(queueDirectory(active), active.limits, Clock.systemUTC());
            queue.forceEachAppend(config.queue_sync());
            this.service = startService(active);
        } catch (IOException | RuntimeException e) {
            LOG.error("{} not started: {}", PID, e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Applies collectors and timers; refuses an invalid configuration and keeps the last good one. */
    @Modified
    synchronized void modified(SecureMessagingConfig config) {
        Settings next;
        try {
            next = Settings.from(config, identity);
        } catch (RuntimeException e) {
            LOG.error("{}: configuration refused ({}); the previous configuration stays in force", PID, e.getMessage());
            return;
        }
        if (!next.prefix.equals(active.prefix) || !next.queueDirectory.equals(active.queueDirectory)
                || !next.limits.equals(active.limits)) {
            LOG.warn("{}: topic prefix and queue settings take effect when the component restarts", PID);
        }
        queue.forceEachAppend(config.queue_sync());
        SecureMessagingService old = service;
        try {
            old.close();
            service = startService(new Settings(active.prefix, active.queueDirectory, active.limits, next.collectors,
                    next.options));
            active = new Settings(active.prefix, active.queueDirectory, active.limits, next.collectors, next.options);
            LOG.info("{} modified: {} collectors", PID, next.collectors.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: could not apply the configuration: {}", PID, e.getMessage());
        }
    }

    /** Stops the service; queued messages stay on disk. */
    @Deactivate
    synchronized void deactivate() {
        service.close();
        try {
            queue.close();
        } catch (IOException e) {
            LOG.warn("offline queue not closed cleanly: {}", e.toString());
        }
    }

    @Override
    public CompletionStage<MessageReceipt> send(Hit peer, String topic, byte[] payload, SendOptions options) {
        return service.send(peer, topic, payload, options);
    }

    @Override
    public CompletionStage<MessageReceipt> sendToCollectors(String topic, byte[] payload, SendOptions options) {
        return service.sendToCollectors(topic, payload, options);
    }

    @Override
    public AutoCloseable addReceiver(MessageReceiver receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    @Override
    public Map<String, Long> counters() {
        return service.counters();
    }

    private SecureMessagingService startService(Settings s) throws IOException {
        Path dir = queueDirectory(s);
        SecureMessagingService next = new SecureMessagingService(identity, keyExchange, envelope, link, queue,
                dir.resolveSibling(dir.getFileName() + JOURNAL_SUFFIX), s.prefix, s.collectors, s.options,
                Clock.systemUTC());
        next.addReceiver(m -> receivers.forEach(r -> r.received(m)));
        next.start();
        return next;
    }

    /**
     * The configured directory, else {@code <state directory>/queue} (its journal: {@code queue-delivered} beside it),
     * taking over what an earlier version kept in the bundle's data area.
     */
    private Path queueDirectory(Settings s) throws IOException {
        if (!s.queueDirectory.isEmpty()) {
            return Path.of(s.queueDirectory);
        }
        state.entry(context, QUEUE_FOLDER + JOURNAL_SUFFIX);
        return state.entry(context, QUEUE_FOLDER);
    }

    /** The validated configuration. */
    private static final class Settings {
        final String prefix;
        final String queueDirectory;
        final QueueLimits limits;
        final List<Hit> collectors;
        final TransportOptions options;

        Settings(String prefix, String queueDirectory, QueueLimits limits, List<Hit> collectors,
                 TransportOptions options) {
            this.prefix = prefix;
            this.queueDirectory = queueDirectory;
            this.limits = limits;
            this.collectors = collectors;
            this.options = options;
        }

        static Settings from(SecureMessagingConfig c, IdentityStore identity) {
            String prefix = c.topic_prefix().trim();
            if (prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/")
                    || prefix.endsWith("/")) {
                throw new IllegalArgumentException("invalid topic prefix '" + prefix + "'");
            }
            List<Hit> collectors = new ArrayList<>();
            for (String name : c.collectors()) {
                if (!name.isBlank()) {
                    collectors.add(resolve(name.trim(), identity));
                }
            }
            TransportOptions options = new TransportOptions(c.retransmit_ms(), c.pdu_tries(), c.message_ttl() * 1000L,
                    c.ack_delay_ms(), TransportOptions.DEFAULTS.reassemblyTimeoutMillis(),
                    TransportOptions.DEFAULTS.maxReassemblies(), TransportOptions.DEFAULTS.maxReassemblyBytes(),
                    c.max_message_bytes(), TransportOptions.DEFAULTS.dedupeWindow(), c.send_window());
            return new Settings(prefix, c.queue_directory().trim(),
                    new QueueLimits(c.queue_max_messages(), c.queue_max_bytes()), List.copyOf(collectors), options);
        }

        private static Hit resolve(String name, IdentityStore identity) {
            return identity.peer(name).map(TrustedPeer::hit).orElseGet(() -> {
                try {
                    return Hit.parseHex(name);
                } catch (WireException e) {
                    throw new IllegalArgumentException("collector '" + name + "' is neither a peer name nor a HIT");
                }
            });
        }
    }
}
