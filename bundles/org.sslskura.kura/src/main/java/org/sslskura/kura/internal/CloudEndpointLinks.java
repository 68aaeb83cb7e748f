package org.sslskura.kura.internal;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.MessageLink;

/**
 * Registers one {@link CloudEndpointLink} as an OSGi {@link MessageLink} service per Kura cloud connection, for as long
 * as at least one secure publisher or subscriber with carrier cloud-endpoint belongs to it. Service properties:
 * {@code ssls.link=cloud-endpoint} and {@code cloud.endpoint.service.pid=<the connection's kura.service.pid>}, which the
 * {@code MessageLink.target} of the Key Exchange and Secure Messaging components select.
 */
@Component(service = CloudEndpointLinks.class)
public final class CloudEndpointLinks {
    private static final Logger LOG = LoggerFactory.getLogger(CloudEndpointLinks.class);

    private final Map<String, Entry> entries = new HashMap<>();
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Deactivate
    synchronized void deactivate() {
        entries.values().forEach(Entry::dispose);
        entries.clear();
    }

    /**
     * @return a lease on the link over that cloud connection; closing the last lease unregisters it
     */
    synchronized AutoCloseable acquire(String endpointPid) {
        Entry e = entries.computeIfAbsent(endpointPid, this::create);
        e.leases++;
        boolean[] closed = {false};
        return () -> release(endpointPid, e, closed);
    }

    private synchronized void release(String endpointPid, Entry e, boolean[] closed) {
        if (closed[0]) {
            return;
        }
        closed[0] = true;
        if (--e.leases == 0 && entries.remove(endpointPid, e)) {
            e.dispose();
        }
    }

    private Entry create(String endpointPid) {
        CloudEndpointLink link = new CloudEndpointLink(endpointPid, CloudEndpointLink.CONFIRM_TIMEOUT);
        EndpointTracker tracker = new EndpointTracker(context, endpointPid, link::endpointAdded, link::endpointRemoved);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KuraNames.LINK_PROPERTY, KuraNames.LINK_CLOUD_ENDPOINT);
        props.put(KuraNames.CLOUD_ENDPOINT_SERVICE_PID, endpointPid);
        props.put("service.description", "ssls MessageLink over Kura cloud connection " + endpointPid);
        ServiceRegistration<MessageLink> registration = context.registerService(MessageLink.class, link, props);
        LOG.info("registered the ssls MessageLink over cloud connection {} ({}={}, {}={})", endpointPid,
                KuraNames.LINK_PROPERTY, KuraNames.LINK_CLOUD_ENDPOINT, KuraNames.CLOUD_ENDPOINT_SERVICE_PID,
                endpointPid);
        return new Entry(link, tracker, registration);
    }

    private static final class Entry {
        final CloudEndpointLink link;
        final EndpointTracker tracker;
        final ServiceRegistration<MessageLink> registration;
        int leases;

        Entry(CloudEndpointLink link, EndpointTracker tracker, ServiceRegistration<MessageLink> registration) {
            this.link = link;
            this.tracker = tracker;
            this.registration = registration;
        }

        void dispose() {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            tracker.close();
            link.close();
        }
    }
}
