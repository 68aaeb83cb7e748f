package org.sslskura.wire.hip;

import java.util.Arrays;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.Fold;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * A Host Identity Tag: 16 bytes, immutable. Ordered as an unsigned 128-bit number (the "greater HIT" of DEX key
 * derivation). A DEX HIT is {@code 2001:002 (28 bits) || OGA 4 (4 bits) || FOLD(ContextID || HI, 96)}
 * (decisions §1.3; DEX-24 §3.2).
 */
public final class Hit implements Comparable<Hit> {
    /** The all-zero (NULL) HIT of an opportunistic I1. */
    public static final Hit NULL = new Hit(new byte[HipConstants.HIT_LENGTH]);

    private static final byte[] CONTEXT_ID = Bytes.fromHex(HipConstants.ORCHID_CONTEXT_ID_HEX);
    private static final int FOLD_BITS = 96;

    private final byte[] bytes;

    private Hit(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes exactly 16 bytes (copied)
     * @return the HIT
     * @throws IllegalArgumentException on another length
     */
    public static Hit of(byte[] bytes) {
        if (bytes == null || bytes.length != HipConstants.HIT_LENGTH) {
            throw new IllegalArgumentException("a HIT is 16 bytes");
        }
        return new Hit(bytes.clone());
    }

    /** @return the next 16 bytes of {@code r} as a HIT */
    public static Hit read(ByteReader r) throws WireException {
        return new Hit(r.bytes(HipConstants.HIT_LENGTH));
    }

    /**
     * Parses the topic form of a HIT (decisions §3.1).
     *
     * @param hex exactly 32 lowercase hex digits, no separators
     * @return the HIT
     * @throws WireException ({@link WireException.Reason#BAD_VALUE}) on anything else
     */
    public static Hit parseHex(String hex) throws WireException {
        if (hex == null || hex.length() != 2 * HipConstants.HIT_LENGTH) {
            throw new WireException(WireException.Reason.BAD_VALUE, "a HIT is 32 hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new WireException(WireException.Reason.BAD_VALUE, "HIT digit " + i + " is not lowercase hex");
            }
        }
        return new Hit(Bytes.fromHex(hex));
    }

    /**
     * Derives the DEX HIT of a Host Identity.
     *
     * @param hi the Host Identity field exactly as sent or received: curve (2 bytes, big-endian) || raw public key
     * @return {@code 2001:002 || 4 || FOLD(ContextID || hi, 96)}
     */
    public static Hit fromHostIdentity(byte[] hi) {
        byte[] input = new byte[CONTEXT_ID.length + hi.length];
        System.arraycopy(CONTEXT_ID, 0, input, 0, CONTEXT_ID.length);
        System.arraycopy(hi, 0, input, CONTEXT_ID.length, hi.length);
        byte[] folded = Fold.fold(input, FOLD_BITS);
        byte[] out = new byte[HipConstants.HIT_LENGTH];
        int head = HipConstants.ORCHID_PREFIX << 4 | HipConstants.HIT_SUITE_DEX;
        out[0] = (byte) (head >>> 24);
        out[1] = (byte) (head >>> 16);
        out[2] = (byte) (head >>> 8);
        out[3] = (byte) head;
        System.arraycopy(folded, 0, out, 4, folded.length);
        return new Hit(out);
    }

    /** @return a copy of the 16 bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return true for the all-zero HIT */
    public boolean isNull() {
        return equals(NULL);
    }

    /** @return true if the first 28 bits are the ORCHIDv2 prefix 2001:20::/28 */
    public boolean hasOrchidPrefix() {
        int head = (bytes[0] & 0xFF) << 20 | (bytes[1] & 0xFF) << 12 | (bytes[2] & 0xFF) << 4 | (bytes[3] & 0xF0) >>> 4;
        return head == HipConstants.ORCHID_PREFIX;
    }

    /** @return the OGA / HIT suite nibble (bits 28..31) */
    public int hitSuite() {
        return bytes[3] & 0x0F;
    }

    /** @return 32 lowercase hex digits (the topic form) */
    public String toHex() {
        return Bytes.toHex(bytes);
    }

    /** @return the IPv6 text form in RFC 5952 canonical style, e.g. {@code 2001:24:4dbd:d676:d8d0:e7b5:494e:2228} */
    public String toIpv6() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Hit o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hit && Arrays.equals(bytes, ((Hit) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toIpv6();
    }
}
