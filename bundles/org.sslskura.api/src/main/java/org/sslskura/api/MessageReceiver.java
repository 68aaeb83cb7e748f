package org.sslskura.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives application messages; called on the transport's thread, so it must return quickly.
 * <p>
 * Returning normally hands the message over: only then is it recorded as delivered and acknowledged to the sender,
 * whose receipt therefore means "handed to the application". Throwing refuses it: nothing is recorded or
 * acknowledged, and the sender sends it again later.
 */
@ConsumerType
@FunctionalInterface
public interface MessageReceiver {
    /**
     * One authentic, de-duplicated message.
     *
     * @throws RuntimeException to refuse the message (for example, its output could not be written)
     */
    void received(ReceivedMessage message);
}
