package org.sslskura.keyexchange.dex;

/** The HIP association states (RFC 7401 §4.4.2, draft-ietf-hip-dex-24 §4.1.2). */
public enum DexState {
    /** No association. */
    UNASSOCIATED,
    /** We sent I1 and wait for R1. */
    I1_SENT,
    /** We sent I2 and wait for R2. */
    I2_SENT,
    /** We sent R2 and wait for the first authenticated traffic (or EC). */
    R2_SENT,
    /** Keys in use. */
    ESTABLISHED,
    /** We sent CLOSE and wait for CLOSE_ACK. */
    CLOSING,
    /** We answered a CLOSE; kept to answer retransmitted CLOSEs. */
    CLOSED,
    /** The exchange failed; held down before the association is forgotten. */
    E_FAILED
}
