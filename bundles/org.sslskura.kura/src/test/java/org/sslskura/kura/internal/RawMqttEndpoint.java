package org.sslskura.kura.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiConsumer;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.message.KuraPayload;

/**
 * A small in-test CloudEndpoint that behaves as Kura's RawMqttCloudEndpoint does (publish needs a body and the
 * property {@code topic}; {@code qos} 0 returns null, else an id confirmed later; subscriptions by {@code topic.filter};
 * arrivals carry property {@code topic}). A test double is acceptable ONLY here: the real endpoint exists only inside
 * a running Kura (its raw MQTT provider bundle and DataService), which Maven unit tests do not have.
 */
class RawMqttEndpoint implements CloudEndpoint, CloudConnectionManager {
    record Published(String id, String topic, byte[] body, Map<String, Object> properties) {
    }

    final List<Published> published = new CopyOnWriteArrayList<>();
    final Set<CloudDeliveryListener> delivery = new CopyOnWriteArraySet<>();
    final Set<CloudConnectionListener> connection = new CopyOnWriteArraySet<>();
    final Map<CloudSubscriberListener, String> subscribers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where publications go besides the log (an in-test "broker"), or null. */
    volatile BiConsumer<String, byte[]> wire;
    volatile boolean connected = true;
    /** If set, confirms every QoS 1 publication on this executor, as the broker's PUBACK would. */
    volatile java.util.concurrent.Executor confirmer;
    private int nextId = 1;

    @Override
    public synchronized String publish(KuraMessage message) throws KuraException {
        byte[] body = message.getPayload().getBody();
        if (body == null) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, null, null, "missing message body");
        }
        Object topic = message.getProperties().get("topic");
        if (!(topic instanceof String)) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, null, "topic");
        }
        int qos = (Integer) message.getProperties().getOrDefault("qos", 0);
        String id = qos == 0 ? null : Integer.toString(nextId++);
        published.add(new Published(id, (String) topic, body, message.getProperties()));
        BiConsumer<String, byte[]> w = wire;
        if (w != null) {
            w.accept((String) topic, body);
        }
        java.util.concurrent.Executor c = confirmer;
        if (c != null && id != null) {
            c.execute(() -> confirm(id));
        }
        return id;
    }

    /** The broker acknowledged publication {@code id}. */
    void confirm(String id) {
        delivery.forEach(l -> l.onMessageConfirmed(id));
    }

    /** A message arrives from the broker, as Kura's raw MQTT endpoint delivers it. */
    void arrive(String topic, byte[] body) {
        KuraPayload payload = new KuraPayload();
        payload.setBody(body);
        KuraMessage message = new KuraMessage(payload, Map.of("topic", topic));
        List<CloudSubscriberListener> matching = new ArrayList<>();
        subscribers.forEach((l, filter) -> {
            if (Topics.matches(filter, topic)) {
                matching.add(l);
            }
        });
        matching.forEach(l -> l.onMessageArrived(message));
    }

    @Override
    public void registerSubscriber(Map<String, Object> subscriptionProperties, CloudSubscriberListener listener) {
        Object filter = subscriptionProperties.get("topic.filter");
        if (!(filter instanceof String)) {
            throw new IllegalArgumentException("topic.filter missing");
        }
        subscribers.put(listener, (String) filter);
    }

    @Override
    public void unregisterSubscriber(CloudSubscriberListener listener) {
        subscribers.remove(listener);
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        delivery.add(listener);
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        delivery.remove(listener);
    }

    @Override
    public void connect() {
        connected = true;
        connection.forEach(CloudConnectionListener::onConnectionEstablished);
    }

    @Override
    public void disconnect() {
        connected = false;
        connection.forEach(CloudConnectionListener::onDisconnected);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
        connection.add(listener);
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        connection.remove(listener);
    }
}
