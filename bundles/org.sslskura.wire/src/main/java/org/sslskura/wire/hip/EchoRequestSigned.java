package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** ECHO_REQUEST_SIGNED (897, critical): opaque data covered by the HIP_MAC, to be echoed (RFC 7401 §5.2.20). */
public final class EchoRequestSigned extends OpaqueParameter {
    /**
     * @param value the Contents, 0..2004 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public EchoRequestSigned(byte[] value) {
        super(HipConstants.ECHO_REQUEST_SIGNED, value, 0, MAX_CONTENTS);
    }

    static EchoRequestSigned decode(ByteReader r) throws WireException {
        return new EchoRequestSigned(readAll(r, 0, MAX_CONTENTS, "ECHO_REQUEST_SIGNED"));
    }

    /** @return a copy of the opaque */
    public byte[] opaque() {
        return contents();
    }
}
