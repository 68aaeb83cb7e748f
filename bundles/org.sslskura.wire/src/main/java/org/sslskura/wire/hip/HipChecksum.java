package org.sslskura.wire.hip;

/**
 * The HIP checksum of RFC 7401 §5.1.1: the Internet checksum (RFC 1071) over an IPv6 or IPv4 pseudo-header and the
 * HIP packet, with the packet's checksum field taken as 0. Over MQTT and UDP the checksum is 0 (decisions §6.17);
 * this is for raw-IP tooling and captures.
 */
public final class HipChecksum {
    private static final int CHECKSUM_OFFSET = 4;

    private HipChecksum() {
    }

    /**
     * IPv6 pseudo-header: source(16) || destination(16) || length(32) || 3 zero bytes || next header 139.
     *
     * @return the 16-bit checksum
     * @throws IllegalArgumentException on addresses that are not 16 bytes or a bad packet range
     */
    public static int ipv6(byte[] source, byte[] destination, byte[] packet, int off, int len) {
        checkAddress(source, 16);
        checkAddress(destination, 16);
        checkRange(packet, off, len);
        long sum = sum(source, 0, 16) + sum(destination, 0, 16);
        sum += (len >>> 16) + (len & 0xFFFF) + HipConstants.IP_PROTOCOL_HIP;
        return finish(sum + packetSum(packet, off, len));
    }

    /**
     * IPv4 pseudo-header: source(4) || destination(4) || zero || protocol 139 || length(16).
     *
     * @return the 16-bit checksum
     * @throws IllegalArgumentException on addresses that are not 4 bytes or a bad packet range
     */
    public static int ipv4(byte[] source, byte[] destination, byte[] packet, int off, int len) {
        checkAddress(source, 4);
        checkAddress(destination, 4);
        checkRange(packet, off, len);
        long sum = sum(source, 0, 4) + sum(destination, 0, 4) + HipConstants.IP_PROTOCOL_HIP + len;
        return finish(sum + packetSum(packet, off, len));
    }

    private static long packetSum(byte[] packet, int off, int len) {
        long sum = sum(packet, off, len);
        if (len >= CHECKSUM_OFFSET + 2) {
            sum -= (packet[off + CHECKSUM_OFFSET] & 0xFF) << 8 | packet[off + CHECKSUM_OFFSET + 1] & 0xFF;
        }
        return sum;
    }

    private static long sum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += (b[off + i] & 0xFF) << 8 | b[off + i + 1] & 0xFF;
        }
        if (len % 2 != 0) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        return sum;
    }

    private static int finish(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void checkAddress(byte[] a, int length) {
        if (a == null || a.length != length) {
            throw new IllegalArgumentException("address must be " + length + " bytes");
        }
    }

    private static void checkRange(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new IllegalArgumentException("packet range out of bounds");
        }
    }
}
