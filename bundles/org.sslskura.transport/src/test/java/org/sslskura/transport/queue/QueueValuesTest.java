package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueValuesTest {
    @Test
    void limits_defaultsAndValidation() {
        assertEquals(new QueueLimits(10_000, 16L << 20), QueueLimits.defaults());
        new QueueLimits(1, 1);
        new QueueLimits(QueueLimits.MAX_MESSAGES_CEILING, QueueLimits.MAX_BYTES_CEILING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QueueLimits(0, 10));
        assertTrue(e.getMessage().contains("maxMessages") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QueueLimits(QueueLimits.MAX_MESSAGES_CEILING + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new QueueLimits(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new QueueLimits(1, QueueLimits.MAX_BYTES_CEILING + 1));
    }

    @Test
    void queuedMessage_isAValue_withCopiedArrays_andNoBodyInToString() {
        byte[] body = {'s', 'e', 'c', 'r', 'e', 't'};
        QueuedMessage a = new QueuedMessage(7, QueueTestSupport.hit(1), "t", body, 3, 99);
        QueuedMessage b = new QueuedMessage(7, QueueTestSupport.hit(1), "t", body.clone(), 3, 99);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        body[0] = 'X';
        assertEquals(b, a);
        assertNotEquals(a, new QueuedMessage(8, QueueTestSupport.hit(1), "t", b.body(), 3, 99));
        assertFalse(a.toString().contains("secret"), a.toString());
        assertEquals(7, a.accountedBytes());
        assertThrows(IllegalArgumentException.class, () -> new QueuedMessage(1, new byte[17], "t", body, 0, 0));
    }

    @Test
    void logFormat_roundTrip() throws Exception {
        QueuedMessage m = new QueuedMessage(Long.MAX_VALUE, QueueTestSupport.hit(9), "a/ü/€/😀", new byte[] {1, 2},
                -1, Long.MIN_VALUE);
        byte[] record = LogFormat.encodeAppend(m).array();
        assertEquals(LogFormat.appendRecordLength(m), record.length);
        byte[] payload = java.util.Arrays.copyOfRange(record, LogFormat.RECORD_HEADER_LENGTH, record.length);
        assertEquals(m, LogFormat.decodeAppend(payload, 2));
        assertThrows(java.io.IOException.class, () -> LogFormat.decodeAppend(payload, 1));
        byte[] ack = LogFormat.encodeAck(42).array();
        assertEquals(LogFormat.RECORD_HEADER_LENGTH + 8, ack.length);
        assertEquals(RecordType.ACK.code(), ack[0]);
    }
}
