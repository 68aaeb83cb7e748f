package org.sslskura.kura.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SecureMessaging;

/**
 * A Kura {@link CloudSubscriber} that delivers the authentic, de-duplicated messages {@link SecureMessaging} receives
 * from peers (collectors or other devices) to its CloudSubscriberListeners, as KuraMessages: body = the message bytes,
 * timestamp = arrival; properties {@code topic} (application topic), {@code ssls.sender} (HIT, 32 hex digits),
 * {@code ssls.sender.name} (when the sender is a named trusted peer) and {@code ssls.message.id} (Long). Listeners run
 * on the transport thread and must return quickly.
 */
abstract class SecureSubscriber extends SecurePubSub implements CloudSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(SecureSubscriber.class);

    private final Set<CloudSubscriberListener> listeners = new CopyOnWriteArraySet<>();
    private volatile IdentityStore identity;
    private volatile Settings settings;
    private SecureMessaging boundMessaging;
    private AutoCloseable receiver;

    /** The subscriber's own attributes. */
    record Settings(String topicFilter, List<String> senders) {
        static Settings from(Map<String, ?> props) {
            return new Settings(Props.string(props, KuraNames.APP_TOPIC_FILTER, "#"),
                    Props.list(props, KuraNames.SENDERS));
        }
    }

    @Reference(name = "SecureMessaging", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindSecureMessaging(SecureMessaging service) {
        closeReceiver();
        boundMessaging = service;
        receiver = service.addReceiver(this::received);
    }

    synchronized void unbindSecureMessaging(SecureMessaging service) {
        if (boundMessaging == service) {
            closeReceiver();
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

    /** One message from SecureMessaging (transport thread). */
    void received(ReceivedMessage message) {
        Settings s = settings;
        if (s == null || listeners.isEmpty() || !Topics.matches(s.topicFilter(), message.topic())) {
            return;
        }
        IdentityStore ids = identity;
        if (!s.senders().isEmpty() && !Peers.contains(ids, s.senders(), message.from())) {
            return;
        }
        KuraMessage kuraMessage = KuraMessages.of(message, ids);
        for (CloudSubscriberListener l : listeners) {
            try {
                l.onMessageArrived(kuraMessage);
            } catch (RuntimeException e) {
                LOG.warn("CloudSubscriberListener {} failed", l, e);
            }
        }
    }

    @Override
    public void registerCloudSubscriberListener(CloudSubscriberListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    @Override
    public void unregisterCloudSubscriberListener(CloudSubscriberListener listener) {
        listeners.remove(listener);
    }

    private void closeReceiver() {
        if (receiver != null) {
            try {
                receiver.close();
            } catch (Exception e) {
                LOG.debug("receiver not removed", e);
            }
            receiver = null;
            boundMessaging = null;
        }
    }
}
