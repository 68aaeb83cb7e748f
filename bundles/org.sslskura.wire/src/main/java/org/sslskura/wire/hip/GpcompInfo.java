package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * GPCOMP_INFO (68, non-critical, PROVISIONAL): CPI(16) || 16-bit compression ids (S3, decisions §6.11). R1 offers
 * CPI || [2]; I2 carries it to select DEFLATE; R2 repeats the R1 value byte for byte.
 */
public final class GpcompInfo extends IdListParameter {
    private static final Layout LAYOUT = new Layout(HipConstants.GPCOMP_INFO, "GPCOMP_INFO", 2, true);

    private GpcompInfo(int cpi, int[] ids, boolean sending) {
        super(LAYOUT, cpi, ids, sending);
    }

    /**
     * @param cpi the 16-bit compression parameter index naming the association (informational)
     * @param ids 1..6 compression ids, e.g. {@link HipConstants#GPCOMP_DEFLATE}
     * @return the parameter to send
     * @throws IllegalArgumentException on an empty or too long list or a value that does not fit 16 bits
     */
    public static GpcompInfo of(int cpi, int... ids) {
        return new GpcompInfo(cpi, ids, true);
    }

    static GpcompInfo decode(ByteReader r) throws WireException {
        return decode(r, LAYOUT, (cpi, ids) -> new GpcompInfo(cpi, ids, false));
    }

    /** @return the CPI */
    public int cpi() {
        return prefix();
    }
}
