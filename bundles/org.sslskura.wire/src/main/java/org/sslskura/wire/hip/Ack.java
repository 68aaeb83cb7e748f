package org.sslskura.wire.hip;

import java.util.Arrays;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/** ACK (449, critical): one or more peer Update IDs (uint32 each), 4·n bytes (RFC 7401 §5.2.17). Not cut on receipt. */
public final class Ack implements HipParameter {
    private static final int WIDTH = 4;
    private final long[] updateIds;

    private Ack(long[] updateIds) {
        this.updateIds = updateIds;
    }

    /**
     * @param updateIds one or more Update IDs, each 0..2^32-1
     * @return the parameter
     * @throws IllegalArgumentException on an empty list or a value that does not fit 32 bits
     */
    public static Ack of(long... updateIds) {
        if (updateIds == null || updateIds.length == 0 || updateIds.length > OpaqueParameter.MAX_CONTENTS / WIDTH) {
            throw new IllegalArgumentException("ACK needs at least one Update ID");
        }
        for (long id : updateIds) {
            Check.unsigned("update id", id, 32);
        }
        return new Ack(updateIds.clone());
    }

    static Ack decode(ByteReader r) throws WireException {
        long[] ids = new long[Tlv.entries(r, WIDTH, "ACK")];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.u32();
        }
        return new Ack(ids);
    }

    /** @return a copy of the acknowledged Update IDs */
    public long[] updateIds() {
        return updateIds.clone();
    }

    @Override
    public int type() {
        return HipConstants.ACK;
    }

    @Override
    public byte[] contents() {
        ByteWriter w = new ByteWriter(updateIds.length * WIDTH);
        for (long id : updateIds) {
            w.u32(id);
        }
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ack && Arrays.equals(updateIds, ((Ack) o).updateIds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(updateIds);
    }

    @Override
    public String toString() {
        return "ACK" + Arrays.toString(updateIds);
    }
}
