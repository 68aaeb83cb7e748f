package org.sslskura.wire.hip;

import java.util.Arrays;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * Base of the parameters whose Contents is one opaque byte string with length bounds (ENCRYPTED_KEY, I_NONCE,
 * HIP_MAC, the ECHO parameters, unknown non-critical parameters). Equality is by class, type and bytes.
 */
public abstract class OpaqueParameter implements HipParameter {
    /** Largest Contents that fits a packet with no other parameter. */
    static final int MAX_CONTENTS = HipConstants.MAX_PARAMETERS_LENGTH - Tlv.TL_LENGTH;

    private final int type;
    private final byte[] value;

    /**
     * @param type the parameter type
     * @param value the Contents (copied)
     * @param min the smallest allowed length
     * @param max the largest allowed length
     * @throws IllegalArgumentException if the length is outside [min, max]
     */
    OpaqueParameter(int type, byte[] value, int min, int max) {
        if (value == null || value.length < min || value.length > max) {
            throw new IllegalArgumentException("parameter " + type + " needs " + min + ".." + max + " bytes");
        }
        this.type = type;
        this.value = value.clone();
    }

    /** Reads all remaining bytes after checking they number {@code min..max}. */
    static byte[] readAll(ByteReader r, int min, int max, String name) throws WireException {
        Tlv.requireLength(r, min, max, name);
        return r.bytes(r.remaining());
    }

    @Override
    public final int type() {
        return type;
    }

    @Override
    public final byte[] contents() {
        return value.clone();
    }

    /** @return the Contents length */
    public final int length() {
        return value.length;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && type == ((OpaqueParameter) o).type
                && Arrays.equals(value, ((OpaqueParameter) o).value);
    }

    @Override
    public final int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[type=" + type + ", " + value.length + " bytes]";
    }
}
