package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** HIT_SUITE_LIST (715, critical): 8-bit HIT suite ids, suite in the high nibble (RFC 7401 §5.2.10); DEX = 0x40. */
public final class HitSuiteList extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.HIT_SUITE_LIST, "HIT_SUITE_LIST", 1, false);

    private HitSuiteList(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 8 bits
     */
    public static HitSuiteList of(int... ids) {
        return new HitSuiteList(0, ids, true);
    }

    static HitSuiteList decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new HitSuiteList(prefix, ids, false));
    }
}
