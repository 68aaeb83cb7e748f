package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * SEQ (385, critical): Update ID (uint32), 4 bytes (RFC 7401 §5.2.16).
 *
 * @param updateId the Update ID, 0..2^32-1
 */
public record Seq(long updateId) implements HipParameter {
    private static final int LENGTH = 4;

    /** @throws IllegalArgumentException if {@code updateId} does not fit 32 bits */
    public Seq {
        Check.unsigned("update id", updateId, 32);
    }

    static Seq decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "SEQ");
        return new Seq(r.u32());
    }

    @Override
    public int type() {
        return HipConstants.SEQ;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u32(updateId).toByteArray();
    }
}
