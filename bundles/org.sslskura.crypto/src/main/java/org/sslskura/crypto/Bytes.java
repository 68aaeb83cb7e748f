package org.sslskura.crypto;

import java.util.Arrays;

/** Byte helpers every primitive needs: constant-time comparison, wiping, bounds checks, hex. */
public final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    /**
     * Compares two ranges in time that depends only on {@code len}.
     *
     * @return true if the ranges are equal
     */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    /** Compares two arrays in time that depends only on their lengths. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return a.length == b.length && constantTimeEquals(a, 0, b, 0, a.length);
    }

    /** Overwrites secret bytes with zeros; null is ignored. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** @throws IllegalArgumentException unless {@code [off, off+len)} lies inside {@code a} */
    public static void checkRange(byte[] a, int off, int len) {
        if (a == null || off < 0 || len < 0 || off > a.length - len) {
            throw new IllegalArgumentException("range out of bounds");
        }
    }

    /** @return lowercase hex of the bytes */
    public static String toHex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * @param hex an even number of hex digits, spaces ignored
     * @return the bytes
     * @throws IllegalArgumentException on a non-hex character or an odd digit count
     */
    public static byte[] fromHex(String hex) {
        String s = hex.replace(" ", "");
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Writes {@code v} big-endian into 8 bytes at {@code off}. */
    public static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
