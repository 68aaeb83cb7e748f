package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** HIP_MAC (61505, critical): the 16-byte AES-CMAC of the packet up to this parameter (DEX-24 §6.2, G11). */
public final class HipMac extends OpaqueParameter {
    /**
     * @param value the Contents, exactly 16 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public HipMac(byte[] value) {
        super(HipConstants.HIP_MAC, value, HipConstants.RHASH_LENGTH, HipConstants.RHASH_LENGTH);
    }

    static HipMac decode(ByteReader r) throws WireException {
        return new HipMac(readAll(r, HipConstants.RHASH_LENGTH, HipConstants.RHASH_LENGTH, "HIP_MAC"));
    }

    /** @return a copy of the mac */
    public byte[] mac() {
        return contents();
    }
}
