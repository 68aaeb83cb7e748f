package org.sslskura.wire;

import java.util.Objects;

/**
 * The only exception the wire codecs throw on untrusted input. The packet or PDU that caused it must be dropped;
 * {@link #reason()} says why, for counters and debug logs. The message never contains more than a few
 * numbers (no payload bytes).
 */
public final class WireException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a buffer was rejected. */
    public enum Reason {
        /** Fewer bytes than a header, field or declared length needs. */
        TRUNCATED,
        /** A length field disagrees with the bytes present or with the structure's fixed size. */
        BAD_LENGTH,
        /** HIP parameters not in ascending type order (RFC 7401 §5.2.1). */
        OUT_OF_ORDER,
        /** A parameter type that may appear once appears again. */
        DUPLICATE,
        /** An unknown critical (odd) HIP parameter type (RFC 7401 §5.2.1). */
        UNKNOWN_CRITICAL,
        /** An unknown HIP packet type. */
        UNKNOWN_PACKET_TYPE,
        /** HIP version other than 2. */
        BAD_VERSION,
        /** A fixed bit of the HIP header has the wrong value (RFC 7401 §5.1). */
        BAD_FIXED_BIT,
        /** Next Header of the HIP header is not 59 (IPPROTO_NONE). */
        BAD_NEXT_HEADER,
        /** A HIP checksum other than 0 (decisions §6.17). */
        NONZERO_CHECKSUM,
        /** The HIP A (anonymous) control bit is set (G25). */
        ANONYMOUS_BIT,
        /** Larger than the format allows (HIP packet over 2048 bytes, list over its cap, topic over its cap). */
        TOO_LARGE,
        /** A field holds a value the format forbids. */
        BAD_VALUE,
        /** A mandatory field or parameter is absent. */
        MISSING_PARAMETER,
    }

    private final Reason reason;

    /**
     * @param reason why the input was rejected
     * @param detail a short description without attacker-controlled bytes
     */
    public WireException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /** @return why the input was rejected */
    public Reason reason() {
        return reason;
    }
}
