package org.sslskura.wire.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;
import org.sslskura.wire.WireException.Reason;

class SseAckTest {
    @Test
    void encode_knownLayout() {
        SseAck ack = new SseAck(List.of(SseAck.Entry.wholePdu(5),
                new SseAck.Entry(0xFFFFF, SseAck.Entry.bit(1) | SseAck.Entry.bit(30))));
        assertEquals("00000005" + "40000000" + "000fffff" + "40000002", Bytes.toHex(ack.encode(SseFormat.COMPACT)));
        assertEquals("0000000000000005" + "40000000" + "00000000000fffff" + "40000002",
                Bytes.toHex(ack.encode(SseFormat.EXTREME)));
        assertTrue(ack.entries().get(1).holds(30));
        assertFalse(ack.entries().get(1).holds(2));
    }

    @Test
    void parse_roundTrip_allFormats() throws WireException {
        SseAck ack = new SseAck(List.of(new SseAck.Entry(7, 0x7FFFFFFE)));
        for (SseFormat f : SseFormat.values()) {
            byte[] b = ack.encode(f);
            assertEquals(SseAck.entryLength(f), b.length);
            assertEquals(ack, SseAck.parse(f, b, 0, b.length));
        }
        SseAck max = new SseAck(Collections.nCopies(64, SseAck.Entry.wholePdu(1)));
        byte[] b = max.encode(SseFormat.LARGE);
        assertEquals(max, SseAck.parse(SseFormat.LARGE, b, 0, b.length));
    }

    @Test
    void parse_malformed_rejected() {
        assertReason(Reason.BAD_LENGTH, SseFormat.COMPACT, "");
        assertReason(Reason.BAD_LENGTH, SseFormat.COMPACT, "0000000140000000" + "00");
        assertReason(Reason.BAD_LENGTH, SseFormat.EXTREME, "0000000140000000");
        assertReason(Reason.BAD_LENGTH, SseFormat.LARGE, "0000000140000000".repeat(65));
        assertReason(Reason.BAD_VALUE, SseFormat.COMPACT, "0000000180000000");
        assertReason(Reason.BAD_VALUE, SseFormat.COMPACT, "0000000100000001");
        assertReason(Reason.BAD_VALUE, SseFormat.COMPACT, "0000000040000000");
        assertReason(Reason.BAD_VALUE, SseFormat.COMPACT, "0010000040000000");
        assertThrows(WireException.class, () -> SseAck.parse(null, new byte[8], 0, 8));
    }

    @Test
    void construct_invalid_refused() {
        assertThrows(IllegalArgumentException.class, () -> new SseAck(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new SseAck(Collections.nCopies(65, SseAck.Entry.wholePdu(1))));
        assertThrows(IllegalArgumentException.class, () -> new SseAck.Entry(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SseAck.Entry(1, 0x80000000));
        assertThrows(IllegalArgumentException.class, () -> new SseAck.Entry(0, 0x40000000));
        assertThrows(IllegalArgumentException.class, () -> SseAck.Entry.bit(0));
        assertThrows(IllegalArgumentException.class, () -> SseAck.Entry.bit(31));
        assertThrows(IllegalArgumentException.class,
                () -> new SseAck(List.of(SseAck.Entry.wholePdu(1 << 20))).encode(SseFormat.COMPACT));
    }

    private static void assertReason(Reason reason, SseFormat f, String hex) {
        byte[] b = Bytes.fromHex(hex);
        WireException e = assertThrows(WireException.class, () -> SseAck.parse(f, b, 0, b.length), hex);
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
