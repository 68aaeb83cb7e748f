package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** HIP_CIPHER (579, critical): 16-bit HIP cipher ids (RFC 7401 §5.2.8); DEX AES-128-CTR = 5. I2 carries exactly one. */
public final class HipCipher extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.HIP_CIPHER, "HIP_CIPHER", 2, false);

    private HipCipher(int prefix, int[] ids, boolean sending) {
        super(LAYOUT, prefix, ids, sending);
    }

    /**
     * @param ids 1..6 ids in preference order
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or an id that does not fit 16 bits
     */
    public static HipCipher of(int... ids) {
        return new HipCipher(0, ids, true);
    }

    static HipCipher decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (prefix, ids) -> new HipCipher(prefix, ids, false));
    }
}
