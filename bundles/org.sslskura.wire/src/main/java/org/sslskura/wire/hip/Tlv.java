package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;

/** TLV framing helpers shared by the packet codec and the parameter classes (RFC 7401 §5.2.1). */
final class Tlv {
    /** Type and Length fields. */
    static final int TL_LENGTH = 4;

    private Tlv() {
    }

    /** @return the zero padding after Contents of {@code length} bytes: 4 + length + padding is a multiple of 8 */
    static int padding(int length) {
        return (8 - (TL_LENGTH + length) % 8) % 8;
    }

    /** @return the on-wire size of a parameter with Contents of {@code length} bytes */
    static int encodedSize(int length) {
        return TL_LENGTH + length + padding(length);
    }

    /** Writes Type, Length, Contents and zero padding. */
    static void write(ByteWriter w, HipParameter p) {
        byte[] c = p.contents();
        w.u16(p.type()).u16(c.length).bytes(c).zeros(padding(c.length));
    }

    /** @throws WireException ({@link WireException.Reason#BAD_LENGTH}) unless exactly {@code n} bytes remain */
    static void requireLength(ByteReader r, int n, String name) throws WireException {
        if (r.remaining() != n) {
            throw new WireException(WireException.Reason.BAD_LENGTH, name + " length " + r.remaining() + " != " + n);
        }
    }

    /** @throws WireException ({@link WireException.Reason#BAD_LENGTH}) unless min..max bytes remain */
    static void requireLength(ByteReader r, int min, int max, String name) throws WireException {
        if (r.remaining() < min || r.remaining() > max) {
            throw new WireException(WireException.Reason.BAD_LENGTH, name + " length " + r.remaining()
                    + " not in " + min + ".." + max);
        }
    }

    /** @return the number of {@code width}-byte entries left; at least one and no partial entry */
    static int entries(ByteReader r, int width, String name) throws WireException {
        if (r.remaining() == 0 || r.remaining() % width != 0) {
            throw new WireException(WireException.Reason.BAD_LENGTH, name + " length " + r.remaining()
                    + " is not a non-zero multiple of " + width);
        }
        return r.remaining() / width;
    }
}
