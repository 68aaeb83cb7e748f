package org.sslskura.keyexchange.dex;

/** Why a received HIP packet was dropped; each drop is counted under {@link #counterName()}. */
public enum DropReason {
    /** Not a valid HIP packet (the codec's error). */
    MALFORMED,
    /** The receiver HIT is not ours (or NULL without opportunistic mode). */
    WRONG_RECEIVER_HIT,
    /** The sender HIT is not a DEX HIT (ORCHID prefix and HIT suite 4). */
    UNSUPPORTED_HIT_SUITE,
    /** The HIT in the header is not the fold of the HOST_ID. */
    HIT_MISMATCH,
    /** The peer's Host Identity is not trusted under the policy. */
    UNTRUSTED_HI,
    /** The peer's public key failed validation (wrong curve or length, small order, zero secret). */
    INVALID_PUBLIC_KEY,
    /** HIP_MAC missing or wrong. */
    BAD_HIP_MAC,
    /** SOLUTION does not solve the puzzle, or echoes a #I, #K or Opaque we did not issue. */
    BAD_PUZZLE_SOLUTION,
    /** The R1 generation of an I2 is neither the current nor the previous one. */
    EXPIRED_PUZZLE,
    /** R2 does not repeat the R1 offer lists byte for byte. */
    DOWNGRADE,
    /** An I2 already used to establish the current association. */
    REPLAYED_I2,
    /** The puzzle solution (#I, #J) was already used by this initiator in this R1 generation. */
    REUSED_SOLUTION,
    /** The initiator used up the solutions per R1 generation that may cost an ECDH (decisions §6.14). */
    SOLUTION_BUDGET,
    /** A mandatory parameter is absent or holds a value this profile forbids. */
    BAD_PARAMETERS,
    /** No offered suite, format or cipher is acceptable. */
    NO_ACCEPTABLE_PROPOSAL,
    /** The packet is not expected in the association's state (dropped silently by the rules). */
    UNEXPECTED,
    /** A crossing I1/I2 lost the HIT tie-break. */
    TIE_BREAK,
    /** The puzzle is harder than we agree to solve. */
    PUZZLE_TOO_HARD,
    /** An UPDATE or CLOSE repeated or out of sequence. */
    STALE_UPDATE;

    /** @return the counter name, e.g. {@code drop.bad-hip-mac} */
    public String counterName() {
        return "drop." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
