package org.sslskura.wire.sse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;
import org.sslskura.wire.WireException.Reason;

class SseHeaderTest {
    @Test
    void compact_knownLayout() throws WireException {
        SseHeader h = SseHeader.of(SseFormat.COMPACT, 0x123456, 0, false, 100, 1);
        assertEquals("1234560006400001", Bytes.toHex(h.aadBytes()));
        SseHeader ack = SseHeader.of(SseFormat.COMPACT, 0xFFFFFF, SseHeader.FRAG_ACK, true, 4095, 0xFFFFF);
        assertEquals("fffffff9ffffffff", Bytes.toHex(ack.aadBytes()));
        assertTrue(ack.isAck());
        assertEquals(ack, parse(SseFormat.COMPACT, "fffffff9ffffffff"));
    }

    @Test
    void large_knownLayout() throws WireException {
        SseHeader h = SseHeader.of(SseFormat.LARGE, 0xABCDEF, 3, true, 0x1000, 0x01020304);
        assertEquals("00abcdef" + "000000" + "19" + "00001000" + "01020304", Bytes.toHex(h.aadBytes()));
        assertEquals(3, h.frag());
        assertTrue(h.isFragment());
        assertTrue(h.compressed());
        assertEquals("00abcdef" + "000000" + "01" + "00001000" + "01020304", Bytes.toHex(h.fragmentAad()));
    }

    @Test
    void extreme_knownLayout() throws WireException {
        SseHeader h = SseHeader.of(SseFormat.EXTREME, 0xFFFFFFFFL, 0, false, 0xFFFFFFFFL, -1L);
        String hex = "ffffffff" + "000000" + "00" + "ffffffff" + "ffffffffffffffff";
        assertEquals(hex, Bytes.toHex(h.aadBytes()));
        assertEquals(h, parse(SseFormat.EXTREME, hex));
        assertEquals(-1L, parse(SseFormat.EXTREME, hex).seq());
    }

    @Test
    void reservedBits_ignoredButKeptInAad() throws WireException {
        SseHeader c = parse(SseFormat.COMPACT, "123456" + "1f" + "00100002");
        assertEquals(3, c.frag());
        assertTrue(c.compressed());
        assertEquals(3, c.reservedFlags());
        assertEquals("1234561f00100002", Bytes.toHex(c.aadBytes()));
        assertEquals("1234560700100002", Bytes.toHex(c.fragmentAad()));
        String large = "00abcdef" + "a5a5a5" + "06" + "00000010" + "00000002";
        SseHeader l = parse(SseFormat.LARGE, large);
        assertEquals(0, l.frag());
        assertFalse(l.compressed());
        assertEquals(large, Bytes.toHex(l.aadBytes()));
        assertEquals(large, Bytes.toHex(l.fragmentAad()));
        assertEquals("00abcdef" + "a5a5a5" + "f6" + "00000010" + "00000002", Bytes.toHex(l.withFrag(30).aadBytes()));
    }

    @Test
    void parse_truncatedOrZeroFields_rejected() {
        for (SseFormat f : SseFormat.values()) {
            byte[] ok = SseHeader.of(f, 0x10000, 0, false, 1, 1).aadBytes();
            assertReason(Reason.TRUNCATED, f, new byte[f.headerLength() - 1]);
            byte[] zeroSpi = ok.clone();
            zeroSpi[f == SseFormat.COMPACT ? 0 : 1] = 0;
            assertReason(Reason.BAD_VALUE, f, zeroSpi);
            byte[] zeroSeq = ok.clone();
            zeroSeq[zeroSeq.length - 1] = 0;
            assertReason(Reason.BAD_VALUE, f, zeroSeq);
        }
        assertThrows(WireException.class, () -> SseHeader.parse(null, new byte[20], 0, 20));
        assertThrows(WireException.class, () -> SseHeader.parse(SseFormat.COMPACT, new byte[8], 4, 8));
        assertThrows(WireException.class, () -> SseHeader.parse(SseFormat.COMPACT, null, 0, 8));
    }

