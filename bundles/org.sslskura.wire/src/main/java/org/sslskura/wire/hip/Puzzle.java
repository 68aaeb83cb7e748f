package org.sslskura.wire.hip;

import java.util.Arrays;
import java.util.Objects;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * PUZZLE (257, critical): #K(8) || Lifetime(8) || Opaque(16) || Random #I (16 bytes), 20 bytes for RHASH = AES-CMAC
 * (RFC 7401 §5.2.4; DEX-24 §6.1). The puzzle is valid for 2^(Lifetime-32) seconds.
 */
public final class Puzzle implements HipParameter {
    private static final int LENGTH = 4 + HipConstants.RHASH_LENGTH;
    private final int k;
    private final int lifetime;
    private final int opaque;
    private final byte[] i;

    /**
     * @param k the difficulty #K, 0..255
     * @param lifetime the lifetime exponent, 0..255
     * @param opaque the 16-bit Opaque field (decisions §6.14: low 16 bits of the generation)
     * @param i the random #I, 16 bytes (copied)
     * @throws IllegalArgumentException if a field does not fit
     */
    public Puzzle(int k, int lifetime, int opaque, byte[] i) {
        this.k = Check.unsigned("K", k, 8);
        this.lifetime = Check.unsigned("lifetime", lifetime, 8);
        this.opaque = Check.unsigned("opaque", opaque, 16);
        this.i = Check.length("#I", i, HipConstants.RHASH_LENGTH, HipConstants.RHASH_LENGTH).clone();
    }

    static Puzzle decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "PUZZLE");
        return new Puzzle(r.u8(), r.u8(), r.u16(), r.bytes(HipConstants.RHASH_LENGTH));
    }

    /** @return #K */
    public int k() {
        return k;
    }

    /** @return the lifetime exponent */
    public int lifetime() {
        return lifetime;
    }

    /** @return the Opaque field */
    public int opaque() {
        return opaque;
    }

    /** @return a copy of #I */
    public byte[] i() {
        return i.clone();
    }

    @Override
    public int type() {
        return HipConstants.PUZZLE;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u8(k).u8(lifetime).u16(opaque).bytes(i).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Puzzle)) {
            return false;
        }
        Puzzle p = (Puzzle) o;
        return k == p.k && lifetime == p.lifetime && opaque == p.opaque && Arrays.equals(i, p.i);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, lifetime, opaque, Arrays.hashCode(i));
    }

    @Override
    public String toString() {
        return "PUZZLE[K=" + k + ", lifetime=" + lifetime + ", opaque=" + opaque + ", I=" + Bytes.toHex(i) + "]";
    }
}
