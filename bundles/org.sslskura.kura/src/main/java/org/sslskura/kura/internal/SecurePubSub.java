package org.sslskura.kura.internal;

import java.util.Map;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the secure publisher and subscriber factory instances share: the DS lifecycle (bnd
 * {@code -dsannotations-options: inherit}), following the instance's Kura cloud connection
 * ({@code cloud.endpoint.service.pid}) to relay its state to CloudConnectionListeners, and, with carrier
 * cloud-endpoint, a lease on the {@link CloudEndpointLink} MessageLink service over that connection.
 */
abstract class SecurePubSub implements ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SecurePubSub.class);

    private final ConnectionRelay relay = new ConnectionRelay();
    private CloudEndpointLinks links;
    private BundleContext context;
    private PubSubOptions options;
    private EndpointTracker tracker;
    private AutoCloseable lease;

    @Reference(name = "CloudEndpointLinks")
    void setLinks(CloudEndpointLinks registry) {
        this.links = registry;
    }

    @Activate
    synchronized void activate(BundleContext bundleContext, Map<String, Object> properties) {
        this.context = bundleContext;
        apply(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        closeTracker();
        closeLease();
        relay.clear();
        options = null;
    }

    /** Reads the subclass's own attributes; throws {@link IllegalArgumentException} on an invalid value. */
    abstract void configure(Map<String, Object> properties);

    /** @return the instance options, null when not active */
    final synchronized PubSubOptions options() {
        return options;
    }

    public final void registerCloudConnectionListener(CloudConnectionListener listener) {
        relay.add(listener);
    }

    public final void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        relay.remove(listener);
    }

    private void apply(Map<String, Object> properties) {
        PubSubOptions next;
        try {
            next = PubSubOptions.from(properties);
            configure(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: configuration refused: {}", properties.get(KuraNames.KURA_SERVICE_PID), e.getMessage());
            throw e;
        }
        PubSubOptions previous = options;
        options = next;
        if (next.endpointPid() == null) {
            LOG.warn("{} has no {}: it follows no Kura cloud connection", next.kuraServicePid(),
                    KuraNames.CLOUD_ENDPOINT_SERVICE_PID);
        }
        if (previous == null || !java.util.Objects.equals(previous.endpointPid(), next.endpointPid())) {
            closeTracker();
            if (next.endpointPid() != null) {
                tracker = new EndpointTracker(context, next.endpointPid(), relay::endpointAdded,
                        relay::endpointRemoved);
            }
        }
        if (previous == null || !previous.equals(next) && (previous.endpointCarries() || next.endpointCarries())) {
            AutoCloseable old = lease;
            lease = next.endpointCarries() ? links.acquire(next.endpointPid()) : null;
            close(old);
        }
        LOG.info("{} configured: cloud connection {}, carrier {}", next.kuraServicePid(), next.endpointPid(),
                next.endpointCarries() ? KuraNames.CARRIER_CLOUD_ENDPOINT : KuraNames.CARRIER_OWN_LINK);
    }

    private void closeTracker() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }

    private void closeLease() {
        close(lease);
        lease = null;
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("release failed", e);
            }
        }
    }
}
