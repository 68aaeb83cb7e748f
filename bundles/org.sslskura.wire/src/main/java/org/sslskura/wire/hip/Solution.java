package org.sslskura.wire.hip;

import java.util.Arrays;
import java.util.Objects;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * SOLUTION (321, critical): #K(8) || Reserved(8) || Opaque(16) || #I (16 bytes) || #J (16 bytes), 36 bytes
 * (RFC 7401 §5.2.5). #K, Opaque and #I echo the PUZZLE.
 */
public final class Solution implements HipParameter {
    private static final int LENGTH = 4 + 2 * HipConstants.RHASH_LENGTH;
    private final int k;
    private final int reserved;
    private final int opaque;
    private final byte[] i;
    private final byte[] j;

    /**
     * @param k the difficulty #K of the puzzle, 0..255
     * @param reserved the Reserved byte, sent 0, kept as received
     * @param opaque the Opaque field of the puzzle
     * @param i #I of the puzzle, 16 bytes (copied)
     * @param j the solution #J, 16 bytes (copied)
     * @throws IllegalArgumentException if a field does not fit
     */
    public Solution(int k, int reserved, int opaque, byte[] i, byte[] j) {
        this.k = Check.unsigned("K", k, 8);
        this.reserved = Check.unsigned("reserved", reserved, 8);
        this.opaque = Check.unsigned("opaque", opaque, 16);
        this.i = Check.length("#I", i, HipConstants.RHASH_LENGTH, HipConstants.RHASH_LENGTH).clone();
        this.j = Check.length("#J", j, HipConstants.RHASH_LENGTH, HipConstants.RHASH_LENGTH).clone();
    }

    /** @return the SOLUTION answering {@code puzzle} with {@code j}, Reserved 0 */
    public static Solution answering(Puzzle puzzle, byte[] j) {
        return new Solution(puzzle.k(), 0, puzzle.opaque(), puzzle.i(), j);
    }

    static Solution decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "SOLUTION");
        return new Solution(r.u8(), r.u8(), r.u16(), r.bytes(HipConstants.RHASH_LENGTH),
                r.bytes(HipConstants.RHASH_LENGTH));
    }

    /** @return #K */
    public int k() {
        return k;
    }

    /** @return the Reserved byte */
    public int reserved() {
        return reserved;
    }

    /** @return the Opaque field */
    public int opaque() {
        return opaque;
    }

    /** @return a copy of #I */
    public byte[] i() {
        return i.clone();
    }

    /** @return a copy of #J */
    public byte[] j() {
        return j.clone();
    }

    @Override
    public int type() {
        return HipConstants.SOLUTION;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u8(k).u8(reserved).u16(opaque).bytes(i).bytes(j).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Solution)) {
            return false;
        }
        Solution s = (Solution) o;
        return k == s.k && reserved == s.reserved && opaque == s.opaque && Arrays.equals(i, s.i)
                && Arrays.equals(j, s.j);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, reserved, opaque, Arrays.hashCode(i), Arrays.hashCode(j));
    }

    @Override
    public String toString() {
        return "SOLUTION[K=" + k + ", opaque=" + opaque + ", I=" + Bytes.toHex(i) + ", J=" + Bytes.toHex(j) + "]";
    }
}
