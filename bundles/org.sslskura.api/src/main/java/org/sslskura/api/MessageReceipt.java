package org.sslskura.api;

import org.sslskura.wire.hip.Hit;

/**
 * Proof of delivery of one message.
 *
 * @param messageId the 64-bit message id the sender assigned
 * @param peer the peer that acknowledged it (for {@link SecureMessaging#sendToCollectors}: the last one)
 */
public record MessageReceipt(long messageId, Hit peer) {
}
