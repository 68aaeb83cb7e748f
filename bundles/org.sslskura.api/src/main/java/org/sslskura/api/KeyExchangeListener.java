package org.sslskura.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.sslskura.wire.hip.Hit;

/** Receives key exchange events. Called on the key exchange's own thread: return quickly. */
@ConsumerType
public interface KeyExchangeListener {

    /** A base exchange completed: install the session's SAs. */
    default void established(SecureSession session) {
    }

    /** A rekey completed: install the new SAs; the previous ones may be retired once traffic uses the new ones. */
    default void rekeyed(SecureSession previous, SecureSession current) {
    }

    /** The association with {@code peer} was closed; its SAs must be destroyed. */
    default void closed(Hit peer) {
    }

    /** An exchange with {@code peer} failed; {@code reason} names the cause without secret data. */
    default void failed(Hit peer, String reason) {
    }
}
