package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * SSE_TRANSFORM (4101, critical, PROVISIONAL): Reserved(16) || 16-bit SSE suite ids (SSLS-HIP, S1). The Reserved field
 * is sent 0 and kept as received.
 */
public final class SseTransform extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.SSE_TRANSFORM, "SSE_TRANSFORM", 2, true);

    private SseTransform(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 16 bits
     */
    public static SseTransform of(int... ids) {
        return new SseTransform(0, ids, true);
    }

    static SseTransform decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new SseTransform(prefix, ids, false));
    }
}
