package org.sslskura.wire.internal;

/** Argument checks for the encoding (sending) side; a failure is the caller's bug. */
public final class Check {
    private Check() {
    }

    /**
     * @return {@code v} if {@code 0 <= v < 2^bits}
     * @throws IllegalArgumentException otherwise
     */
    public static long unsigned(String name, long v, int bits) {
        if (v < 0 || (bits < 63 && v >>> bits != 0)) {
            throw new IllegalArgumentException(name + " out of range for " + bits + " bits: " + v);
        }
        return v;
    }

    /** @return {@code v} if it fits {@code bits} unsigned bits (int version) */
    public static int unsigned(String name, int v, int bits) {
        return (int) unsigned(name, (long) v, bits);
    }

    /**
     * @return {@code b} if its length is in {@code [min, max]}
     * @throws IllegalArgumentException otherwise (also on null)
     */
    public static byte[] length(String name, byte[] b, int min, int max) {
        if (b == null || b.length < min || b.length > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + " bytes");
        }
        return b;
    }
}
