package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sslskura.transport.queue.QueueTestSupport.appendMany;
import static org.sslskura.transport.queue.QueueTestSupport.copyQueueFiles;
import static org.sslskura.transport.queue.QueueTestSupport.hit;
import static org.sslskura.transport.queue.QueueTestSupport.open;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.testing.ManualClock;

/**
 * Crash recovery: torn tails (a last record shorter than its length) are cut back; damage to a complete record, in
 * the middle or at the end, fails the open and leaves the file alone.
 */
class LogRecoveryTest {
    @TempDir
    Path tmp;

    private Path source;
    private List<QueuedMessage> written;
    private byte[] log;

    /** Three messages; the last record is the one the tests tear. */
    @BeforeEach
    void writeLog() throws IOException {
        source = tmp.resolve("source");
        try (OutboundQueue q = open(source)) {
            written = appendMany(q, 0, 3, 24);
        }
        log = Files.readAllBytes(source.resolve(QueueFiles.LOG_FILE));
    }

    private long lastRecordStart() {
        return log.length - LogFormat.appendRecordLength(written.get(2));
    }

    /** A queue directory whose log is {@code content} (ids file copied from the source). */
    private Path dirWithLog(String name, byte[] content) throws IOException {
        Path dir = tmp.resolve(name);
        copyQueueFiles(source, dir);
        Files.write(dir.resolve(QueueFiles.LOG_FILE), content);
        return dir;
    }

    @Test
    void truncationAtEveryOffsetOfTheLastRecord_recoversThePrefix_andCutsTheFileBack() throws Exception {
        int start = (int) lastRecordStart();
        for (int cut = start; cut < log.length; cut++) {
            Path dir = dirWithLog("cut" + cut, Arrays.copyOf(log, cut));
            try (OutboundQueue q = open(dir)) {
                assertEquals(written.subList(0, 2), q.pending(), "cut at " + cut);
                assertEquals(start, Files.size(dir.resolve(QueueFiles.LOG_FILE)), "cut at " + cut);
                q.append(hit(7), "after", new byte[2], 0); // appends continue on the clean end
            }
            try (OutboundQueue q = open(dir)) {
                assertEquals(3, q.size(), "cut at " + cut);
            }
            QueueTestSupport.deleteTree(dir);
        }
    }

    /** A crash leaves a record shorter than its length; a complete one with a bad CRC was changed after it was written. */
    @Test
    void badCrcInTheCompleteLastRecord_failsTheOpen_andLeavesTheFileUntouched() throws Exception {
        byte[] damaged = log.clone();
        damaged[damaged.length - 1] ^= 0x01; // last body byte
        Path dir = dirWithLog("d", damaged);
        IOException e = assertThrows(IOException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("is corrupt: CRC mismatch at offset " + lastRecordStart()), e.getMessage());
        assertTrue(e.getMessage().contains("refusing to drop queued messages"), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(dir.resolve(QueueFiles.LOG_FILE)));
    }

    @Test
    void unknownTypeOfTheCompleteLastRecord_failsTheOpen() throws Exception {
        byte[] damaged = log.clone();
        damaged[(int) lastRecordStart()] = 0x05;
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", damaged)));
        assertTrue(e.getMessage().contains("is corrupt: unknown record type 5"), e.getMessage());
    }

    @Test
    void impossibleLengthOfTheCompleteLastRecord_failsTheOpen() throws Exception {
        byte[] ack = rawRecord(RecordType.ACK.code(), new byte[LogFormat.ACK_PAYLOAD_LENGTH - 1]);
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", concat(log, ack))));
        assertTrue(e.getMessage().contains("is corrupt: impossible length 7"), e.getMessage());
    }

    @Test
    void lengthPastTheEndOfTheFile_inTheLastRecord_isATornTail() throws Exception {
        byte[] longer = log.clone();
        longer[(int) lastRecordStart() + 1] = 0x01; // length's top byte: 16 MiB more than the file holds
        try (OutboundQueue q = open(dirWithLog("d", longer))) {
            assertEquals(written.subList(0, 2), q.pending());
        }
    }

    @Test
    void zeroFilledTail_isATornTail() throws Exception {
        byte[] withZeros = Arrays.copyOf(log, log.length + 4096); // size extended, data never written
        try (OutboundQueue q = open(dirWithLog("d", withZeros))) {
            assertEquals(written, q.pending());
        }
    }

    @Test
    void badCrcInTheMiddle_failsTheOpen_andLeavesTheFileUntouched() throws Exception {
        byte[] damaged = log.clone();
        int inFirstBody = LogFormat.FILE_HEADER_LENGTH + (int) LogFormat.appendRecordLength(written.get(0)) - 1;
        damaged[inFirstBody] ^= 0x40;
        Path dir = dirWithLog("d", damaged);
        IOException e = assertThrows(IOException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("corrupt in the middle"), e.getMessage());
        assertTrue(e.getMessage().contains("CRC mismatch at offset " + LogFormat.FILE_HEADER_LENGTH), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(dir.resolve(QueueFiles.LOG_FILE)));
        IOException again = assertThrows(IOException.class, () -> open(dir));
        assertTrue(again.getMessage().contains("corrupt in the middle"), "lock released: " + again.getMessage());
    }