    @Test
    void parse_payloadAfterHeader_ignored() throws WireException {
        SseHeader h = parse(SseFormat.COMPACT, "1234560006400001" + "deadbeef");
        assertEquals(100, h.length());
        assertEquals(1, h.seq());
    }

    @Test
    void of_outOfRange_refused() {
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.COMPACT, 0, 0, false, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SseHeader.of(SseFormat.COMPACT, 0x1000000, 0, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.COMPACT, 1, 0, false, 4096, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SseHeader.of(SseFormat.COMPACT, 1, 0, false, 1, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.COMPACT, 1, 32, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.COMPACT, 1, -1, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.LARGE, 1, 0, false, 1, 1L << 32));
        assertThrows(IllegalArgumentException.class,
                () -> SseHeader.of(SseFormat.LARGE, 1L << 32, 0, false, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.EXTREME, 1, 0, false, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> SseHeader.of(SseFormat.EXTREME, 1, 0, false, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> SseHeader.of(SseFormat.COMPACT, 1, 0, false, 1, 1).withFrag(32));
    }

    @Test
    void encode_intoCallerBuffer() {
        SseHeader h = SseHeader.of(SseFormat.LARGE, 0x010203, 0, false, 5, 9);
        byte[] out = new byte[20];
        assertEquals(16, h.encode(out, 2));
        assertArrayEquals(h.aadBytes(), java.util.Arrays.copyOfRange(out, 2, 18));
        assertThrows(IllegalArgumentException.class, () -> h.encode(out, 5));
        assertThrows(IllegalArgumentException.class, () -> h.encode(out, -1));
    }

    @Test
    void peekSpi_demultiplexesByFirstByte() throws WireException {
        byte[] compact = SseHeader.of(SseFormat.COMPACT, 0x123456, 0, false, 1, 1).aadBytes();
        byte[] large = SseHeader.of(SseFormat.LARGE, 0x123456, 0, false, 1, 1).aadBytes();
        byte[] extreme = SseHeader.of(SseFormat.EXTREME, 0x123456, 0, false, 1, 1).aadBytes();
        assertTrue(SseFormat.isCompact(compact[0]));
        assertFalse(SseFormat.isCompact(large[0]));
        assertFalse(SseFormat.isCompact(extreme[0]));
        assertEquals(0x123456, SseHeader.peekSpi(compact, 0, compact.length));
        assertEquals(0x123456, SseHeader.peekSpi(large, 0, large.length));
        assertEquals(0x123456, SseHeader.peekSpi(extreme, 0, extreme.length));
        assertThrows(WireException.class, () -> SseHeader.peekSpi(compact, 0, 7));
    }

    @Test
    void format_ids_andLimits() {
        assertEquals(SseFormat.COMPACT, SseFormat.fromId(1).orElseThrow());
        assertEquals(SseFormat.LARGE, SseFormat.fromId(2).orElseThrow());
        assertEquals(SseFormat.EXTREME, SseFormat.fromId(3).orElseThrow());
        assertTrue(SseFormat.fromId(0).isEmpty());
        assertEquals(4095, SseFormat.COMPACT.maxLength());
        assertEquals((1 << 20) - 1, SseFormat.COMPACT.maxSeq());
        assertEquals(0xFFFFFFFFL, SseFormat.LARGE.maxSeq());
        assertEquals(-1L, SseFormat.EXTREME.maxSeq());
        assertEquals(8, SseFormat.COMPACT.headerLength());
        assertEquals(16, SseFormat.LARGE.headerLength());
        assertEquals(20, SseFormat.EXTREME.headerLength());
    }

    private static SseHeader parse(SseFormat f, String hex) throws WireException {
        byte[] b = Bytes.fromHex(hex);
        return SseHeader.parse(f, b, 0, b.length);
    }

    private static void assertReason(Reason reason, SseFormat f, byte[] b) {
        WireException e = assertThrows(WireException.class, () -> SseHeader.parse(f, b, 0, b.length));
        assertEquals(reason, e.reason(), f + ": " + e.getMessage());
    }
}
