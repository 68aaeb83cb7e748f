package org.sslskura.wire.hip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.wire.hip.HipPacketTest.assertReason;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;
import org.sslskura.wire.WireException.Reason;

/** Every rule of RFC 7401 §5.1-5.2 and decisions §6.17 that parse enforces, one violation at a time. */
class HipPacketMalformedTest {

    /** A header for {@code params} (a multiple of 8 bytes) with a correct Header Length. */
    private static byte[] withParams(String paramsHex) {
        byte[] params = Bytes.fromHex(paramsHex);
        byte[] header = Arrays.copyOf(Samples.i1().encode(), HipConstants.HEADER_LENGTH);
        byte[] out = Arrays.copyOf(header, header.length + params.length);
        System.arraycopy(params, 0, out, header.length, params.length);
        out[1] = (byte) (out.length / 8 - 1);
        return out;
    }

    @Test
    void parse_everyTruncation_rejected() {
        for (HipPacket p : List.of(Samples.i1(), Samples.r1(), Samples.fullI2())) {
            byte[] wire = p.encode();
            for (int n = 0; n < wire.length; n++) {
                int len = n;
                WireException e = assertThrows(WireException.class, () -> HipPacket.parse(wire, 0, len));
                assertTrue(e.reason() == Reason.TRUNCATED || e.reason() == Reason.BAD_LENGTH, e.getMessage());
            }
        }
    }

    @Test
    void parse_rangeOutsideBuffer_rejected() {
        byte[] wire = Samples.i1().encode();
        assertEquals(Reason.TRUNCATED, assertThrows(WireException.class,
                () -> HipPacket.parse(wire, 1, wire.length)).reason());
        assertThrows(WireException.class, () -> HipPacket.parse(wire, -1, 8));
        assertThrows(WireException.class, () -> HipPacket.parse(null, 0, 48));
    }

    @Test
    void parse_badHeaderLength_rejected() {
        byte[] wire = Samples.r1().encode();
        for (int delta : new int[] {-1, 1, -wire[1] & 0xFF, 255 - (wire[1] & 0xFF)}) {
            byte[] bad = wire.clone();
            bad[1] = (byte) ((wire[1] & 0xFF) + delta);
            assertReason(Reason.BAD_LENGTH, bad);
        }
    }

    @Test
    void parse_oversize_rejected() {
        byte[] big = Arrays.copyOf(Samples.i1().encode(), 2056);
        big[1] = (byte) 0xFF;
        assertReason(Reason.TOO_LARGE, big);
    }

    @Test
    void parse_maximumSize_accepted() throws WireException {
        byte[] max = new HipPacket(HipConstants.UPDATE, 0, Samples.HIT_I, Samples.HIT_R,
                List.of(new UnknownParameter(40000, new byte[2004]))).encode();
        assertEquals(2048, max.length);
        assertEquals(1, HipPacket.parse(max, 0, max.length).parameters().size());
    }

    @Test
    void parse_headerFixedFields_enforced() {
        byte[] wire = Samples.i1().encode();
        assertReason(Reason.BAD_NEXT_HEADER, patch(wire, 0, 6));
        assertReason(Reason.BAD_FIXED_BIT, patch(wire, 2, 0x81));
        assertReason(Reason.UNKNOWN_PACKET_TYPE, patch(wire, 2, 5));
        assertReason(Reason.UNKNOWN_PACKET_TYPE, patch(wire, 2, 0));
        assertReason(Reason.BAD_VERSION, patch(wire, 3, 0x11));
        assertReason(Reason.BAD_VERSION, patch(wire, 3, 0x31));
        assertReason(Reason.BAD_FIXED_BIT, patch(wire, 3, 0x20));
        assertReason(Reason.NONZERO_CHECKSUM, patch(wire, 5, 1));
        assertReason(Reason.ANONYMOUS_BIT, patch(wire, 7, 1));
    }

    @Test
    void parse_reservedHeaderBitsAndOtherControls_ignored() throws WireException {
        byte[] wire = patch(patch(Samples.i1().encode(), 3, 0x2F), 6, 0x80);
        HipPacket p = HipPacket.parse(wire, 0, wire.length);
        assertEquals(0x8000, p.controls());
    }

    @Test
    void parse_tlvLengthBeyondPacket_rejected() {
        assertReason(Reason.BAD_LENGTH, withParams("01ff0005030408" + "00"));
        assertReason(Reason.BAD_LENGTH, withParams("01ffffff030408" + "00"));
    }

    @Test
    void parse_lengthNotMultipleOf8_rejected() {
        byte[] wire = withParams("01ff0003030408" + "00" + "0181000400000001");
        byte[] cut = Arrays.copyOf(wire, wire.length - 4);
        cut[1] = (byte) (cut.length / 8 - 1);
        assertReasonWhy(Reason.BAD_LENGTH, cut, "not a multiple of 8");
    }

    @Test
    void parse_outOfOrder_rejected() {
        assertReason(Reason.OUT_OF_ORDER, withParams("0243000200050000" + "01ff000103" + "000000"));
        assertReason(Reason.OUT_OF_ORDER, withParams("f0410010" + "00".repeat(16) + "00000000" + "0181000400000001"));
    }

    @Test
    void parse_duplicateNotAllowed_rejected() {
        assertReason(Reason.DUPLICATE, withParams("0181000400000001" + "0181000400000002"));
        assertReason(Reason.DUPLICATE, withParams("01ff000103" + "000000" + "01ff000104" + "000000"));
    }

    @Test
    void parse_unknownCritical_rejected() {
        assertReasonWhy(Reason.UNKNOWN_CRITICAL, withParams("0041000c" + "00".repeat(12)), "ESP_INFO");
        assertReason(Reason.UNKNOWN_CRITICAL, withParams("9c410000" + "00000000"));
    }

