package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * SSE_FORMAT (4103, critical, PROVISIONAL): Reserved(16) || 16-bit SSE format ids 1 compact, 2 large, 3 extreme (SSLS-
 * HIP, S1). The Reserved field is sent 0 and kept as received.
 */
public final class SseFormatList extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.SSE_FORMAT, "SSE_FORMAT", 2, true);

    private SseFormatList(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 16 bits
     */
    public static SseFormatList of(int... ids) {
        return new SseFormatList(0, ids, true);
    }

    static SseFormatList decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new SseFormatList(prefix, ids, false));
    }
}
