package org.sslskura.keyexchange.dex;

import org.sslskura.api.SecureSession;
import org.sslskura.wire.hip.Hit;

/** What a {@link DexEngine} step asks its caller to do or report. */
public sealed interface DexEvent {

    /** Send {@code packet} (an encoded HIP packet) to the peer with HIT {@code to}. */
    record Send(Hit to, byte[] packet) implements DexEvent {
    }

    /**
     * Solve {@code job} off the engine thread ({@link PuzzleJob#solve}) and hand the answer to
     * {@link DexEngine#puzzleSolved}; the caller bounds how many run at once and answers null for one it refuses.
     */
    record Solve(PuzzleJob job) implements DexEvent {
    }

    /** A base exchange completed. */
    record Established(SecureSession session) implements DexEvent {
    }

    /** A rekey completed. */
    record Rekeyed(SecureSession previous, SecureSession current) implements DexEvent {
    }

    /** The association with {@code peer} was closed. */
    record Closed(Hit peer) implements DexEvent {
    }

    /** An exchange with {@code peer} failed. */
    record Failed(Hit peer, String reason) implements DexEvent {
    }
}
