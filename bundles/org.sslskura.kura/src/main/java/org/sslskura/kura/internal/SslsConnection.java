package org.sslskura.kura.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraDisconnectException;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.SecureMessaging;

/**
 * One ssls cloud connection, as {@link SslsConnectionFactory} creates it from Kura's Cloud Connections page: the
 * CloudEndpoint and CloudConnectionManager that its publishers and subscribers belong to, and the one form in which the
 * user decides the carrier, collectors, trusted peers and suites. Each configuration it gets is written into the ssls
 * stack's own configurations ({@link ConnectionSettings#stackAttributes()}): the connection owns those attributes.
 * With carrier kura-connection it also holds the MessageLink over the chosen Kura connection
 * ({@link CloudEndpointLinks}).
 */
@Component(name = SslsConnection.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {CloudEndpoint.class, CloudConnectionManager.class, ConfigurableComponent.class})
@Designate(ocd = SslsConnection.Config.class, factory = true)
public final class SslsConnection implements CloudEndpoint, CloudConnectionManager, ConfigurableComponent {
    /** The factory PID of the connections (= component name = metatype OCD id = the factory's getFactoryPid()). */
    public static final String PID = "org.sslskura.kura.SslsConnection";
    private static final Logger LOG = LoggerFactory.getLogger(SslsConnection.class);

    private final ConnectionRelay relay = new ConnectionRelay();
    private final ConnectionEndpoint endpoint = new ConnectionEndpoint();
    private StackConfigurations configurations;
    private CloudEndpointLinks links;
    private BundleContext context;
    private ConnectionSettings settings;
    private LinkState link;
    private AutoCloseable lease;
    private volatile CloudEndpoint carrier;
    private volatile SecureMessaging messaging;
    private volatile IdentityStore identity;
    private AutoCloseable receiver;
    /** The MQTT link's configuration while Disconnect has taken it away (own broker); null when connected. */
    private Map<String, Object> disconnectedLink;

    @ObjectClassDefinition(id = PID, name = "SSLS Cloud Connection",
            description = "End-to-end secured messaging (HIP DEX + SSE) to ssls collectors. This form sets the ssls"
                    + " stack's carrier, collectors, trusted peers and suites; the stack's other settings are in its"
                    + " own components.")
    @interface Config {
        @AttributeDefinition(name = "Carrier", description = "own-broker: the broker settings below (the ssls MQTT"
                + " link). kura-connection: the Kura cloud connection chosen in 'Carrier connection' carries the"
                + " ssls packets (a raw MQTT connection: Kura's broker settings, TLS and store-and-forward apply).",
                options = {@Option(label = "own broker", value = ConnectionSettings.CARRIER_OWN_BROKER),
                    @Option(label = "Kura cloud connection", value = ConnectionSettings.CARRIER_KURA_CONNECTION)})
        String carrier() default ConnectionSettings.CARRIER_OWN_BROKER;

        @AttributeDefinition(name = "Carrier connection", description = "With carrier kura-connection: the raw MQTT"
                + " cloud connection that carries the ssls packets.")
        String CarrierConnection_target() default "(kura.service.pid=" + KuraNames.RAW_MQTT_DEFAULT_PID + ")";

        @AttributeDefinition(name = "Broker URL",
                description = "With carrier own-broker: tcp://host:1883 or ssl://host:8883.")
        String broker_url() default "tcp://localhost:1883";

        @AttributeDefinition(name = "Client id", description = "With carrier own-broker: MQTT client id; empty ="
                + " generated once and kept.", required = false)
        String client_id() default "";

        @AttributeDefinition(name = "Username", required = false, description = "With carrier own-broker.")
        String username() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
                description = "With carrier own-broker.")
        String password() default "";

        @AttributeDefinition(name = "Collectors", cardinality = 10, required = false, description = "Trusted peer"
                + " names or HITs (32 hex digits) that receive what this connection's publishers send.")
        String[] collectors() default {};

        @AttributeDefinition(name = "Collectors file", required = false, description = "More collectors: a file with"
                + " one name or HIT a line (# comments), read at every configuration.")
        String collectors_file() default "";

        @AttributeDefinition(name = "Trusted peers", cardinality = 10, required = false, description = "name=<public"
                + " key hex> of every peer this device trusts (the collectors among them).")
        String[] trusted_peers() default {};

