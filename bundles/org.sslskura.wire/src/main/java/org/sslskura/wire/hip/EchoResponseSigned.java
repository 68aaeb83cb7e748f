package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** ECHO_RESPONSE_SIGNED (961, critical): the opaque data of an ECHO_REQUEST_SIGNED, copied (RFC 7401 §5.2.22). */
public final class EchoResponseSigned extends OpaqueParameter {
    /**
     * @param value the Contents, 0..2004 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public EchoResponseSigned(byte[] value) {
        super(HipConstants.ECHO_RESPONSE_SIGNED, value, 0, MAX_CONTENTS);
    }

    static EchoResponseSigned decode(ByteReader r) throws WireException {
        return new EchoResponseSigned(readAll(r, 0, MAX_CONTENTS, "ECHO_RESPONSE_SIGNED"));
    }

    /** @return a copy of the opaque */
    public byte[] opaque() {
        return contents();
    }
}
