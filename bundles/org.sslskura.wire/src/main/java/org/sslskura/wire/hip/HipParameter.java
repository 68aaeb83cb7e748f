package org.sslskura.wire.hip;

/**
 * One HIP parameter (TLV, RFC 7401 §5.2.1): a 16-bit type whose lowest bit is the critical bit, and the Contents
 * bytes. Implementations are immutable and represent their Contents losslessly (reserved fields included), so that
 * {@link #contents()} of a received parameter equals the bytes received and R2 can be compared with R1 byte for byte.
 * {@link HipParameters#decode} turns Contents into the typed implementation.
 */
public interface HipParameter {
    /** @return the parameter type */
    int type();

    /** @return a fresh copy of the Contents (without Type, Length and padding) */
    byte[] contents();

    /** @return true if the type is odd (critical) */
    default boolean isCritical() {
        return (type() & 1) != 0;
    }
}
