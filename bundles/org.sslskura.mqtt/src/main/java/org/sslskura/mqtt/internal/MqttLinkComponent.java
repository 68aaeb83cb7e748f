package org.sslskura.mqtt.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.MessageLink;
import org.sslskura.api.StateDirectory;
import org.sslskura.mqtt.MqttLinkException;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.mqtt.PasswordDecoder;

/**
 * The MQTT {@link MessageLink} as a DS service, configured through PID {@value #PID} (Kura's web UI shows it). It
 * wires a {@link PahoMessageLink}: {@code @Modified} replaces the link by a new one with the new settings and moves
 * every subscription over to it; publications still waiting on the old link fail. An invalid configuration makes
 * activation fail, so no half-configured link is registered.
 */
@Component(name = MqttLinkComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MessageLink.class)
@Designate(ocd = MqttLinkConfig.class)
public final class MqttLinkComponent implements MessageLink {

    public static final String PID = "org.sslskura.mqtt.MqttLink";
    /** File in the state directory that keeps the generated client id (earlier versions: in the data area). */
    static final String CLIENT_ID_FILE = "mqtt-client-id";

    private static final Logger LOG = LoggerFactory.getLogger(MqttLinkComponent.class);

    private final Object lock = new Object();
    private final Set<Route> routes = ConcurrentHashMap.newKeySet();
    private PasswordDecoder passwordDecoder = PasswordDecoder.identity();
    private BundleContext context;
    private StateDirectory state;
    private String generatedClientId;
    private volatile PahoMessageLink link;

    /** Where the generated client id is kept; waited for, so that the id is the same after every restart. */
    @Reference(name = "StateDirectory")
    void setStateDirectory(StateDirectory directory) {
        this.state = directory;
    }

    @Activate
    void activate(BundleContext bundleContext, MqttLinkConfig config) throws MqttLinkException {
        this.context = bundleContext;
        replaceLink(config);
    }

    @Modified
    void modified(MqttLinkConfig config) throws MqttLinkException {
        replaceLink(config);
    }

    @Deactivate
    void deactivate() {
        PahoMessageLink old;
        synchronized (lock) {
            old = link;
            link = null;
            routes.clear();
        }
        if (old != null) {
            old.close();
        }
    }

    /** The hook for Kura's CryptoService: a registered {@link PasswordDecoder} replaces the identity. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    void setPasswordDecoder(PasswordDecoder decoder) {
        this.passwordDecoder = decoder;
    }

    void unsetPasswordDecoder(PasswordDecoder decoder) {
        if (this.passwordDecoder == decoder) {
            this.passwordDecoder = PasswordDecoder.identity();
        }
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload) {
        PahoMessageLink current = link;
        if (current == null) {
            return CompletableFuture.failedFuture(new MqttLinkException("MQTT link component is not active"));
        }
        return current.publish(topic, payload);
    }

    @Override
    public AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler) {
        Route route = new Route(topic, handler);
        synchronized (lock) {
            if (link == null) {
                throw new IllegalStateException("MQTT link component is not active");
            }
            route.current = link.subscribe(topic, handler);
            routes.add(route);
        }
        return route;
    }

    @Override
    public boolean isConnected() {
        PahoMessageLink current = link;
        return current != null && current.isConnected();
    }

    /** @return the settings of the current link (tests) */
    MqttLinkOptions options() {
        PahoMessageLink current = link;
        return current == null ? null : current.options();
    }

    private void replaceLink(MqttLinkConfig config) throws MqttLinkException {
        MqttLinkOptions options = options(config, clientId(config), passwordDecoder);
        PahoMessageLink old;
        PahoMessageLink fresh;
        synchronized (lock) {
            old = link;
            if (old != null && old.options().equals(options)) {
                return;
            }
            fresh = new PahoMessageLink(options);
            for (Route route : routes) {
                route.current = fresh.subscribe(route.topic, route.handler);
            }
            link = fresh;
        }
        LOG.info("MQTT link configured: {}", options);
        // The old link goes first: with the same client id on the same broker, the two would take the session from
        // each other. Publications in between wait in the new link's offline buffer.
        if (old != null) {
            old.close();
        }
        fresh.start();
    }

    /** Maps the configuration to options; throws {@link IllegalArgumentException} if a value is invalid. */
    static MqttLinkOptions options(MqttLinkConfig config, String clientId, PasswordDecoder decoder) {
        MqttLinkOptions.Builder builder = MqttLinkOptions.builder(config.broker_url())
                .clientId(clientId)
                .qos(config.qos())
                .cleanSession(config.clean_session())
                .keepAliveSeconds(config.keep_alive_seconds())
                .maxInflight(config.max_inflight());
        String username = trimmed(config.username());
        if (!username.isEmpty()) {
            String stored = config.password() == null ? "" : config.password();
            char[] password = stored.isEmpty() ? null : decoder.decode(stored);
            try {
                builder.credentials(username, password);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        return builder.build();
    }

    private String clientId(MqttLinkConfig config) {
        String configured = trimmed(config.client_id());
        if (!configured.isEmpty()) {
            return configured;
        }
        if (generatedClientId == null) {
            generatedClientId = loadOrCreateClientId();
        }
        return generatedClientId;
    }

    /** The generated id persists in the state directory, so the broker session outlives restarts, clean ones too. */
    private String loadOrCreateClientId() {
        Path path = null;
        try {
            if (state == null) {
                throw new IOException("there is no state directory");
            }
            path = state.entry(context, CLIENT_ID_FILE);
            if (Files.isRegularFile(path)) {
                String stored = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String id = MqttLinkOptions.generateClientId();
            Path tmp = path.resolveSibling(CLIENT_ID_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(tmp, id.getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            LOG.warn("Cannot keep the generated MQTT client id in {}: {}; it changes at the next restart",
                    path == null ? state : path, e.getMessage());
            return MqttLinkOptions.generateClientId();
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /** A subscription of a service user; it follows the component from link to link. */
    private final class Route implements AutoCloseable {
        final String topic;
        final BiConsumer<String, byte[]> handler;
        AutoCloseable current;

        Route(String topic, BiConsumer<String, byte[]> handler) {
            this.topic = topic;
            this.handler = handler;
        }

        @Override
        public void close() throws Exception {
            synchronized (lock) {
                if (routes.remove(this)) {
                    current.close();
                }
            }
        }
    }
}
