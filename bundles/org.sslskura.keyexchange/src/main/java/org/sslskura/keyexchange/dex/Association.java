package org.sslskura.keyexchange.dex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.sslskura.api.SecureSession;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/** The state kept for one peer HIT. Only the engine touches it, on one thread. */
final class Association {
    private static final int RECENT_NONCES = 8;

    final Hit peer;
    DexState state = DexState.UNASSOCIATED;
    /** Our role in the exchange that produced (or is producing) the keys. */
    boolean initiator;
    HostIdentity peerHi;
    Retransmission retransmission;
    /** A deadline without a packet: EC in R2-SENT, hold-down in E-FAILED and CLOSED. */
    long stateDeadline = Long.MAX_VALUE;
    long lastActivity;
    String lastPeerError;

    // Base exchange in progress (initiator side): one attempt per distinct R1 answered, oldest first.
    final List<I2Attempt> attempts = new ArrayList<>(2);
    /** R1s whose puzzle is being solved off the engine thread; they count toward the attempt limit. */
    final List<PuzzleJob> solving = new ArrayList<>(1);
    /** An I2_ACKNOWLEDGEMENT already postponed the retransmission of the current I2 (it is honoured once per I2). */
    boolean i2AckHonoured;

    // Keys.
    MasterKeys master;
    Keymat keymat;
    SecureSession session;
    int keymatIndex;
    /** The R2 the responder sends again for a retransmitted I2. */
    byte[] cachedR2;
    byte[] cachedI2;
    final Deque<byte[]> recentINonces = new ArrayDeque<>();

    // UPDATE.
    long nextUpdateId;
    long lastPeerUpdateId = -1;
    byte[] lastUpdateReply;
    Rekey rekey;

    // CLOSE.
    byte[] closeEcho;

    Association(Hit peer) {
        this.peer = peer;
    }

    /** Remembers the I_NONCE of an accepted I2, to refuse replays of it. */
    void rememberINonce(byte[] nonce) {
        if (recentINonces.size() == RECENT_NONCES) {
            recentINonces.removeFirst();
        }
        recentINonces.addLast(nonce.clone());
    }

    /** @return true if an I2 with this I_NONCE was accepted before */
    boolean seenINonce(byte[] nonce) {
        return recentINonces.stream().anyMatch(n -> Arrays.equals(n, nonce));
    }

    /**
     * Forgets the pending base-exchange attempts, wiping their keys except the Master Key SA in use ({@link #master}).
     *
     * @return the inbound SPIs the discarded attempts had reserved, to release
     */
    List<Integer> clearPending() {
        List<Integer> spis = new ArrayList<>();
        for (I2Attempt x : attempts) {
            if (x.master == master) {
                x.wipeExchangeValues();
            } else {
                x.destroy();
                spis.add(x.inboundSpi);
            }
        }
        attempts.clear();
        solving.forEach(PuzzleJob::wipe);
        solving.clear();
        retransmission = null;
        return spis;
    }

    /** Wipes every key and forgets the exchange. */
    void destroyKeys() {
        attempts.forEach(I2Attempt::destroy);
        attempts.clear();
        solving.forEach(PuzzleJob::wipe);
        solving.clear();
        retransmission = null;
        if (master != null) {
            master.close();
            master = null;
        }
        if (keymat != null) {
            keymat.close();
            keymat = null;
        }
        if (session != null) {
            session.outbound().destroy();
            session.inbound().destroy();
            session = null;
        }
        rekey = null;
        cachedR2 = null;
        cachedI2 = null;
    }

    /** UPDATE rekey state of one side (RFC 7402 §6.8–6.10 without DH; decisions §6.16). */
    static final class Rekey {
        Long ownUpdateId;
        int ownIndex = -1;
        int ownNewSpi;
        boolean ownAcked;
        int peerIndex = -1;
        long peerNewSpi;
        boolean requestedLocally;
    }
}
