package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** I_NONCE (644, non-critical, PROVISIONAL): the Initiator nonce, exactly 32 bytes (G8); mandatory in I2/R2 (G10). */
public final class INonce extends OpaqueParameter {
    /**
     * @param value the Contents, exactly 32 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public INonce(byte[] value) {
        super(HipConstants.I_NONCE, value, HipConstants.I_NONCE_LENGTH, HipConstants.I_NONCE_LENGTH);
    }

    static INonce decode(ByteReader r) throws WireException {
        return new INonce(readAll(r, HipConstants.I_NONCE_LENGTH, HipConstants.I_NONCE_LENGTH, "I_NONCE"));
    }

    /** @return a copy of the nonce */
    public byte[] nonce() {
        return contents();
    }
}
