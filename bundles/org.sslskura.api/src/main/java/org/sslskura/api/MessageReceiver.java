package org.sslskura.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives application messages; called on the transport's thread, so it must return quickly. */
@ConsumerType
@FunctionalInterface
public interface MessageReceiver {
    /** One authentic, de-duplicated message. */
    void received(ReceivedMessage message);
}
