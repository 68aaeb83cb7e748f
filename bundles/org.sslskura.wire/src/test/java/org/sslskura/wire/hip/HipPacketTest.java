package org.sslskura.wire.hip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;

/** Known layouts, sizes, the RFC 7401 App. C checksum and the HIP_MAC input. */
class HipPacketTest {
    private static final Hit HIT_1 = Hit.of(Bytes.fromHex("20010020000000000000000000000001"));
    private static final Hit HIT_2 = Hit.of(Bytes.fromHex("20010020000000000000000000000002"));

    /** RFC 7401 App. C: I1 with DH_GROUP_LIST {3, 4, 8}, 2001:20::1 to 2001:20::2. */
    private static byte[] appendixCI1() {
        return new HipPacket(HipConstants.I1, 0, HIT_1, HIT_2, List.of(DhGroupList.of(3, 4, 8))).encode();
    }

    @Test
    void encode_appendixCI1_exactBytes() {
        assertEquals("3b05012100000000" + "20010020000000000000000000000001" + "20010020000000000000000000000002"
                + "01ff0003030408" + "00", Bytes.toHex(appendixCI1()));
    }

    @Test
    void checksum_appendixCIpv6_is1a5e() {
        byte[] p = appendixCI1();
        byte[] src = Bytes.fromHex("20010db8000000000000000000000001");
        byte[] dst = Bytes.fromHex("20010db8000000000000000000000002");
        assertEquals(0x1a5e, HipChecksum.ipv6(src, dst, p, 0, p.length));
        p[4] = 0x1a;
        p[5] = 0x5e;
        assertEquals(0x1a5e, HipChecksum.ipv6(src, dst, p, 0, p.length), "the checksum field is taken as 0");
    }

    @Test
    void checksum_appendixCIpv4_isF1ce() {
        byte[] p = appendixCI1();
        assertEquals(0xf1ce, HipChecksum.ipv4(Bytes.fromHex("c0000201"), Bytes.fromHex("c0000202"), p, 0, p.length));
    }

    @Test
    void parse_withChecksumSet_rejectedAsNonZeroChecksum() {
        byte[] p = appendixCI1();
        p[4] = 0x1a;
        p[5] = 0x5e;
        assertReason(WireException.Reason.NONZERO_CHECKSUM, p);
    }

    @Test
    void encode_dexPackets_haveProtocolSizes() {
        assertEquals(48, Samples.i1().encode().length);
        assertEquals(160 + 8 + 8, Samples.r1().encode().length, "R1 160 + TRANSPORT_FORMAT_LIST + SSE_TRANSFORM");
        assertEquals(248 + 8, Samples.i2().encode().length, "I2 248 + SSE_TRANSFORM");
        assertEquals(160, Samples.r2().encode().length);
        assertEquals(96, Samples.update().encode().length);
        Hit i = Samples.HIT_I;
        Hit r = Samples.HIT_R;
        assertEquals(48, HipPacket.builder(HipConstants.NOTIFY, i, r)
                .add(Notification.of(HipConstants.NOTIFY_INVALID_SYNTAX, new byte[0])).build().encode().length);
        assertEquals(56, HipPacket.builder(HipConstants.NOTIFY, i, r)
                .add(Notification.of(HipConstants.NOTIFY_I2_ACKNOWLEDGEMENT, new byte[2])).build().encode().length);
        assertEquals(80, HipPacket.builder(HipConstants.CLOSE, i, r).add(new EchoRequestSigned(new byte[8]))
                .add(new HipMac(new byte[16])).build().encode().length);
        assertEquals(80, HipPacket.builder(HipConstants.CLOSE_ACK, i, r).add(new EchoResponseSigned(new byte[8]))
                .add(new HipMac(new byte[16])).build().encode().length);
    }

    @Test
    void encode_hostIdOfAlice_exactBytes() {
        byte[] wire = HipPacket.builder(HipConstants.NOTIFY, Samples.HIT_I, Samples.HIT_R)
                .add(HostId.of(Samples.ALICE)).build().encode();
        assertEquals(88, wire.length);
        assertEquals("02c10028" + "00220000000b" + "000c" + Bytes.toHex(Samples.ALICE_PUB) + "00000000",
                Bytes.toHex(Arrays.copyOfRange(wire, 40, 88)));
    }

    @Test
    void parse_samples_roundTrip() throws WireException {
        for (HipPacket p : List.of(Samples.i1(), Samples.r1(), Samples.i2(), Samples.r2(), Samples.update(),
                Samples.fullI2())) {
            byte[] wire = p.encode();
            assertEquals(p, HipPacket.parse(wire, 0, wire.length));
            byte[] framed = new byte[wire.length + 7];
            System.arraycopy(wire, 0, framed, 3, wire.length);
            assertEquals(p, HipPacket.parse(framed, 3, wire.length));
        }
    }

