package org.sslskura.wire.sse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;
import org.sslskura.wire.WireException.Reason;

class ChunkAndInnerMessageTest {
    @Test
    void chunkHeader_everyByte() throws WireException {
        for (int b = 0; b < 256; b++) {
            byte v = (byte) b;
            if ((b & 0x3F) == 0) {
                ChunkHeader h = ChunkHeader.parse(v);
                assertEquals(v, h.encode());
                assertEquals((b & 0x80) != 0, h.first());
                assertEquals((b & 0x40) != 0, h.last());
            } else {
                assertEquals(Reason.BAD_VALUE, assertThrows(WireException.class, () -> ChunkHeader.parse(v)).reason());
            }
        }
        assertEquals((byte) 0xC0, ChunkHeader.WHOLE.encode());
    }

    @Test
    void innerMessage_knownLayout() throws WireException {
        InnerMessage m = InnerMessage.of("a/b", 1, new byte[] {'x'});
        assertEquals("03" + "612f62" + "0000000000000001" + "78", Bytes.toHex(m.encode()));
        byte[] b = m.encode();
        assertEquals(m, InnerMessage.parse(b, 0, b.length));
        InnerMessage noBody = InnerMessage.of("t", -1L, new byte[0]);
        assertEquals("01" + "74" + "ffffffffffffffff", Bytes.toHex(noBody.encode()));
    }

    @Test
    void innerMessage_varintBoundaries() throws WireException {
        assertEquals("7f", Bytes.toHex(InnerMessage.of("a".repeat(127), 0, new byte[0]).encode()).substring(0, 2));
        assertEquals("8001", Bytes.toHex(InnerMessage.of("a".repeat(128), 0, new byte[0]).encode()).substring(0, 4));
        InnerMessage max = InnerMessage.of("b".repeat(65535), 9, new byte[] {1});
        byte[] b = max.encode();
        assertEquals("ffff03", Bytes.toHex(b).substring(0, 6));
        assertEquals(max, InnerMessage.parse(b, 0, b.length));
        assertThrows(IllegalArgumentException.class, () -> InnerMessage.of("b".repeat(65536), 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> InnerMessage.of("", 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> InnerMessage.of("a\uD800b", 0, new byte[0]));
    }

    @Test
    void innerMessage_utf8Topic() throws WireException {
        InnerMessage m = InnerMessage.of("caf\u00e9/\uD83D\uDE00", 3, new byte[0]);
        byte[] b = m.encode();
        assertEquals("caf\u00e9/\uD83D\uDE00".getBytes(StandardCharsets.UTF_8).length, b[0]);
        assertEquals(m.topic(), InnerMessage.parse(b, 0, b.length).topic());
    }

    @Test
    void innerMessage_malformed_rejected() {
        String id = "0000000000000001";
        assertReason(Reason.TRUNCATED, "");
        assertReason(Reason.TRUNCATED, "80");
        assertReason(Reason.BAD_VALUE, "00" + id);
        assertReason(Reason.BAD_VALUE, "8100" + "61" + id);
        assertReason(Reason.TOO_LARGE, "808004");
        assertReason(Reason.TOO_LARGE, "ffffffff0f");
        assertReason(Reason.TRUNCATED, "05" + "6162" + id);
        assertReason(Reason.TRUNCATED, "01" + "61" + "00000000000000");
        assertReason(Reason.BAD_VALUE, "02" + "c328" + id);
        assertReason(Reason.BAD_VALUE, "03" + "eda080" + id);
        assertReason(Reason.BAD_VALUE, "02" + "c0af" + id);
        assertThrows(WireException.class, () -> InnerMessage.parse(new byte[4], 2, 4));
    }

    @Test
    void innerMessage_bodyIsCopied() throws WireException {
        byte[] body = {1, 2, 3};
        InnerMessage m = InnerMessage.of("t", 0, body);
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.body());
    }

    private static void assertReason(Reason reason, String hex) {
        byte[] b = Bytes.fromHex(hex);
        WireException e = assertThrows(WireException.class, () -> InnerMessage.parse(b, 0, b.length), hex);
        assertEquals(reason, e.reason(), hex + ": " + e.getMessage());
    }
}
