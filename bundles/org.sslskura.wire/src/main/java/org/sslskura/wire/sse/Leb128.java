package org.sslskura.wire.sse;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** Unsigned LEB128 for small non-negative ints: 7 bits per byte, least significant group first, high bit = more. */
final class Leb128 {
    private Leb128() {
    }

    /** @return the encoded size of {@code v >= 0} */
    static int size(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code v >= 0} at {@code off}; returns the offset after it. */
    static int write(int v, byte[] out, int off) {
        while (v >= 0x80) {
            out[off++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        out[off++] = (byte) v;
        return off;
    }

    /**
     * Reads a minimally encoded value not above {@code max}.
     *
     * @throws WireException TRUNCATED, TOO_LARGE above {@code max}, BAD_VALUE for a non-minimal encoding
     */
    static int read(ByteReader r, int max) throws WireException {
        int maxBytes = size(max);
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = r.u8();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireException(WireException.Reason.BAD_VALUE, "non-minimal varint");
                }
                if (value > max) {
                    throw new WireException(WireException.Reason.TOO_LARGE, "varint " + value + " > " + max);
                }
                return (int) value;
            }
        }
        throw new WireException(WireException.Reason.TOO_LARGE, "varint longer than " + maxBytes + " bytes");
    }
}
