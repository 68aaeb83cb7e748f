package org.sslskura.identity;

/**
 * Strict hex decoding for the identity files: ASCII digits and letters only (either case), exact length. Unlike
 * {@code Bytes.fromHex} it ignores no characters and accepts no non-ASCII digits, and it decodes from a byte range so
 * that a private key never passes through a {@link String}.
 */
final class Hex {
    private Hex() {
    }

    /**
     * @param src ASCII bytes
     * @param off first hex digit
     * @param len number of hex digits
     * @param expectedBytes required decoded length
     * @return the decoded bytes, or null if the range is not exactly {@code 2 * expectedBytes} hex digits
     */
    static byte[] decode(byte[] src, int off, int len, int expectedBytes) {
        if (len != 2 * expectedBytes) {
            return null;
        }
        byte[] out = new byte[expectedBytes];
        for (int i = 0; i < expectedBytes; i++) {
            int hi = digit(src[off + 2 * i]);
            int lo = digit(src[off + 2 * i + 1]);
            if (hi < 0 || lo < 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** @return the decoded bytes of {@code s}, or null unless it is an even number of ASCII hex digits */
    static byte[] decode(String s) {
        if (s.length() % 2 != 0) {
            return null;
        }
        byte[] ascii = new byte[s.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = s.charAt(i);
            if (c > 0x7F) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        return decode(ascii, 0, ascii.length, ascii.length / 2);
    }

    /** Writes lowercase hex of {@code b} into {@code dst} at {@code off} (no String is created). */
    static void encodeInto(byte[] b, byte[] dst, int off) {
        final byte[] digits = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
        for (int i = 0; i < b.length; i++) {
            dst[off + 2 * i] = digits[(b[i] >> 4) & 0xF];
            dst[off + 2 * i + 1] = digits[b[i] & 0xF];
        }
    }

    private static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
