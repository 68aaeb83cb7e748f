package org.sslskura.api;

import org.sslskura.wire.hip.Hit;

/**
 * An authentic application message, delivered once.
 *
 * @param from the sender's HIT
 * @param topic the application topic
 * @param messageId the sender's message id
 * @param payload the application bytes
 */
public record ReceivedMessage(Hit from, String topic, long messageId, byte[] payload) {
}
