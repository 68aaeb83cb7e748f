package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * A parameter of a type this codec does not know. Received only for non-critical (even) types, which are kept but
 * carry no meaning (RFC 7401 §5.2.1); an unknown critical type drops the packet instead. Building one with an odd
 * type is possible, for tests and tools that need to produce such packets.
 */
public final class UnknownParameter extends OpaqueParameter {
    /**
     * @param type a type that {@link HipParameters#isKnown(int)} does not know
     * @param value the Contents (copied)
     * @throws IllegalArgumentException for a known type or out-of-range values
     */
    public UnknownParameter(int type, byte[] value) {
        super(checkType(type), value, 0, MAX_CONTENTS);
    }

    private static int checkType(int type) {
        if (type < 0 || type > 0xFFFF || HipParameters.isKnown(type)) {
            throw new IllegalArgumentException("type " + type + " is known or out of range");
        }
        return type;
    }

    static UnknownParameter decode(int type, ByteReader r) throws WireException {
        return new UnknownParameter(type, readAll(r, 0, MAX_CONTENTS, "unknown parameter"));
    }
}
