package org.sslskura.kura.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.SecureMessaging;
import org.sslskura.api.SendOptions;
import org.sslskura.api.Submission;
import org.sslskura.wire.hip.Hit;

/**
 * A Kura {@link CloudPublisher} that sends each KuraMessage end-to-end secured through {@link SecureMessaging}: the
 * payload body (or, without a body, the metrics as JSON, see {@link MetricsJson}) under the configured application
 * topic, to the configured collectors. {@code publish} returns an id at once; with reliable delivery,
 * {@link CloudDeliveryListener#onMessageConfirmed} reports it when every collector acknowledged the message.
 * SecureMessaging is a dynamic optional reference: the publisher (and its cloud-endpoint link) exists before the ssls
 * stack does, which may itself wait for that link; until then {@code publish} throws SERVICE_UNAVAILABLE.
 */
abstract class SecurePublisher extends SecurePubSub implements CloudPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SecurePublisher.class);
    /** How long publish() waits for the offline queue to take a reliable message. */
    private static final long ACCEPT_TIMEOUT_SECONDS = 30;

    private final Set<CloudDeliveryListener> deliveryListeners = new CopyOnWriteArraySet<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile SecureMessaging messaging;
    private volatile IdentityStore identity;
    private volatile Settings settings;

    /** The publisher's own attributes. */
    record Settings(List<String> collectors, String appTopic, boolean reliable) {
        static Settings from(Map<String, ?> props) {
            List<String> collectors = Props.list(props, KuraNames.COLLECTORS);
            String topic = Props.string(props, KuraNames.APP_TOPIC, Ads.APP_TOPIC_DEFAULT);
            boolean reliable = KuraNames.DELIVERY_RELIABLE.equals(Props.oneOf(props, KuraNames.DELIVERY,
                    KuraNames.DELIVERY_RELIABLE, KuraNames.DELIVERY_FIRE_AND_FORGET));
            return new Settings(collectors, topic, reliable);
        }
    }

    @Reference(name = "SecureMessaging", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSecureMessaging(SecureMessaging service) {
        this.messaging = service;
    }

    void unbindSecureMessaging(SecureMessaging service) {
        if (this.messaging == service) {
            this.messaging = null;
        }
    }

    @Reference(name = "IdentityStore", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindIdentityStore(IdentityStore service) {
        this.identity = service;
    }

    void unbindIdentityStore(IdentityStore service) {
        if (this.identity == service) {
            this.identity = null;
        }
    }

    @Override
    final void configure(Map<String, Object> properties) {
        settings = Settings.from(properties);
    }

    @Override
    public String publish(KuraMessage message) throws KuraException {
        Settings s = settings;
        SecureMessaging m = messaging;
        if (s == null) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, null, "secure publisher is not active");
        }
        if (m == null) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, null,
                    "SSLS Secure Messaging is not running (check its MessageLink.target and the ssls components)");
        }
        if (message == null || message.getPayload() == null) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, null, "message without payload");
        }
        byte[] bytes = MetricsJson.bytesOf(message.getPayload());
        String topic = Topics.fill(s.appTopic(), message.getProperties());
        SendOptions how = s.reliable() ? SendOptions.RELIABLE : SendOptions.FIRE_AND_FORGET;
        List<Submission> submissions = new ArrayList<>();
        if (s.collectors().isEmpty()) {
            submissions.add(m.submitToCollectors(topic, bytes, how));
        } else {
            List<Hit> peers;
            try {
                peers = Peers.resolve(identity, s.collectors());
            } catch (IllegalArgumentException e) {
                throw new KuraException(KuraErrorCode.INVALID_PARAMETER, e, e.getMessage());
            }
            for (Hit peer : peers) {
                submissions.add(m.submit(peer, topic, bytes, how));
            }
        }
        CompletableFuture<?> sent = CompletableFuture.allOf(submissions.stream()
                .map(x -> x.receipt().toCompletableFuture()).toArray(CompletableFuture<?>[]::new));
        awaitAccepted(submissions);
        if (!s.reliable()) {
            return null; // no confirmation will follow, as a QoS 0 Kura publisher
        }
        String id = Long.toString(ids.incrementAndGet());
        sent.whenComplete((ok, err) -> {
            if (err == null) {
                for (CloudDeliveryListener l : deliveryListeners) {
                    try {
                        l.onMessageConfirmed(id);
                    } catch (RuntimeException e) {
                        LOG.warn("CloudDeliveryListener {} failed", l, e);
                    }
                }
            } else {
                LOG.warn("{}: message {} on '{}' not delivered: {}", options() == null ? "" : options().kuraServicePid(),
                        id, topic, err.toString());
            }
        });
        return id;
    }

    /**
     * Returns once every peer's copy is accepted: a reliable message is on disk in the offline queue, so that a power
     * failure after publish() returned its id cannot lose it (fire-and-forget: at once).
     */
    private static void awaitAccepted(List<Submission> submissions) throws KuraException {
        CompletableFuture<?> accepted = CompletableFuture.allOf(submissions.stream()
                .map(x -> x.accepted().toCompletableFuture()).toArray(CompletableFuture<?>[]::new));
        try {
            accepted.get(ACCEPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KuraException(KuraErrorCode.INVALID_MESSAGE_EXCEPTION, e.getCause(),
                    "message refused: " + e.getCause());
        } catch (TimeoutException e) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, e,
                    "message not written to the offline queue within " + ACCEPT_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KuraException(KuraErrorCode.INTERNAL_ERROR, e, "interrupted while the message was queued");
        }
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        if (listener != null) {
            deliveryListeners.add(listener);
        }
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        deliveryListeners.remove(listener);
    }
}
