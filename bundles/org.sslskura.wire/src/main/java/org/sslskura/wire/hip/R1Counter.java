package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * R1_COUNTER (129, critical): Reserved(32) || R1 generation counter (uint64), 12 bytes (RFC 7401 §5.2.3). R1 always
 * carries it and I2 echoes it verbatim (decisions §6.13).
 *
 * @param reserved the Reserved field, sent 0, kept as received
 * @param counter the generation counter, an unsigned 64-bit value
 */
public record R1Counter(long reserved, long counter) implements HipParameter {
    private static final int LENGTH = 12;

    /** @throws IllegalArgumentException if {@code reserved} does not fit 32 bits */
    public R1Counter {
        Check.unsigned("reserved", reserved, 32);
    }

    /** @return an R1_COUNTER to send, Reserved 0 */
    public static R1Counter of(long counter) {
        return new R1Counter(0, counter);
    }

    static R1Counter decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "R1_COUNTER");
        return new R1Counter(r.u32(), r.u64());
    }

    @Override
    public int type() {
        return HipConstants.R1_COUNTER;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u32(reserved).u64(counter).toByteArray();
    }
}
