package org.sslskura.mqtt;

import static org.sslskura.mqtt.PahoSettings.describe;
import static org.sslskura.mqtt.PahoSettings.failure;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.MessageLink;
import org.sslskura.mqtt.TopicRoutes.Handler;
import org.sslskura.mqtt.TopicRoutes.Route;

/**
 * The {@link MessageLink} over MQTT 3.1.1 with Paho's {@link MqttAsyncClient}; plain Java, no OSGi needed.
 * <ul>
 * <li>{@link #start()} connects in the background and keeps trying with exponential backoff (also for the first
 * connection, which Paho's own automatic reconnect does not retry); the link reconnects itself after every loss.</li>
 * <li>{@link #publish} sends at the configured QoS, retain false. The future completes when Paho is done with the
 * message: for QoS 1 at the broker's PUBACK. While disconnected, messages wait in Paho's offline buffer (in memory,
 * bounded) and go out after the reconnection; when the buffer is full the future fails at once.</li>
 * <li>{@link #subscribe} registers a handler; after every (re)connection the link subscribes all its topics again, so
 * it survives a broker that lost the session (a restart without persistence). Subscribing again when the session was
 * kept is harmless.</li>
 * </ul>
 * The reconnection loop is ours rather than Paho's {@code automaticReconnect}: Paho's starts at a fixed 1 s, does not
 * cover the first connection, and leaves a non-daemon timer thread behind after {@code close()}. Payloads are never
 * logged.
 */
