package org.sslskura.kura.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.message.KuraPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.MessageLink;

/**
 * A {@link MessageLink} over a Kura raw MQTT {@link CloudEndpoint}: ssls packets go out as the body of a KuraMessage
 * with the raw-MQTT properties {@code topic}, {@code qos}, {@code retain}, {@code priority} (Kura publishes the body as
 * it is, through its DataService: broker settings, TLS, store-and-forward); subscriptions use {@code topic.filter} and
 * {@code qos}. A publication completes when the endpoint confirms it (CloudDeliveryListener, QoS 1), fails if no
 * confirmation comes within the confirmation timeout. The link outlives the endpoint: while the endpoint is away
 * publications fail (the transport retransmits) and subscriptions are kept and registered again when it returns.
 */
final class CloudEndpointLink implements MessageLink, CloudDeliveryListener, AutoCloseable {
    /** QoS of the ssls packets (decisions §3.4). */
    static final int QOS = 1;
    /** DataService priority (lower is more urgent; Kura's raw MQTT default is 4). */
    static final int PRIORITY = 4;
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);
    /** Confirmations of ids we do not know yet (the endpoint may confirm before publish returned, or another user's). */
    private static final int EARLY_CONFIRMATIONS = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CloudEndpointLink.class);

    private final String name;
    private final Duration confirmTimeout;
    private final Object lock = new Object();
    private final Set<Route> routes = new LinkedHashSet<>();
    private final Map<String, CompletableFuture<Void>> pending = new HashMap<>();
    private final Set<String> early = new LinkedHashSet<>();
    private CloudEndpoint endpoint;

    /**
     * @param name the endpoint's kura.service.pid, for logs
     * @param confirmTimeout how long a publication waits for the endpoint's confirmation
     */
    CloudEndpointLink(String name, Duration confirmTimeout) {
        this.name = name;
        this.confirmTimeout = confirmTimeout;
    }

    /** The endpoint (re)appeared: listen to its confirmations and register every subscription with it. */
    void endpointAdded(CloudEndpoint added) {
        synchronized (lock) {
            endpoint = added;
            added.registerCloudDeliveryListener(this);
            for (Route r : routes) {
                register(added, r);
            }
        }
        LOG.info("ssls link over cloud endpoint {} available ({} subscriptions)", name, routes.size());
    }

    /** The endpoint went away: forget it; publications fail until it returns. */
    void endpointRemoved(CloudEndpoint removed) {
        synchronized (lock) {
            if (endpoint != removed) {
                return;
            }
            endpoint = null;
            quietly(() -> removed.unregisterCloudDeliveryListener(this));
            for (Route r : routes) {
                quietly(() -> removed.unregisterSubscriber(r));
            }
        }
        LOG.info("ssls link over cloud endpoint {} unavailable", name);
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload) {
        CloudEndpoint ep;
        synchronized (lock) {
            ep = endpoint;
        }
        if (ep == null) {
            return CompletableFuture.failedFuture(new KuraException(KuraErrorCode.NOT_CONNECTED, null,
                    "cloud endpoint " + name + " is not available"));
        }
        KuraPayload body = new KuraPayload();
        body.setTimestamp(new Date());
        body.setBody(payload);
        Map<String, Object> props = new HashMap<>();
        props.put(KuraNames.RAW_TOPIC, topic);
        props.put(KuraNames.RAW_QOS, QOS);
        props.put(KuraNames.RAW_RETAIN, Boolean.FALSE);
        props.put(KuraNames.RAW_PRIORITY, PRIORITY);
        String id;
        try {
            id = ep.publish(new KuraMessage(body, props));
        } catch (KuraException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (id == null) {
            return CompletableFuture.completedFuture(null); // the endpoint does not confirm (QoS 0)
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        synchronized (lock) {
            if (early.remove(id)) {
                confirmed.complete(null);
                return confirmed;
            }
            pending.put(id, confirmed);
        }
        confirmed.orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, err) -> {
            synchronized (lock) {
                pending.remove(id, confirmed);
            }
        });
        return confirmed;
    }

    @Override
    public void onMessageConfirmed(String messageId) {
        CompletableFuture<Void> f;
        synchronized (lock) {
            f = pending.remove(messageId);
            if (f == null && messageId != null) {
                early.add(messageId);
                if (early.size() > EARLY_CONFIRMATIONS) {
                    Iterator<String> oldest = early.iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        if (f != null) {
            f.complete(null);
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler) {
        Route route = new Route(topic, handler);
        synchronized (lock) {
            routes.add(route);
            if (endpoint != null) {
                register(endpoint, route);
            }
        }
        return route;
    }

    @Override
    public boolean isConnected() {
        CloudEndpoint ep;
        synchronized (lock) {
            ep = endpoint;
        }
        return ep != null && (!(ep instanceof CloudConnectionManager m) || m.isConnected());
    }

    /** Lets go of the endpoint and fails the publications still waiting for a confirmation. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> waiting;
        synchronized (lock) {
            if (endpoint != null) {
                endpointRemoved(endpoint);
            }
            routes.clear();
            waiting = new ArrayList<>(pending.values());
            pending.clear();
        }
        waiting.forEach(f -> f.completeExceptionally(
                new KuraException(KuraErrorCode.NOT_CONNECTED, null, "ssls link over " + name + " closed")));
    }

    private void register(CloudEndpoint ep, Route route) {
        Map<String, Object> subscription = new HashMap<>();
        subscription.put(KuraNames.RAW_TOPIC_FILTER, route.topic);
        subscription.put(KuraNames.RAW_QOS, QOS);
        try {
            ep.registerSubscriber(subscription, route);
        } catch (RuntimeException e) {
            LOG.error("cloud endpoint {} refused the subscription to {} ({}): only Kura raw MQTT connections can"
                    + " carry ssls packets; choose carrier own-link for other connection types", name, route.topic,
                    e.toString());
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.debug("cloud endpoint call failed", e);
        }
    }

    /** One subscription: the CloudSubscriberListener registered with the endpoint. */
    private final class Route implements CloudSubscriberListener, AutoCloseable {
        final String topic;
        final BiConsumer<String, byte[]> handler;

        Route(String topic, BiConsumer<String, byte[]> handler) {
            this.topic = topic;
            this.handler = handler;
        }

        @Override
        public void onMessageArrived(KuraMessage message) {
            KuraPayload payload = message == null ? null : message.getPayload();
            byte[] body = payload == null ? null : payload.getBody();
            if (body == null) {
                return;
            }
            Object arrivedOn = message.getProperties().get(KuraNames.RAW_TOPIC);
            handler.accept(arrivedOn instanceof String s ? s : topic, body);
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (routes.remove(this) && endpoint != null) {
                    CloudEndpoint ep = endpoint;
                    quietly(() -> ep.unregisterSubscriber(this));
                }
            }
        }
    }
}