    @Test
    void parse_headerFields() throws WireException {
        byte[] wire = Samples.r1().encode();
        HipPacket p = HipPacket.parse(wire, 0, wire.length);
        assertEquals(HipConstants.R1, p.packetType());
        assertEquals(Samples.HIT_R, p.senderHit());
        assertEquals(Samples.HIT_I, p.receiverHit());
        assertEquals(59, wire[0]);
        assertEquals(wire.length / 8 - 1, wire[1] & 0xFF);
        assertEquals(0x21, wire[3]);
        assertEquals(Samples.HIT_R, p.require(HostId.class).hostIdentity().hit());
        assertEquals(WireException.Reason.MISSING_PARAMETER,
                assertThrows(WireException.class, () -> p.require(Solution.class)).reason());
    }

    @Test
    void builder_sortsStablyByType() {
        HipPacket p = Samples.fullI2();
        int previous = -1;
        for (HipParameter param : p.parameters()) {
            assertTrue(param.type() >= previous);
            previous = param.type();
        }
        List<EchoResponseUnsigned> echoes = p.findAll(EchoResponseUnsigned.class);
        assertArrayEquals(Samples.seq(1, 5), echoes.get(0).opaque());
        assertArrayEquals(Samples.seq(9, 3), echoes.get(1).opaque());
    }

    @Test
    void constructor_outOfOrderOrDuplicateOrOversize_refused() {
        Hit i = Samples.HIT_I;
        Hit r = Samples.HIT_R;
        assertThrows(IllegalArgumentException.class, () -> new HipPacket(HipConstants.I2, 0, i, r,
                List.of(new HipMac(new byte[16]), new Seq(1))));
        assertThrows(IllegalArgumentException.class, () -> new HipPacket(HipConstants.UPDATE, 0, i, r,
                List.of(new Seq(1), new Seq(2))));
        assertThrows(IllegalArgumentException.class, () -> new HipPacket(HipConstants.UPDATE, 0, i, r,
                List.of(new EchoRequestUnsigned(new byte[2000]), new EchoRequestUnsigned(new byte[8]))));
        assertThrows(IllegalArgumentException.class, () -> new HipPacket(99, 0, i, r, List.of()));
        assertEquals(2048, new HipPacket(HipConstants.UPDATE, 0, i, r,
                List.of(new EchoRequestUnsigned(new byte[2004]))).encode().length);
    }

    @Test
    void macInput_sender_coversParametersBelowHipMac() throws WireException {
        HipPacket p = Samples.fullI2();
        byte[] mac = p.macInput();
        List<HipParameter> below = p.parameters().stream().filter(x -> x.type() < HipConstants.HIP_MAC).toList();
        byte[] expected = new HipPacket(p.packetType(), 0, p.senderHit(), p.receiverHit(), below).encode();
        assertArrayEquals(expected, mac);
        assertEquals(mac.length / 8 - 1, mac[1] & 0xFF);
        byte[] wire = p.encode();
        assertArrayEquals(mac, HipPacket.macInput(wire, 0, wire.length));
        assertTrue(wire.length > mac.length);
    }

    @Test
    void macInput_receiver_keepsReceivedPaddingAndZeroesChecksum() throws WireException {
        byte[] wire = Samples.i1().encode();
        wire[47] = 0x55;
        wire[4] = 1;
        byte[] mac = HipPacket.macInput(wire, 0, wire.length);
        assertEquals(0x55, mac[47]);
        assertEquals(0, mac[4]);
        assertEquals(5, mac[1]);
    }

    @Test
    void parse_duplicateAllowedTypes_accepted() throws WireException {
        HipPacket p = HipPacket.builder(HipConstants.NOTIFY, Samples.HIT_I, Samples.HIT_R)
                .add(Notification.of(7, new byte[0])).add(Notification.of(16384, new byte[] {1, 2})).build();
        byte[] wire = p.encode();
        assertEquals(2, HipPacket.parse(wire, 0, wire.length).findAll(Notification.class).size());
    }

    @Test
    void lists_cutToSixOnReceipt_rawBytesKept() throws WireException {
        byte[] contents = Bytes.fromHex("0000" + "000b000a000c000d000e000f0010");
        SseTransform t = (SseTransform) HipParameters.decode(HipConstants.SSE_TRANSFORM, contents, 0,
                contents.length);
        assertArrayEquals(new int[] {11, 10, 12, 13, 14, 15}, t.ids());
        assertEquals(7, t.allIds().length);
        assertArrayEquals(contents, t.contents());
        assertTrue(t.offers(15));
        assertTrue(!t.offers(16));
        assertThrows(IllegalArgumentException.class, () -> SseTransform.of(1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void reservedFields_keptAsReceived() throws WireException {
        byte[] contents = Bytes.fromHex("abcd" + "000b");
        HipParameter t = HipParameters.decode(HipConstants.SSE_FORMAT, contents, 0, contents.length);
        assertArrayEquals(contents, t.contents());
        assertTrue(!t.equals(SseFormatList.of(11)));
    }

    static void assertReason(WireException.Reason reason, byte[] wire) {
        WireException e = assertThrows(WireException.class, () -> HipPacket.parse(wire, 0, wire.length),
                () -> "expected " + reason + " for " + Bytes.toHex(Arrays.copyOf(wire, Math.min(wire.length, 64))));
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
