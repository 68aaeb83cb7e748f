package org.sslskura.kura.internal;

import java.util.function.Consumer;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Follows the {@link CloudEndpoint} whose {@code kura.service.pid} is the configured {@code cloud.endpoint.service.pid},
 * as Kura's own EventPublisher does, and reports it appearing and going away.
 */
final class EndpointTracker implements AutoCloseable {
    private final ServiceTracker<CloudEndpoint, CloudEndpoint> tracker;

    EndpointTracker(BundleContext context, String endpointPid, Consumer<CloudEndpoint> added,
                    Consumer<CloudEndpoint> removed) {
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter(endpointPid)),
                    new ServiceTrackerCustomizer<CloudEndpoint, CloudEndpoint>() {
                        private CloudEndpoint current;

                        @Override
                        public synchronized CloudEndpoint addingService(ServiceReference<CloudEndpoint> ref) {
                            CloudEndpoint endpoint = context.getService(ref);
                            if (endpoint != null && current == null) {
                                current = endpoint;
                                added.accept(endpoint);
                            }
                            return endpoint;
                        }

                        @Override
                        public void modifiedService(ServiceReference<CloudEndpoint> ref, CloudEndpoint endpoint) {
                            // the kura.service.pid of an endpoint never changes
                        }

                        @Override
                        public synchronized void removedService(ServiceReference<CloudEndpoint> ref,
                                                                CloudEndpoint endpoint) {
                            if (endpoint == current) {
                                current = null;
                                removed.accept(endpoint);
                            }
                            context.ungetService(ref);
                        }
                    });
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid cloud.endpoint.service.pid '" + endpointPid + "'", e);
        }
        tracker.open();
    }

    /** @return the LDAP filter selecting the CloudEndpoint with that kura.service.pid */
    static String filter(String endpointPid) {
        return "(&(objectClass=" + CloudEndpoint.class.getName() + ")(" + KuraNames.KURA_SERVICE_PID + "="
                + escape(endpointPid) + "))";
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
