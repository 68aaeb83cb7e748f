package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** ECHO_REQUEST_UNSIGNED (63661, critical, may repeat): opaque data outside the HIP_MAC (RFC 7401 §5.2.21). */
public final class EchoRequestUnsigned extends OpaqueParameter {
    /**
     * @param value the Contents, 0..2004 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public EchoRequestUnsigned(byte[] value) {
        super(HipConstants.ECHO_REQUEST_UNSIGNED, value, 0, MAX_CONTENTS);
    }

    static EchoRequestUnsigned decode(ByteReader r) throws WireException {
        return new EchoRequestUnsigned(readAll(r, 0, MAX_CONTENTS, "ECHO_REQUEST_UNSIGNED"));
    }

    /** @return a copy of the opaque */
    public byte[] opaque() {
        return contents();
    }
}