    @Test
    void damagedLengthInTheMiddle_failsTheOpen() throws Exception {
        byte[] damaged = log.clone();
        damaged[LogFormat.FILE_HEADER_LENGTH + 1] = 0x7f; // length of the first record: past the end of the file
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", damaged)));
        assertTrue(e.getMessage().contains("corrupt in the middle"), e.getMessage());
    }

    /**
     * Every single-bit flip: either the open fails with an IOException, or it yields a prefix of what was written.
     * Only a flip that makes the last record's length run past the end of the file (what a torn append looks like)
     * may lose that record; any other flip outside the file header fails the open.
     */
    @Test
    void everyBitFlip_failsTheOpen_unlessItLengthensTheLastRecord_neverARuntimeException() throws Exception {
        int lastLengthField = (int) lastRecordStart() + LogFormat.TYPE_LENGTH;
        for (int bit = 0; bit < log.length * 8; bit++) {
            byte[] damaged = log.clone();
            int at = bit / 8;
            damaged[at] ^= (byte) (1 << (bit % 8));
            Path dir = dirWithLog("flip" + bit, damaged);
            try (OutboundQueue q = open(dir)) {
                List<QueuedMessage> p = q.pending();
                assertEquals(written.subList(0, p.size()), p, "bit " + bit);
                assertTrue(p.size() >= 2, "only the last record may be lost, bit " + bit);
                assertTrue(at >= lastLengthField && at < lastLengthField + LogFormat.LENGTH_LENGTH
                        && (damaged[at] & 0xff) > (log[at] & 0xff), "opened despite the flip of bit " + bit);
            } catch (IOException expected) {
                // refused: nothing accepted is dropped
            } catch (RuntimeException e) {
                fail("bit " + bit + ": " + e, e);
            }
            QueueTestSupport.deleteTree(dir);
        }
    }

    @Test
    void crcValidButMalformedRecord_atTheTail_failsInsteadOfBeingDropped() throws Exception {
        byte[] payload = LogFormat.encodeAppend(written.get(2)).array();
        byte[] inner = Arrays.copyOfRange(payload, LogFormat.RECORD_HEADER_LENGTH, payload.length);
        inner[inner.length - 24 - 1] ^= 0x01; // body length field: one more than the bytes that follow
        byte[] record = rawRecord(RecordType.APPEND.code(), inner);
        byte[] content = concat(Arrays.copyOf(log, (int) lastRecordStart()), record);
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", content)));
        assertTrue(e.getMessage().contains("body length"), e.getMessage());
    }

    @Test
    void idsNotIncreasing_failTheOpen() throws Exception {
        byte[] again = LogFormat.encodeAppend(written.get(0)).array();
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", concat(log, again))));
        assertTrue(e.getMessage().contains("not above the previous"), e.getMessage());
    }

    @Test
    void recordAboveTheCurrentLimits_failsTheOpen_evenAtTheTail() throws Exception {
        Path dir = dirWithLog("d", log);
        IOException e = assertThrows(IOException.class, () -> OutboundQueue.open(dir, new QueueLimits(10, 10),
                new ManualClock(QueueTestSupport.T0)));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertArrayEquals(log, Files.readAllBytes(dir.resolve(QueueFiles.LOG_FILE)));
        try (OutboundQueue q = open(dir)) {
            assertEquals(written, q.pending());
        }
    }

    @Test
    void foreignFile_isRefused() throws Exception {
        byte[] other = log.clone();
        other[0] = 'X';
        IOException e = assertThrows(IOException.class, () -> open(dirWithLog("d", other)));
        assertTrue(e.getMessage().contains("not a queue log"), e.getMessage());
        assertThrows(IOException.class, () -> open(dirWithLog("e", new byte[0])));
    }

    @Test
    void staleTempFiles_areRemovedOnOpen() throws Exception {
        Path dir = dirWithLog("d", log);
        Files.write(dir.resolve(".queue.log.123.tmp"), new byte[] {1, 2});
        Files.write(dir.resolve(".ids.456.tmp"), new byte[] {3});
        Files.write(dir.resolve(".other.tmp"), new byte[] {4}); // not ours: left alone
        try (OutboundQueue q = open(dir)) {
            assertEquals(written, q.pending());
        }
        assertFalse(Files.exists(dir.resolve(".queue.log.123.tmp")));
        assertFalse(Files.exists(dir.resolve(".ids.456.tmp")));
        assertTrue(Files.exists(dir.resolve(".other.tmp")));
    }

    @Test
    void tornTailFollowedByNewAppends_reopensCleanly() throws Exception {
        Path dir = dirWithLog("d", Arrays.copyOf(log, log.length - 5));
        try (OutboundQueue q = open(dir)) {
            q.append(hit(1), "x", new byte[9], 0);
        }
        Files.write(dir.resolve(QueueFiles.LOG_FILE), new byte[] {0, 0, 0}, StandardOpenOption.APPEND);
        try (OutboundQueue q = open(dir)) {
            assertEquals(3, q.size());
        }
    }

    static byte[] rawRecord(int type, byte[] payload) {
        return ByteBuffer.allocate(LogFormat.RECORD_HEADER_LENGTH + payload.length).put((byte) type)
                .putInt(payload.length).putInt(LogFormat.crcOf(type, payload.length, payload)).put(payload).array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