        @AttributeDefinition(name = "Trusted peers file", required = false, description = "More trusted peers: a file"
                + " with one name=<public key hex> a line (# comments), read at every configuration.")
        String trusted_peers_file() default "";

        @AttributeDefinition(name = "Envelope suites", description = "Comma-separated AEAD suites the key exchange"
                + " offers, most preferred first.")
        String sse_suites() default ConnectionSettings.SUITES_DEFAULT;
    }

    @Reference
    void setConfigurations(StackConfigurations stackConfigurations) {
        this.configurations = stackConfigurations;
    }

    @Reference(name = "CloudEndpointLinks")
    void setLinks(CloudEndpointLinks registry) {
        this.links = registry;
    }

    /** The carrier Kura connection; its target is the form's 'Carrier connection' (a dropdown in Kura's web UI). */
    @Reference(name = ConnectionSettings.CARRIER_REFERENCE, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(kura.service.pid=" + KuraNames.RAW_MQTT_DEFAULT_PID + ")")
    synchronized void bindCarrier(CloudEndpoint connection, Map<String, Object> properties) {
        if (!KuraNames.RAW_MQTT_CONNECTION.equals(properties.get("service.factoryPid"))) {
            // Kura's CloudService connections encode every payload and subscribe only under their own topics
            LOG.warn("carrier connection {} is no raw MQTT connection: it cannot carry the ssls packets",
                    properties.get(KuraNames.KURA_SERVICE_PID));
        }
        this.carrier = connection;
        if (carriedByKura()) {
            relay.endpointAdded(connection);
        }
    }

    synchronized void unbindCarrier(CloudEndpoint connection) {
        if (this.carrier == connection) {
            this.carrier = null;
            relay.endpointRemoved(connection);
        }
    }

    /** The chosen Kura connection's state is this connection's only while it is the carrier. */
    private boolean carriedByKura() {
        return settings != null && settings.carrierPid() != null;
    }

    @Reference(name = "SecureMessaging", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindSecureMessaging(SecureMessaging service) {
        closeReceiver();
        messaging = service;
        receiver = service.addReceiver(m -> endpoint.received(m, identity));
    }

    synchronized void unbindSecureMessaging(SecureMessaging service) {
        if (messaging == service) {
            closeReceiver();
            messaging = null;
        }
    }

    @Reference(name = "IdentityStore", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindIdentityStore(IdentityStore service) {
        this.identity = service;
    }

    void unbindIdentityStore(IdentityStore service) {
        if (this.identity == service) {
            this.identity = null;
        }
    }

    @Activate
    synchronized void activate(BundleContext bundleContext, Map<String, Object> properties) throws KuraException {
        this.context = bundleContext;
        apply(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) throws KuraException {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        close(link);
        link = null;
        close(lease);
        lease = null;
        relay.clear();
        settings = null;
        disconnectedLink = null;
    }

    private void apply(Map<String, Object> properties) throws KuraException {
        ConnectionSettings next;
        try {
            next = ConnectionSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused: {}", properties.get(KuraNames.KURA_SERVICE_PID), e.getMessage());
            throw e;
        }
        ConnectionSettings previous = settings;
        if (previous == null || !java.util.Objects.equals(previous.carrierPid(), next.carrierPid())) {
            close(lease);
            lease = next.carrierPid() == null ? null : links.acquire(next.carrierPid());
            close(link);
            link = new LinkState(context, next.linkFilter());
        }
        boolean wasCarried = carriedByKura();
        settings = next;
        if (disconnectedLink != null) {
            // a save of the form connects again (the link first gets back what Disconnect took)
            if (!disconnectedLink.isEmpty()) {
                configurations.restore(ConfigurableComponents.MQTT_LINK, disconnectedLink);
            }
            disconnectedLink = null;
        }
        CloudEndpoint c = carrier;
        if (c != null && wasCarried != carriedByKura()) {
            if (wasCarried) {
                relay.endpointRemoved(c);
            } else {
                relay.endpointAdded(c);
            }
        }
        writeStack(next);
        LOG.info("{} configured: carrier {}, {} collector(s), {} trusted peer(s)", next.kuraServicePid(),
                next.carrierPid() == null ? "own broker" : next.carrierPid(), next.collectors().size(),
                next.trustedPeers().size());
    }

    /**
     * Writes each stack PID whose configuration differs from what the form says. A PID that already holds those values
     * is not written: each write restarts the component, and Secure Messaging restarts with everything it references.
     */
    private void writeStack(ConnectionSettings s) throws KuraException {
        for (Map.Entry<String, Map<String, Object>> e : s.stackAttributes().entrySet()) {
            if (!holds(configurations.current(e.getKey()), e.getValue())) {
                configurations.update(e.getKey(), e.getValue());
            }
        }
    }

    /** @return true if {@code config} has every attribute of {@code attributes} with the same value */
    private static boolean holds(Map<String, Object> config, Map<String, Object> attributes) {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (!java.util.Objects.deepEquals(e.getValue(), config.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** @return the PIDs of the stack components whose attributes this connection sets */
    static List<String> stackPids() {
        return List.of(ConfigurableComponents.IDENTITY_STORE, ConfigurableComponents.MQTT_LINK,
                ConfigurableComponents.KEY_EXCHANGE, ConfigurableComponents.ENVELOPE,
                ConfigurableComponents.SECURE_MESSAGING);
    }

    // ---- CloudConnectionManager ----------------------------------------------------------------------------------

    /** Connects the carrier: the own broker's MQTT link again, or the chosen Kura connection. */
    @Override
    public void connect() throws KuraConnectException {
        ConnectionSettings s;
        synchronized (this) {
            s = settings;
        }
        if (s == null) {
            throw new KuraConnectException("the ssls connection is not active");
        }
        try {
            if (s.carrierPid() == null) {
                Map<String, Object> saved;
                synchronized (this) {
                    saved = disconnectedLink;
                    disconnectedLink = null;
                }
                if (saved != null && !saved.isEmpty()) {
                    configurations.restore(ConfigurableComponents.MQTT_LINK, saved);
                }
                relay.onConnectionEstablished();
            } else if (carrier instanceof CloudConnectionManager manager) {
                manager.connect();
            } else {
                throw new KuraConnectException("carrier connection " + s.carrierPid() + " is not available");
            }
        } catch (KuraConnectException e) {
            throw e;
        } catch (KuraException e) {
            throw new KuraConnectException(e, s.kuraServicePid());
        }
    }

    /** Disconnects the carrier: stops the own broker's MQTT link, or disconnects the chosen Kura connection. */
    @Override
    public void disconnect() throws KuraDisconnectException {
        ConnectionSettings s;
        synchronized (this) {
            s = settings;
        }
        if (s == null) {
            return;
        }
        try {
            if (s.carrierPid() == null) {
                Map<String, Object> removed = configurations.remove(ConfigurableComponents.MQTT_LINK);
                synchronized (this) {
                    if (disconnectedLink == null) {
                        disconnectedLink = removed;
                    }
                }
                relay.onDisconnected();
            } else if (carrier instanceof CloudConnectionManager manager) {
                manager.disconnect();
            }
        } catch (KuraDisconnectException e) {
            throw e;
        } catch (KuraException e) {
            throw new KuraDisconnectException(e, s.kuraServicePid());
        }
    }

    /** @return true if the link that carries this connection's packets is connected to its broker */
    @Override
    public synchronized boolean isConnected() {
        return link != null && link.isConnected();
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
        relay.add(listener);
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        relay.remove(listener);
    }

    // ---- CloudEndpoint -------------------------------------------------------------------------------------------

    @Override
    public String publish(KuraMessage message) throws KuraException {
        return endpoint.publish(messaging, message);
    }

    @Override
    public void registerSubscriber(Map<String, Object> subscriptionProperties, CloudSubscriberListener listener) {
        endpoint.registerSubscriber(subscriptionProperties, listener);
    }

    @Override
    public void unregisterSubscriber(CloudSubscriberListener listener) {
        endpoint.unregisterSubscriber(listener);
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        endpoint.registerDeliveryListener(listener);
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        endpoint.unregisterDeliveryListener(listener);
    }

    @Override
    public synchronized Map<String, String> getInfo() {
        Map<String, String> info = new HashMap<>();
        if (settings != null) {
            info.put("Carrier", settings.carrierPid() == null ? "own broker " + settings.broker().get("broker.url")
                    : "Kura connection " + settings.carrierPid());
            info.put("Collectors", String.join(", ", settings.collectors()));
        }
        return info;
    }

    private void closeReceiver() {
        close(receiver);
        receiver = null;
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("close failed", e);
            }
        }
    }
}
