package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * TRANSPORT_FORMAT_LIST (2049, critical): 16-bit TF types = parameter types of transport parameters (RFC 7401
 * §5.2.11); SSE = 4101 (G23).
 */
public final class TransportFormatList extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.TRANSPORT_FORMAT_LIST,
            "TRANSPORT_FORMAT_LIST", 2, false);

    private TransportFormatList(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 16 bits
     */
    public static TransportFormatList of(int... ids) {
        return new TransportFormatList(0, ids, true);
    }

    static TransportFormatList decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new TransportFormatList(prefix, ids, false));
    }
}
