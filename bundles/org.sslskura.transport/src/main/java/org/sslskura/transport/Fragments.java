package org.sslskura.transport;

import java.util.ArrayList;
import java.util.List;
import org.sslskura.api.SealedPdu;
import org.sslskura.wire.sse.SseFormat;

/** Splits a sealed PDU into fragments (decisions 2.8, 6.8): seal once, split ciphertext || ICV. */
final class Fragments {
    private Fragments() {
    }

    /** @return the index of the FLAGS byte in a header of {@code format} */
    static int flagsOffset(SseFormat format) {
        return format == SseFormat.COMPACT ? 3 : 7;
    }

    /**
     * @param fragmentSize the agreed fragment size (0 = off)
     * @return the PDU itself when it fits, else fragments 1..n, each header || piece
     */
    static List<byte[]> split(SealedPdu pdu, int fragmentSize) {
        byte[] bytes = pdu.bytes();
        if (fragmentSize == 0 || bytes.length <= fragmentSize) {
            return List.of(bytes);
        }
        int header = pdu.headerLength();
        int piece = fragmentSize - header;
        int body = bytes.length - header;
        int n = (body + piece - 1) / piece;
        int flagsAt = flagsOffset(pdu.format());
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            int from = header + (i - 1) * piece;
            int len = Math.min(piece, bytes.length - from);
            byte[] f = new byte[header + len];
            System.arraycopy(bytes, 0, f, 0, header);
            f[flagsAt] = (byte) ((i << 3) | (bytes[flagsAt] & 0x07));
            System.arraycopy(bytes, from, f, header, len);
            out.add(f);
        }
        return out;
    }

    /** @return the bitmap with bits 1..n set (a complete PDU of n fragments; n = 1 for an unfragmented PDU) */
    static int fullBitmap(int n) {
        int bits = 0;
        for (int i = 1; i <= n; i++) {
            bits |= 1 << (31 - i);
        }
        return bits;
    }
}