    @Test
    void parse_unknownNonCritical_keptAndIgnored() throws WireException {
        byte[] wire = withParams("01ff000103" + "000000" + "9c40000301020300" + "9c40000000000000");
        HipPacket p = HipPacket.parse(wire, 0, wire.length);
        assertEquals(3, p.parameters().size());
        assertEquals(2, p.findAll(UnknownParameter.class).size());
        assertEquals(1, p.require(DhGroupList.class).ids().length);
    }

    @Test
    void parse_nonZeroPadding_notChecked() throws WireException {
        byte[] wire = withParams("01ff000103" + "ffffff");
        assertEquals(1, HipPacket.parse(wire, 0, wire.length).parameters().size());
    }

    @Test
    void parse_parameterContentsOfWrongLength_rejected() {
        String[][] cases = {
            // type, contents hex: each one byte too short or too long, or otherwise malformed
            {"0043", "00".repeat(11)}, {"0043", "00".repeat(13)}, // SSE_INFO 12
            {"0044", "0101"}, {"0044", "010100"}, {"0044", "01010002ff"}, // GPCOMP_INFO CPI + 2n, n >= 1
            {"0046", "000000"}, {"0046", "0000002f"}, // SSLS_INFO 4, fragment size 0 or >= 48
            {"0081", "00".repeat(11)}, {"0081", "00".repeat(13)}, // R1_COUNTER 12
            {"0101", "00".repeat(19)}, {"0101", "00".repeat(21)}, // PUZZLE 20
            {"0141", "00".repeat(35)}, {"0141", "00".repeat(37)}, // SOLUTION 36
            {"0181", "000000"}, {"0181", "0000000000"}, // SEQ 4
            {"01c1", ""}, {"01c1", "000000000000"}, // ACK 4n, n >= 1
            {"01ff", ""}, // DH_GROUP_LIST n >= 1
            {"0243", ""}, {"0243", "000500"}, // HIP_CIPHER 2n
            {"0283", "00".repeat(7)}, {"0283", "00".repeat(33)}, // ENCRYPTED_KEY 8..32
            {"0284", "00".repeat(31)}, {"0284", "00".repeat(33)}, // I_NONCE 32
            {"02cb", ""}, // HIT_SUITE_LIST
            {"0340", "000000"}, // NOTIFICATION >= 4
            {"0801", "10"}, // TRANSPORT_FORMAT_LIST
            {"1005", "0000"}, {"1005", "0000000b00"}, // SSE_TRANSFORM reserved + 2n
            {"1007", ""}, // SSE_FORMAT
            {"f041", "00".repeat(15)}, {"f041", "00".repeat(17)}, // HIP_MAC 16
        };
        for (String[] c : cases) {
            int len = c[1].length() / 2;
            String tlv = c[0] + String.format("%04x", len) + c[1] + "00".repeat((8 - (4 + len) % 8) % 8);
            byte[] wire = withParams(tlv);
            WireException e = assertThrows(WireException.class, () -> HipPacket.parse(wire, 0, wire.length),
                    "type " + c[0] + " contents " + c[1]);
            assertTrue(e.reason() == Reason.BAD_LENGTH || e.reason() == Reason.BAD_VALUE,
                    c[0] + ": " + e.getMessage());
        }
    }

    @Test
    void parse_hostIdMalformed_rejected() {
        String hi = "000c" + Bytes.toHex(Samples.ALICE_PUB);
        assertHostId(Reason.BAD_LENGTH, "0023" + "0000" + "000b" + hi + "00"); // HI length says 35, 34 present
        assertHostId(Reason.BAD_LENGTH, "0022" + "0001" + "000b" + hi); // DI length 1 absent
        assertHostId(Reason.BAD_VALUE, "0022" + "0000" + "0007" + hi); // algorithm ECDSA
        assertHostId(Reason.BAD_VALUE, "0022" + "0000" + "000b" + "000e" + hi.substring(4)); // curve 14
        assertHostId(Reason.BAD_LENGTH, "0021" + "0000" + "000b" + hi.substring(0, hi.length() - 2)); // 31-byte key
        assertHostId(Reason.BAD_LENGTH, "0000" + "00"); // shorter than the fixed part
    }

    @Test
    void parse_hostIdWithDomainIdentifier_kept() throws WireException {
        String hi = "000c" + Bytes.toHex(Samples.ALICE_PUB);
        String contents = "0022" + "2003" + "000b" + hi + "616263";
        byte[] c = Bytes.fromHex(contents);
        HostId h = (HostId) HipParameters.decode(HipConstants.HOST_ID, c, 0, c.length);
        assertEquals(2, h.diType());
        assertEquals("abc", new String(h.domainIdentifier(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(contents, Bytes.toHex(h.contents()));
        assertEquals(Samples.HIT_I, Hit.fromHostIdentity(h.hiBytes()));
    }

    private static void assertHostId(Reason reason, String contents) {
        byte[] c = Bytes.fromHex(contents);
        WireException e = assertThrows(WireException.class,
                () -> HipParameters.decode(HipConstants.HOST_ID, c, 0, c.length), contents);
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private static void assertReasonWhy(Reason reason, byte[] wire, String why) {
        WireException e = assertThrows(WireException.class, () -> HipPacket.parse(wire, 0, wire.length), why);
        assertEquals(reason, e.reason(), why + ": " + e.getMessage());
    }

    private static byte[] patch(byte[] wire, int index, int value) {
        byte[] out = wire.clone();
        out[index] = (byte) value;
        return out;
    }
}
