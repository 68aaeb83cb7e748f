package org.sslskura.mqtt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of a link by topic filter, and the dispatch of arriving messages to them. One broker subscription per
 * filter however many handlers share it. A handler's exception is caught and logged here: thrown into Paho's callback
 * thread it would drop the connection.
 */
final class TopicRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(TopicRoutes.class);

    private final Map<String, Route> byFilter = new ConcurrentHashMap<>();

    /** One topic filter: its handlers and whether the broker granted it yet. */
    static final class Route {
        final String filter;
        final List<Handler> handlers = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        private final boolean wildcard;

        private Route(String filter) {
            this.filter = filter;
            this.wildcard = filter.indexOf('#') >= 0 || filter.indexOf('+') >= 0;
        }

        boolean matches(String topic) {
            return wildcard ? MqttTopic.isMatched(filter, topic) : filter.equals(topic);
        }
    }

    /** A handler registration; identity matters (the same lambda may be registered twice). */
    static final class Handler {
        final BiConsumer<String, byte[]> consumer;

        Handler(BiConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }
    }

    /** @return the route of {@code filter}, created if needed, now holding {@code handler} */
    synchronized Route add(String filter, Handler handler) {
        Route route = byFilter.computeIfAbsent(filter, Route::new);
        route.handlers.add(handler);
        return route;
    }

    /** @return true if {@code handler} was the last of its filter: the broker subscription can go */
    synchronized boolean remove(String filter, Handler handler) {
        Route route = byFilter.get(filter);
        if (route == null || !route.handlers.remove(handler)) {
            return false;
        }
        if (route.handlers.isEmpty()) {
            byFilter.remove(filter);
            return true;
        }
        return false;
    }

    /** @return the current routes, to subscribe again after a (re)connection */
    Collection<Route> all() {
        return new ArrayList<>(byFilter.values());
    }

    /** Gives the message to every handler whose filter matches; the second and later ones get their own copy. */
    void dispatch(String topic, byte[] payload) {
        boolean first = true;
        for (Route route : byFilter.values()) {
            if (!route.matches(topic)) {
                continue;
            }
            for (Handler handler : route.handlers) {
                deliver(handler, topic, first ? payload : payload.clone());
                first = false;
            }
        }
        if (first) {
            LOG.debug("No handler for a message on {} ({} bytes): dropped", topic, payload.length);
        }
    }

    private static void deliver(Handler handler, String topic, byte[] payload) {
        try {
            handler.consumer.accept(topic, payload);
        } catch (RuntimeException e) {
            LOG.warn("Handler for {} failed; later messages are still delivered", topic, e);
        }
    }
}
