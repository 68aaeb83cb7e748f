package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** ECHO_RESPONSE_UNSIGNED (63425, critical, may repeat): echoed opaque data outside the HIP_MAC (RFC 7401 §5.2.23). */
public final class EchoResponseUnsigned extends OpaqueParameter {
    /**
     * @param value the Contents, 0..2004 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public EchoResponseUnsigned(byte[] value) {
        super(HipConstants.ECHO_RESPONSE_UNSIGNED, value, 0, MAX_CONTENTS);
    }

    static EchoResponseUnsigned decode(ByteReader r) throws WireException {
        return new EchoResponseUnsigned(readAll(r, 0, MAX_CONTENTS, "ECHO_RESPONSE_UNSIGNED"));
    }

    /** @return a copy of the opaque */
    public byte[] opaque() {
        return contents();
    }
}
