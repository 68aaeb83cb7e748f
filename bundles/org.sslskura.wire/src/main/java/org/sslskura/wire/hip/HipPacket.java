package org.sslskura.wire.hip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * An immutable HIP packet: the 40-byte header of RFC 7401 §5.1 and its parameters in wire order. A value always
 * satisfies the wire rules: known packet type, parameters in ascending type order with no forbidden repetition
 * (RFC 7401 §5.2.1, decisions §1.5), at most 2048 bytes. {@link #encode()} writes Next Header 59, Header Length,
 * the fixed bits, version 2 and checksum 0 (decisions §3.2, §6.17).
 */
public final class HipPacket {
    private static final Set<Integer> PACKET_TYPES = Set.of(HipConstants.I1, HipConstants.R1, HipConstants.I2,
            HipConstants.R2, HipConstants.UPDATE, HipConstants.NOTIFY, HipConstants.CLOSE, HipConstants.CLOSE_ACK);
    private static final int TYPE_MASK = 0x7F;
    private static final int FIXED_BIT_BYTE2 = 0x80;

    private final int packetType;
    private final int controls;
    private final Hit senderHit;
    private final Hit receiverHit;
    private final List<HipParameter> parameters;

    /**
     * @param packetType one of the packet types of {@link HipConstants}
     * @param controls the 16-bit Controls field (0 in DEX)
     * @param senderHit the sender's HIT
     * @param receiverHit the receiver's HIT ({@link Hit#NULL} for an opportunistic I1)
     * @param parameters the parameters in ascending type order (copied); use {@link #builder} to sort them
     * @throws IllegalArgumentException on an unknown packet type, parameters out of order or repeated where not
     *         allowed, or a packet over 2048 bytes
     */
    public HipPacket(int packetType, int controls, Hit senderHit, Hit receiverHit,
            List<? extends HipParameter> parameters) {
        if (!PACKET_TYPES.contains(packetType)) {
            throw new IllegalArgumentException("unknown packet type " + packetType);
        }
        this.packetType = packetType;
        this.controls = Check.unsigned("controls", controls, 16);
        this.senderHit = Objects.requireNonNull(senderHit, "senderHit");
        this.receiverHit = Objects.requireNonNull(receiverHit, "receiverHit");
        this.parameters = List.copyOf(parameters);
        int previous = -1;
        for (HipParameter p : this.parameters) {
            WireException.Reason problem = HipParameters.orderProblem(previous, p.type());
            if (problem != null) {
                throw new IllegalArgumentException(problem + " at parameter type " + p.type());
            }
            previous = p.type();
        }
        if (encodedLength(this.parameters) > HipConstants.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("packet over " + HipConstants.MAX_PACKET_LENGTH + " bytes");
        }
    }

    /** @return a builder that sorts parameters stably by type */
    public static Builder builder(int packetType, Hit senderHit, Hit receiverHit) {
        return new Builder(packetType, senderHit, receiverHit);
    }

    /** @return the packet type (7 bits) */
    public int packetType() {
        return packetType;
    }

    /** @return the Controls field */
    public int controls() {
        return controls;
    }

    /** @return the sender's HIT */
    public Hit senderHit() {
        return senderHit;
    }

    /** @return the receiver's HIT */
    public Hit receiverHit() {
        return receiverHit;
    }

    /** @return the parameters in wire order (unmodifiable) */
    public List<HipParameter> parameters() {
        return parameters;
    }

    /** @return the first parameter of class {@code kind}, if any */
    public <T extends HipParameter> Optional<T> find(Class<T> kind) {
        return parameters.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** @return every parameter of class {@code kind}, in wire order */
    public <T extends HipParameter> List<T> findAll(Class<T> kind) {
        return parameters.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * @return the parameter of class {@code kind}
     * @throws WireException ({@link WireException.Reason#MISSING_PARAMETER}) if the packet has none
     */
    public <T extends HipParameter> T require(Class<T> kind) throws WireException {
        return find(kind).orElseThrow(() -> new WireException(WireException.Reason.MISSING_PARAMETER,
                kind.getSimpleName() + " in packet type " + packetType));
    }

    /** @return the number of bytes {@link #encode()} produces */
    public int encodedLength() {
        return encodedLength(parameters);
    }

    private static int encodedLength(List<HipParameter> params) {
        int n = HipConstants.HEADER_LENGTH;
        for (HipParameter p : params) {
            n += Tlv.encodedSize(p.contents().length);
        }
        return n;
    }

    /** @return the packet on the wire: header (checksum 0) and parameters with zero padding */
    public byte[] encode() {
        return encode(parameters);
    }

    /**
     * The HIP_MAC input of the sender (RFC 7401 §6.4.1, DEX-24 §6.2.1): the header and every parameter with a type
     * below HIP_MAC, Header Length as if the packet ended there, checksum 0. A receiver should use
     * {@link #macInput(byte[], int, int)} on the bytes it received instead.
     *
     * @return the bytes to CMAC
     */
    public byte[] macInput() {
        return encode(parameters.stream().filter(p -> p.type() < HipConstants.HIP_MAC).toList());
    }

    private byte[] encode(List<HipParameter> params) {
        int length = encodedLength(params);
        ByteWriter w = new ByteWriter(length);
        w.u8(HipConstants.NEXT_HEADER_NONE).u8(length / 8 - 1).u8(packetType).u8(HipConstants.VERSION_BYTE)
                .u16(0).u16(controls).bytes(senderHit.bytes()).bytes(receiverHit.bytes());
        for (HipParameter p : params) {
            Tlv.write(w, p);
        }
        return w.toByteArray();
    }

    /**
     * The HIP_MAC input of a received packet, taken from its bytes (padding and reserved header bits as received):
     * the bytes before the first parameter of type {@code >= HIP_MAC}, with Header Length set to match and the
     * checksum zeroed. Call it on a packet {@link #parse} accepted.
     *
     * @return the bytes to CMAC
     * @throws WireException if the TLV framing is broken
     */
    public static byte[] macInput(byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        r.skip(HipConstants.HEADER_LENGTH);
        int end = len;
        while (r.remaining() > 0) {
            int at = r.position() - off;
            int type = r.u16();
            int length = r.u16();
            if (type >= HipConstants.HIP_MAC) {
                end = at;
                break;
            }
            r.skip(length + Tlv.padding(length));
        }
        byte[] out = Arrays.copyOfRange(buf, off, off + end);
        out[1] = (byte) (end / 8 - 1);
        out[4] = 0;
        out[5] = 0;
        return out;
    }

    /**
     * Parses and validates a HIP packet: the buffer range must be exactly one packet (the MQTT payload).
     *
     * @return the packet, with typed parameters
     * @throws WireException on any violation of RFC 7401 §5.1-5.2 or decisions §6.17: wrong size or Header Length,
     *         Next Header not 59, fixed bits, version, unknown packet type, non-zero checksum, A bit, TLV framing,
     *         order, repetition, unknown critical parameter, malformed Contents
     */
    public static HipPacket parse(byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        if (len < HipConstants.HEADER_LENGTH) {
            throw new WireException(WireException.Reason.TRUNCATED, "packet of " + len + " bytes");
        }
        if (len > HipConstants.MAX_PACKET_LENGTH) {
            throw new WireException(WireException.Reason.TOO_LARGE, "packet of " + len + " bytes");
        }
        int packetType = HipHeaderRules.check(r, len);
        int controls = r.u16();
        if ((controls & HipConstants.CONTROL_ANONYMOUS) != 0) {
            throw new WireException(WireException.Reason.ANONYMOUS_BIT, "A control bit set");
        }
        Hit sender = Hit.read(r);
        Hit receiver = Hit.read(r);
        return new HipPacket(packetType, controls, sender, receiver, parseParameters(r));
    }

    private static List<HipParameter> parseParameters(ByteReader r) throws WireException {
        List<HipParameter> params = new ArrayList<>();
        int previous = -1;
        while (r.remaining() > 0) {
            int type = r.u16();
            int length = r.u16();
            if (length + Tlv.padding(length) > r.remaining()) {
                throw new WireException(WireException.Reason.BAD_LENGTH, "parameter " + type + " length " + length
                        + " exceeds the packet");
            }
            WireException.Reason problem = HipParameters.orderProblem(previous, type);
            if (problem != null) {
                throw new WireException(problem, "parameter type " + type + " after " + previous);
            }
            params.add(HipParameters.decode(type, r.slice(length)));
            r.skip(Tlv.padding(length));
            previous = type;
        }
        return params;
    }

    static boolean isKnownPacketType(int type) {
        return PACKET_TYPES.contains(type);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HipPacket)) {
            return false;
        }
        HipPacket p = (HipPacket) o;
        return packetType == p.packetType && controls == p.controls && senderHit.equals(p.senderHit)
                && receiverHit.equals(p.receiverHit) && parameters.equals(p.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packetType, controls, senderHit, receiverHit, parameters);
    }

    @Override
    public String toString() {
        return "HipPacket[type=" + packetType + ", controls=" + controls + ", " + senderHit + " -> " + receiverHit
                + ", " + parameters + "]";
    }

    /** Collects parameters in any order and sorts them stably by type. */
    public static final class Builder {
        private final int packetType;
        private final Hit senderHit;
        private final Hit receiverHit;
        private final List<HipParameter> parameters = new ArrayList<>();
        private int controls;

        private Builder(int packetType, Hit senderHit, Hit receiverHit) {
            this.packetType = packetType;
            this.senderHit = senderHit;
            this.receiverHit = receiverHit;
        }

        /** @return this, with the Controls field set */
        public Builder controls(int value) {
            this.controls = value;
            return this;
        }

        /** @return this, with {@code p} added; same-type parameters keep their order */
        public Builder add(HipParameter p) {
            parameters.add(Objects.requireNonNull(p, "parameter"));
            return this;
        }

        /**
         * @return the packet
         * @throws IllegalArgumentException as {@link HipPacket#HipPacket} does
         */
        public HipPacket build() {
            List<HipParameter> sorted = new ArrayList<>(parameters);
            sorted.sort(Comparator.comparingInt(HipParameter::type));
            return new HipPacket(packetType, controls, senderHit, receiverHit, sorted);
        }
    }
}
