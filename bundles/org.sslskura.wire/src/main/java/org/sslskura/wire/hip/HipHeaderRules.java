package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/** Checks of the first 6 header bytes of a received HIP packet (RFC 7401 §5.1, decisions §6.17). */
final class HipHeaderRules {
    private HipHeaderRules() {
    }

    /**
     * Reads Next Header, Header Length, the type byte, the version byte and the checksum.
     *
     * @param r a reader at the start of the packet
     * @param len the packet length
     * @return the packet type
     */
    static int check(ByteReader r, int len) throws WireException {
        int nextHeader = r.u8();
        if (nextHeader != HipConstants.NEXT_HEADER_NONE) {
            throw new WireException(WireException.Reason.BAD_NEXT_HEADER, "next header " + nextHeader);
        }
        int headerLength = r.u8();
        if ((headerLength + 1) * 8 != len) {
            throw new WireException(WireException.Reason.BAD_LENGTH, "Header Length " + headerLength + " for "
                    + len + " bytes");
        }
        int typeByte = r.u8();
        if ((typeByte & 0x80) != 0) {
            throw new WireException(WireException.Reason.BAD_FIXED_BIT, "byte 2 bit 7 set");
        }
        if (!HipPacket.isKnownPacketType(typeByte)) {
            throw new WireException(WireException.Reason.UNKNOWN_PACKET_TYPE, "packet type " + typeByte);
        }
        int versionByte = r.u8();
        if (versionByte >>> 4 != HipConstants.VERSION) {
            throw new WireException(WireException.Reason.BAD_VERSION, "version " + (versionByte >>> 4));
        }
        if ((versionByte & 1) != 1) {
            throw new WireException(WireException.Reason.BAD_FIXED_BIT, "byte 3 bit 0 clear");
        }
        if (r.u16() != 0) {
            throw new WireException(WireException.Reason.NONZERO_CHECKSUM, "checksum not 0");
        }
        return typeByte;
    }
}
