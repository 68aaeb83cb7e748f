package org.sslskura.kura.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SecureMessaging;
import org.sslskura.api.SendOptions;

/**
 * The {@code CloudEndpoint} side of an ssls cloud connection, for callers that use the endpoint directly rather than a
 * publisher or subscriber: {@code publish} sends a message reliably to the connection's collectors under the
 * application topic of its {@code topic} property; a subscriber registered with a {@code topic.filter} receives the
 * authenticated messages whose application topic matches.
 */
final class ConnectionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEndpoint.class);

    private final Set<CloudDeliveryListener> deliveryListeners = new CopyOnWriteArraySet<>();
    private final Map<CloudSubscriberListener, String> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    String publish(SecureMessaging messaging, KuraMessage message) throws KuraException {
        if (messaging == null) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, null, "SSLS Secure Messaging is not running");
        }
        String topic = message == null ? null : Props.string(message.getProperties(), KuraNames.RAW_TOPIC, null);
        if (topic == null || message.getPayload() == null) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, null, "a message with payload and 'topic'");
        }
        CompletableFuture<?> sent = messaging.sendToCollectors(topic, MetricsJson.bytesOf(message.getPayload()),
                SendOptions.RELIABLE).toCompletableFuture();
        String id = Long.toString(ids.incrementAndGet());
        sent.whenComplete((ok, err) -> {
            if (err != null) {
                LOG.warn("message {} on '{}' not delivered: {}", id, topic, err.toString());
                return;
            }
            for (CloudDeliveryListener l : deliveryListeners) {
                try {
                    l.onMessageConfirmed(id);
                } catch (RuntimeException e) {
                    LOG.warn("CloudDeliveryListener {} failed", l, e);
                }
            }
        });
        return id;
    }

    /** One message from SecureMessaging (transport thread). */
    void received(ReceivedMessage message, IdentityStore identity) {
        if (subscribers.isEmpty()) {
            return;
        }
        KuraMessage kuraMessage = null;
        for (Map.Entry<CloudSubscriberListener, String> s : subscribers.entrySet()) {
            if (Topics.matches(s.getValue(), message.topic())) {
                kuraMessage = kuraMessage != null ? kuraMessage : KuraMessages.of(message, identity);
                try {
                    s.getKey().onMessageArrived(kuraMessage);
                } catch (RuntimeException e) {
                    LOG.warn("CloudSubscriberListener {} failed", s.getKey(), e);
                }
            }
        }
    }

    void registerSubscriber(Map<String, Object> properties, CloudSubscriberListener listener) {
        if (listener != null) {
            subscribers.put(listener, Props.string(properties, KuraNames.RAW_TOPIC_FILTER, "#"));
        }
    }

    void unregisterSubscriber(CloudSubscriberListener listener) {
        subscribers.remove(listener);
    }

    void registerDeliveryListener(CloudDeliveryListener listener) {
        if (listener != null) {
            deliveryListeners.add(listener);
        }
    }

    void unregisterDeliveryListener(CloudDeliveryListener listener) {
        deliveryListeners.remove(listener);
    }
}