public final class PahoMessageLink implements MessageLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PahoMessageLink.class);
    private static final long QUIESCE_MILLIS = 500;
    private static final long DISCONNECT_TIMEOUT_MILLIS = 2000;
    /** How long a SUBSCRIBE may stay unacknowledged before the connection is dropped and made again. */
    private static final long SUBACK_TIMEOUT_MILLIS = 5000;
    /** SUBACK return code of a refused subscription (MQTT 3.1.1 §3.9.3). */
    private static final int SUBACK_FAILURE = 0x80;

    private final MqttLinkOptions options;
    private final MqttAsyncClient client;
    private final MqttConnectOptions connectOptions;
    private final TopicRoutes routes = new TopicRoutes();
    /**
     * Orders route changes with their SUBSCRIBE/UNSUBSCRIBE packets, so that an unsubscribe for a filter's last
     * handler cannot overtake a new subscription to it. Paho's calls under it only queue packets.
     */
    private final Object subscriptionLock = new Object();
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates the link without connecting; call {@link #start()}.
     *
     * @throws MqttLinkException if Paho rejects the settings or cannot open the persistence directory
     */
    public PahoMessageLink(MqttLinkOptions options) throws MqttLinkException {
        this.options = Objects.requireNonNull(options, "options");
        this.connectOptions = PahoSettings.connectOptions(options);
        this.backoff = new Backoff(options.reconnectMin(), options.reconnectMax());
        try {
            this.client = new MqttAsyncClient(options.brokerUrl(), options.clientId(),
                    PahoSettings.persistence(options));
        } catch (MqttException e) {
            throw failure("cannot create the MQTT client", e);
        }
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(options.offlineBufferSize());
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
        client.setCallback(new Callback());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ssls-mqtt-connect-" + options.clientId());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /** @return the socket factory Paho connects with (see {@link NoDelaySockets}) */
    SocketFactory socketFactory() {
        return connectOptions.getSocketFactory();
    }

    /** Starts connecting in the background; returns at once. Calling it again does nothing. */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("MQTT link " + options.clientId() + " is closed");
        }
        if (started.compareAndSet(false, true)) {
            LOG.info("MQTT link {} connecting to {}", options.clientId(), options.brokerUrl());
            schedule(this::attemptConnect, 0);
        }
    }

    /** @return the settings this link was created with */
    public MqttLinkOptions options() {
        return options;
    }

    /**
     * Publishes a copy of {@code payload} to {@code topic} at the configured QoS, retain false.
     *
     * @return completes when Paho is done with the message (QoS 1: PUBACK received), or fails with an
     *     {@link MqttLinkException} (offline buffer full, too many messages in flight, link closed first) or an
     *     {@link IllegalArgumentException} (invalid topic)
     */
    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed.get()) {
            done.completeExceptionally(closedException());
            return done;
        }
        MqttMessage message = new MqttMessage(payload.clone());
        message.setQos(options.qos());
        message.setRetained(false);
        pending.add(done);
        done.whenComplete((ok, failure) -> pending.remove(done));
        try {
            client.publish(topic, message, null, new PublishListener(done));
        } catch (MqttException e) {
            done.completeExceptionally(failure("publish to " + topic + " failed", e));
        } catch (IllegalArgumentException e) {
            done.completeExceptionally(e);
        }
        if (closed.get()) {
            done.completeExceptionally(closedException());
        }
        return done;
    }

    /**
     * Delivers every message arriving on {@code topicFilter} (MQTT wildcards allowed) to {@code handler}, on Paho's
     * callback thread, until the returned subscription is closed. A handler's exception is logged and ignored.
     *
     * @throws IllegalStateException if the link is closed
     */
    @Override
    public Subscription subscribe(String topicFilter, BiConsumer<String, byte[]> handler) {
        Objects.requireNonNull(topicFilter, "topicFilter");
        Objects.requireNonNull(handler, "handler");
        MqttTopic.validate(topicFilter, true);
        if (closed.get()) {
            throw new IllegalStateException("MQTT link " + options.clientId() + " is closed");
        }
        Handler registration = new Handler(handler);
        synchronized (subscriptionLock) {
            Route route = routes.add(topicFilter, registration);
            subscribeAtBroker(route);
            return new Subscription(route, registration);
        }
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && client.isConnected();
    }

    /**
     * Disconnects (waiting up to 2.5 s for messages in flight) and releases the client. Publications still waiting
     * for their acknowledgement fail with an {@link MqttLinkException}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        disconnectAndRelease();
        MqttLinkException notDelivered = new MqttLinkException("MQTT link " + options.clientId()
                + " closed before the broker acknowledged the message");
        pending.forEach(future -> future.completeExceptionally(notDelivered));
        char[] password = connectOptions.getPassword();
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        LOG.info("MQTT link {} closed", options.clientId());
    }

    @Override
    public String toString() {
        return "PahoMessageLink[" + options.clientId() + " -> " + options.brokerUrl() + "]";
    }

    private void attemptConnect() {
        if (closed.get()) {
            return;
        }
        try {
            client.connect(connectOptions, null, new ConnectListener());
        } catch (MqttException e) {
            int code = e.getReasonCode();
            if (code == MqttException.REASON_CODE_CLIENT_CONNECTED
                    || code == MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    || code == MqttException.REASON_CODE_CLIENT_CLOSED) {
                return;
            }
            retryLater("cannot connect", e);
        }
    }

    private void retryLater(String what, Throwable cause) {
        if (closed.get()) {
            return;
        }
        long delay = backoff.next();
        LOG.warn("MQTT link {} {} to {}: {}; next attempt in {} ms", options.clientId(), what, options.brokerUrl(),
                describe(cause), delay);
        schedule(this::attemptConnect, delay);
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT link {} closed: no further connection attempt", options.clientId());
        }
    }

    private void subscribeAtBroker(Route route) {
        if (!client.isConnected()) {
            return;
        }
        try {
            IMqttToken token = client.subscribe(route.filter, options.qos(), null, new SubscribeListener(route));
            schedule(() -> reconnectIfUnacknowledged(token, route.filter), SUBACK_TIMEOUT_MILLIS);
        } catch (MqttException e) {
            LOG.debug("MQTT link {}: subscription to {} waits for the next connection: {}", options.clientId(),
                    route.filter, describe(e));
        }
    }

    /**
     * A SUBSCRIBE the broker never acknowledged leaves the link connected but deaf (seen with brokers that lose a
     * session on restart): drop the connection, so that the next one subscribes again.
     */
    private void reconnectIfUnacknowledged(IMqttToken token, String filter) {
        if (closed.get() || token.isComplete() || !client.isConnected()) {
            return;
        }
        LOG.warn("MQTT link {}: subscription to {} unacknowledged after {} ms; reconnecting", options.clientId(),
                filter, SUBACK_TIMEOUT_MILLIS);
        try {
            client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MILLIS);
        } catch (MqttException e) {
            LOG.debug("MQTT link {}: forced disconnect failed: {}", options.clientId(), describe(e));
        }
        retryLater("dropped a connection with an unacknowledged subscription",
                new MqttLinkException("SUBACK timeout for " + filter, MqttException.REASON_CODE_SUBSCRIBE_FAILED, null));
    }

    private void unsubscribeAtBroker(String filter) {
        if (closed.get() || !client.isConnected()) {
            return;
        }
        try {
            client.unsubscribe(filter);
        } catch (MqttException e) {
            LOG.debug("MQTT link {}: unsubscribe from {} failed: {}", options.clientId(), filter, describe(e));
        }
    }

    private void disconnectAndRelease() {
        try {
            if (client.isConnected()) {
                client.disconnect(QUIESCE_MILLIS).waitForCompletion(DISCONNECT_TIMEOUT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT link {}: clean disconnect failed: {}", options.clientId(), describe(e));
        }
        try {
            client.close();
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MILLIS, false);
                client.close();
            } catch (MqttException again) {
                LOG.warn("MQTT link {} did not close cleanly: {}", options.clientId(), describe(again));
            }
        }
    }

    private MqttLinkException closedException() {
        return new MqttLinkException("MQTT link " + options.clientId() + " is closed");
    }

    /** A handler registration; closing it ends the deliveries to that handler. */
    public final class Subscription implements AutoCloseable {
        private final Route route;
        private final Handler handler;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Subscription(Route route, Handler handler) {
            this.route = route;
            this.handler = handler;
        }

        /** @return the topic filter */
        public String topic() {
            return route.filter;
        }

        /**
         * @return completes once the broker granted the topic filter (the first SUBACK since it was registered);
         *     fails if the broker refused it
         */
        public CompletionStage<Void> acknowledged() {
            return route.acknowledged.copy();
        }

        @Override
        public void close() {
            if (!open.compareAndSet(true, false)) {
                return;
            }
            synchronized (subscriptionLock) {
                if (routes.remove(route.filter, handler)) {
                    unsubscribeAtBroker(route.filter);
                }
            }
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("MQTT link {} connected to {}", options.clientId(), serverUri);
            synchronized (subscriptionLock) {
                routes.all().forEach(PahoMessageLink.this::subscribeAtBroker);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            backoff.reset();
            retryLater("lost its connection", cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            routes.dispatch(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Each publication completes through its own PublishListener; nothing to do per link.
        }
    }

    private final class ConnectListener implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            backoff.reset();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            retryLater("cannot connect", exception);
        }
    }

    private final class SubscribeListener implements IMqttActionListener {
        private final Route route;

        SubscribeListener(Route route) {
            this.route = route;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            int[] granted = token.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == SUBACK_FAILURE) {
                LOG.warn("MQTT link {}: the broker refused the subscription to {}", options.clientId(), route.filter);
                route.acknowledged.completeExceptionally(new MqttLinkException("broker refused the subscription to "
                        + route.filter, MqttException.REASON_CODE_SUBSCRIBE_FAILED, null));
                return;
            }
            route.acknowledged.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            LOG.warn("MQTT link {}: subscription to {} failed: {}; retried at the next connection",
                    options.clientId(), route.filter, describe(exception));
        }
    }

    private static final class PublishListener implements IMqttActionListener {
        private final CompletableFuture<Void> done;

        PublishListener(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            done.completeExceptionally(failure("delivery failed", exception));
        }
    }
}
