package org.sslskura.kura.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the state of the instance's Kura cloud connection on to the applications' CloudConnectionListeners: Kura's
 * endpoints (raw MQTT, CloudService) are also {@link CloudConnectionManager}s.
 */
final class ConnectionRelay implements CloudConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRelay.class);

    private final Set<CloudConnectionListener> listeners = new CopyOnWriteArraySet<>();
    private CloudConnectionManager manager;

    void add(CloudConnectionListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    void remove(CloudConnectionListener listener) {
        listeners.remove(listener);
    }

    void endpointAdded(CloudEndpoint endpoint) {
        if (endpoint instanceof CloudConnectionManager m) {
            synchronized (this) {
                manager = m;
            }
            m.registerCloudConnectionListener(this);
            if (m.isConnected()) {
                onConnectionEstablished();
            }
        }
    }

    void endpointRemoved(CloudEndpoint endpoint) {
        CloudConnectionManager m;
        synchronized (this) {
            m = manager;
            if (m == null || m != endpoint) {
                return;
            }
            manager = null;
        }
        m.unregisterCloudConnectionListener(this);
        onDisconnected();
    }

    void clear() {
        listeners.clear();
    }

    @Override
    public void onDisconnected() {
        listeners.forEach(l -> call(l, "onDisconnected", l::onDisconnected));
    }

    @Override
    public void onConnectionLost() {
        listeners.forEach(l -> call(l, "onConnectionLost", l::onConnectionLost));
    }

    @Override
    public void onConnectionEstablished() {
        listeners.forEach(l -> call(l, "onConnectionEstablished", l::onConnectionEstablished));
    }

    private static void call(CloudConnectionListener l, String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("CloudConnectionListener {} failed in {}", l, what, e);
        }
    }
}
