package org.sslskura.wire.hip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

class HitTest {
    @Test
    void fromHostIdentity_rfc7748Alice_matchesWorkedExample() {
        Hit hit = Samples.ALICE.hit();
        assertEquals("200100244dbdd676d8d0e7b5494e2228", hit.toHex());
        assertEquals("2001:24:4dbd:d676:d8d0:e7b5:494e:2228", hit.toIpv6());
        assertTrue(hit.hasOrchidPrefix());
        assertEquals(HipConstants.HIT_SUITE_DEX, hit.hitSuite());
    }

    @Test
    void fromHostIdentity_rfc7748Bob_matchesWorkedExample() {
        assertEquals("2001002437bd0ce6b977a28977cd274a", Samples.BOB.hit().toHex());
        assertEquals("2001:24:37bd:ce6:b977:a289:77cd:274a", Samples.BOB.hit().toIpv6());
    }

    @Test
    void fromHostIdentity_curveLabel5_givesAnotherHit() throws WireException {
        byte[] hi = Samples.ALICE.encode();
        hi[1] = (byte) HipConstants.CURVE_LABEL_X25519_ALT;
        HostIdentity label5 = HostIdentity.decode(ByteReader.of(hi, 0, hi.length));
        assertEquals(HipConstants.DH_GROUP_X25519, label5.group());
        assertEquals(5, label5.curveLabel());
        assertArrayEquals(hi, label5.encode());
        assertNotEquals(Samples.HIT_I, label5.hit());
        assertEquals("2001:24:4dbd:d676:d8d9:e7b5:494e:2228", label5.hit().toIpv6(), "protocol.md §5.8");
    }

    @Test
    void toIpv6_zeroRuns_compressedPerRfc5952() {
        assertEquals("::", Hit.NULL.toIpv6());
        assertEquals("2001:20::1", hit("20010020000000000000000000000001").toIpv6());
        assertEquals("::1:0:0:0:1", hit("00000000000000010000000000000001").toIpv6());
        assertEquals("1:0:1:0:1:0:1:0", hit("00010000000100000001000000010000").toIpv6());
        assertEquals("1::", hit("00010000000000000000000000000000").toIpv6());
        assertEquals("1::1:0:0:1", hit("00010000000000000001000000000001").toIpv6());
        assertEquals("1:0:0:1::1", hit("00010000000000010000000000000001").toIpv6());
        assertEquals("1::1:0:0:0", hit("00010000000000000001000000000000").toIpv6(), "tie: the first run");
    }

    @Test
    void parseHex_roundTripAndRejections() throws WireException {
        assertEquals(Samples.HIT_I, Hit.parseHex(Samples.HIT_I.toHex()));
        for (String bad : new String[] {"", "2001", Samples.HIT_I.toHex().toUpperCase(), Samples.HIT_I.toHex() + "0",
                "200100244dbdd676d8d0e7b5494e222g", "2001:24:4dbd:d676:d8d0:e7b5:494e"}) {
            WireException e = assertThrows(WireException.class, () -> Hit.parseHex(bad));
            assertEquals(WireException.Reason.BAD_VALUE, e.reason());
        }
        assertThrows(WireException.class, () -> Hit.parseHex(null));
    }

    @Test
    void compareTo_unsigned() {
        assertTrue(Samples.HIT_I.compareTo(Samples.HIT_R) > 0, "4dbd > 37bd: Alice holds the greater HIT");
        assertTrue(hit("80000000000000000000000000000000").compareTo(hit("7f000000000000000000000000000000")) > 0);
        assertTrue(Hit.NULL.isNull());
    }

    @Test
    void of_wrongLength_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Hit.of(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> Hit.of(null));
    }

    @Test
    void hostIdentity_wrongKeyLengthOrCurve_rejected() throws WireException {
        assertThrows(IllegalArgumentException.class, () -> HostIdentity.of(12, new byte[56]));
        assertThrows(IllegalArgumentException.class, () -> HostIdentity.of(5, new byte[32]));
        assertEquals(58, HostIdentity.of(13, new byte[56]).encode().length);
        byte[] x448 = new byte[58];
        x448[1] = 6;
        assertEquals(13, decode(x448).group());
        x448[1] = 7;
        assertEquals(WireException.Reason.BAD_VALUE, assertThrows(WireException.class, () -> decode(x448)).reason());
        byte[] shortKey = new byte[33];
        shortKey[1] = 12;
        assertEquals(WireException.Reason.BAD_LENGTH,
                assertThrows(WireException.class, () -> decode(shortKey)).reason());
    }

    private static HostIdentity decode(byte[] hi) throws WireException {
        return HostIdentity.decode(ByteReader.of(hi, 0, hi.length));
    }

    private static Hit hit(String hex) {
        return Hit.of(Bytes.fromHex(hex));
    }
}
