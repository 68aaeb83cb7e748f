package org.sslskura.kura.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.sslskura.api.MessageLink;

/** Follows the MessageLink an OSGi filter selects (the one the ssls stack uses) to tell whether it is connected. */
final class LinkState implements AutoCloseable {
    private final String filter;
    private final ServiceTracker<MessageLink, MessageLink> tracker;

    /**
     * @param filter selects the link among the MessageLink services
     * @throws IllegalArgumentException if the filter is not valid
     */
    LinkState(BundleContext context, String filter) {
        this.filter = filter;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + MessageLink.class.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid link filter " + filter, e);
        }
        tracker.open();
    }

    /** @return the filter this state follows */
    String filter() {
        return filter;
    }

    /** @return true if the selected link exists and is connected to its broker */
    boolean isConnected() {
        MessageLink link = tracker.getService();
        return link != null && link.isConnected();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
