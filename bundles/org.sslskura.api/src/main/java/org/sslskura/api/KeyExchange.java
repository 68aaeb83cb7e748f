package org.sslskura.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.sslskura.wire.hip.Hit;

/** HIP DEX key management toward peers: base exchange, rekey and close. */
@ProviderType
public interface KeyExchange {

    /**
     * Returns the established session with {@code peer}, or starts a base exchange (we are the Initiator).
     *
     * @return completes with the session, or exceptionally when the exchange fails within its retry budget
     */
    CompletionStage<SecureSession> connect(Hit peer);

    /** @return the current session with {@code peer}, if one is established */
    Optional<SecureSession> session(Hit peer);

    /**
     * Starts an UPDATE rekey that draws the next SA pair from KEYMAT. The current session stays usable until the
     * rekey completes.
     */
    CompletionStage<SecureSession> rekey(Hit peer);

    /**
     * Forgets the association with {@code peer} at once (its SAs are reported closed) and runs a new base exchange as
     * Initiator. For a peer that stopped answering on its SAs, for example after it restarted and lost them; a peer
     * that still holds the association replaces it when the new I2 verifies.
     */
    CompletionStage<SecureSession> reestablish(Hit peer);

    /** Closes the association with {@code peer} (CLOSE / CLOSE_ACK). */
    CompletionStage<Void> close(Hit peer);

    /**
     * Reports that an authenticated SSE PDU arrived from {@code peer} (the envelope calls this): the responder's
     * R2-SENT becomes ESTABLISHED, and the association's idle timer restarts.
     */
    void trafficSeen(Hit peer);

    /** Registers a listener for established, rekeyed, closed and failed events. */
    void addListener(KeyExchangeListener listener);

    /** Removes a listener. */
    void removeListener(KeyExchangeListener listener);

    /** @return counters of dropped packets and failures by reason, for monitoring */
    Map<String, Long> counters();
}
