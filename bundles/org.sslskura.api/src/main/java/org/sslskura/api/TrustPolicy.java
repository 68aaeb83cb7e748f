package org.sslskura.api;

/** How an {@link IdentityStore} decides whether a peer's Host Identity may run a key exchange with us. */
public enum TrustPolicy {
    /** Only peers listed in the trusted-peer file or in configuration (the default). */
    ALLOWLIST,
    /** Any valid peer is accepted the first time and recorded; later, only a recorded HI is accepted for its HIT. */
    TRUST_ON_FIRST_USE
}
