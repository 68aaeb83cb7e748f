package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * DH_GROUP_LIST (511, critical): 8-bit DH group ids in preference order (RFC 7401 §5.2.6); DEX groups 12 (X25519) and
 * 13 (X448).
 */
public final class DhGroupList extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.DH_GROUP_LIST, "DH_GROUP_LIST", 1, false);

    private DhGroupList(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 8 bits
     */
    public static DhGroupList of(int... ids) {
        return new DhGroupList(0, ids, true);
    }

    static DhGroupList decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new DhGroupList(prefix, ids, false));
    }
}
