package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sslskura.transport.queue.QueueTestSupport.T0;
import static org.sslskura.transport.queue.QueueTestSupport.appendMany;
import static org.sslskura.transport.queue.QueueTestSupport.body;
import static org.sslskura.transport.queue.QueueTestSupport.copyQueueFiles;
import static org.sslskura.transport.queue.QueueTestSupport.hit;
import static org.sslskura.transport.queue.QueueTestSupport.ids;
import static org.sslskura.transport.queue.QueueTestSupport.open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.transport.queue.QueueTestSupport.MutableClock;

class OutboundQueueTest {
    @TempDir
    Path tmp;

    @Test
    void append_pending_acknowledge_roundTrip() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (OutboundQueue q = OutboundQueue.open(tmp.resolve("q"), QueueLimits.defaults(), clock)) {
            QueuedMessage a = q.append(hit(1), "a/b", body(1, 10), 0x5);
            clock.set(T0.plusMillis(7));
            QueuedMessage b = q.append(hit(2), "ü/ß", new byte[0], 0);
            assertArrayEquals(hit(1), a.peer());
            assertEquals("a/b", a.topic());
            assertArrayEquals(body(1, 10), a.body());
            assertEquals(0x5, a.options());
            assertEquals(T0.toEpochMilli(), a.enqueuedAtMillis());
            assertEquals(T0.toEpochMilli() + 7, b.enqueuedAtMillis());
            assertTrue(b.messageId() > a.messageId());
            assertEquals(List.of(a, b), q.pending());
            assertEquals(2, q.size());
            assertEquals(3 + 10 + 5, q.bytes()); // "ü/ß" is 5 bytes in UTF-8

            q.acknowledge(a.messageId());
            assertEquals(List.of(b), q.pending());
            assertEquals(5, q.bytes());
            q.acknowledge(b.messageId());
            assertEquals(List.of(), q.pending());
            assertEquals(0, q.bytes());
        }
    }

    @Test
    void reopenAfterClose_keepsExactlyTheUnacknowledged_inOrder() throws Exception {
        Path dir = tmp.resolve("q");
        List<QueuedMessage> all;
        try (OutboundQueue q = open(dir)) {
            all = appendMany(q, 0, 10, 33);
            for (int i : new int[] {0, 3, 4, 9}) {
                q.acknowledge(all.get(i).messageId());
            }
        }
        List<QueuedMessage> expected = new ArrayList<>(all);
        expected.removeIf(m -> List.of(0, 3, 4, 9).contains(all.indexOf(m)));
        try (OutboundQueue q = open(dir)) {
            assertEquals(expected, q.pending()); // equals compares every field, bodies included
            assertEquals(6, q.size());
        }
        try (OutboundQueue q = open(dir)) { // twice: the open-time compaction kept everything
            assertEquals(expected, q.pending());
        }
    }

    @Test
    void acknowledgmentNotFlushedIsUndoneByAKill() throws Exception {
        Path dir = tmp.resolve("q");
        OutboundQueue q = open(dir); // never closed: a kill -9
        List<QueuedMessage> all = appendMany(q, 0, 3, 10);
        q.acknowledge(all.get(1).messageId()); // not flushed: only in memory
        copyQueueFiles(dir, tmp.resolve("after-kill"));
        try (OutboundQueue reopened = open(tmp.resolve("after-kill"))) {
            assertEquals(all, reopened.pending(), "the message is sent once more (the receiver suppresses it)");
        }
        q.close();
    }

    @Test
    void reopenWithoutClose_keepsEveryAppendedMessage() throws Exception {
        Path dir = tmp.resolve("q");
        OutboundQueue q = open(dir); // never closed: a kill -9
        List<QueuedMessage> all = appendMany(q, 0, 20, 100);
        q.acknowledge(all.get(5).messageId());
        q.flush(); // what the service does after each batch of acknowledgments
        all.remove(5);
        copyQueueFiles(dir, tmp.resolve("after-kill"));
        try (OutboundQueue reopened = open(tmp.resolve("after-kill"))) {
            assertEquals(all, reopened.pending());
            QueuedMessage next = reopened.append(hit(1), "t", new byte[1], 0);
            assertTrue(next.messageId() > all.get(all.size() - 1).messageId());
        }
        assertEquals(all, q.pending()); // the original is still fine
    }

    @Test
    void secondOpenOfTheSameDirectory_isRefused_untilClosed() throws Exception {
        Path dir = tmp.resolve("q");
        OutboundQueue first = open(dir);
        IOException e = assertThrows(IOException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("already open"), e.getMessage());
        first.close();
        open(dir).close();
    }

    @Test
    void messageLimit_failsClearly_andAcknowledgmentFreesSpace() throws Exception {
        try (OutboundQueue q = OutboundQueue.open(tmp.resolve("q"), new QueueLimits(3, 1 << 20),
                new MutableClock(T0))) {
            List<QueuedMessage> m = appendMany(q, 0, 3, 10);
            QueueFullException e = assertThrows(QueueFullException.class, () -> q.append(hit(9), "t", new byte[1], 0));
            assertEquals("offline queue full: 3 messages", e.getMessage());
            assertEquals(QueueFullException.Limit.MESSAGES, e.limit());
            assertFalse(e.neverFits());
            assertEquals(3, q.size());
            q.acknowledge(m.get(1).messageId());
            q.append(hit(9), "t", new byte[1], 0);
            assertEquals(3, q.size());
        }
    }

    @Test
    void byteLimit_countsTopicAndBody_failsClearly_andAcknowledgmentFreesSpace() throws Exception {
        try (OutboundQueue q = OutboundQueue.open(tmp.resolve("q"), new QueueLimits(100, 100),
                new MutableClock(T0))) {
            QueuedMessage a = q.append(hit(1), "abcd", new byte[46], 0); // 50 bytes
            q.append(hit(1), "abcd", new byte[46], 0); // 100 bytes: exactly full
            QueueFullException e = assertThrows(QueueFullException.class, () -> q.append(hit(1), "", new byte[1], 0));
            assertEquals("offline queue full: 100 bytes", e.getMessage());
            assertEquals(QueueFullException.Limit.BYTES, e.limit());
            QueueFullException tooBig = assertThrows(QueueFullException.class,
                    () -> q.append(hit(1), "x", new byte[100], 0));
            assertTrue(tooBig.neverFits(), tooBig.getMessage());
            q.acknowledge(a.messageId());
            assertEquals(50, q.bytes());
            q.append(hit(1), "", new byte[50], 0);
            assertEquals(100, q.bytes());
        }
    }

    @Test
    void queueFull_consumesNoIdAndWritesNothing() throws Exception {
        try (OutboundQueue q = OutboundQueue.open(tmp.resolve("q"), new QueueLimits(1, 100), new MutableClock(T0))) {
            QueuedMessage a = q.append(hit(1), "t", new byte[1], 0);
            long length = q.logLength();
            assertThrows(QueueFullException.class, () -> q.append(hit(1), "t", new byte[1], 0));
            assertEquals(length, q.logLength());
            q.acknowledge(a.messageId());
            assertEquals(a.messageId() + 1, q.append(hit(1), "t", new byte[1], 0).messageId());
        }
    }

    @Test
    void acknowledge_unknownOrRepeatedId_isIgnoredAndWritesNothing() throws Exception {
        try (OutboundQueue q = open(tmp.resolve("q"))) {
            QueuedMessage a = q.append(hit(1), "t", new byte[3], 0);
            q.acknowledge(a.messageId());
            long length = q.logLength();
            q.acknowledge(a.messageId());
            q.acknowledge(12345);
            q.acknowledge(-1);
            assertEquals(length, q.logLength());
            assertEquals(0, q.size());
        }
    }

    @Test
    void invalidArguments_areRejectedBeforeAnythingIsWritten() throws Exception {
        try (OutboundQueue q = open(tmp.resolve("q"))) {
            long length = q.logLength();
            assertThrows(IllegalArgumentException.class, () -> q.append(new byte[15], "t", new byte[0], 0));
            assertThrows(NullPointerException.class, () -> q.append(hit(1), null, new byte[0], 0));
            assertThrows(NullPointerException.class, () -> q.append(hit(1), "t", null, 0));
            assertThrows(IllegalArgumentException.class, () -> q.append(hit(1), "bad\uD800", new byte[0], 0));
            assertThrows(IllegalArgumentException.class, () -> q.append(hit(1), "x".repeat(65536), new byte[0], 0));
            assertEquals(length, q.logLength());
            q.append(hit(1), "x".repeat(65535), new byte[0], 0); // the largest topic fits
        }
    }

    @Test
    void appendedArrays_areCopied() throws Exception {
        try (OutboundQueue q = open(tmp.resolve("q"))) {
            byte[] peer = hit(1);
            byte[] body = body(1, 4);
            QueuedMessage m = q.append(peer, "t", body, 0);
            peer[15] = 99;
            body[0] = 99;
            m.body()[1] = 99;
            assertArrayEquals(hit(1), q.pending().get(0).peer());
            assertArrayEquals(body(1, 4), q.pending().get(0).body());
        }
    }

    @Test
    void closedQueue_refusesWrites_butStillAnswersReads() throws Exception {
        OutboundQueue q = open(tmp.resolve("q"));
        QueuedMessage a = q.append(hit(1), "t", new byte[3], 0);
        q.close();
        q.close(); // idempotent
        IOException e = assertThrows(IOException.class, () -> q.append(hit(1), "t", new byte[3], 0));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IOException.class, () -> q.acknowledge(a.messageId()));
        assertThrows(IOException.class, q::nextId);
        assertEquals(List.of(a), q.pending());
    }

    @Test
    void nextId_sharesTheSequenceWithAppend() throws Exception {
        try (OutboundQueue q = open(tmp.resolve("q"))) {
            long a = q.append(hit(1), "t", new byte[0], 0).messageId();
            long b = q.nextId();
            long c = q.append(hit(1), "t", new byte[0], 0).messageId();
            assertTrue(a < b && b < c, a + " " + b + " " + c);
            assertEquals(List.of(a, c), ids(q.pending()));
        }
    }

    @Test
    void interruptedCaller_stillAppendsDurably_keepsItsInterrupt_andTheQueueStaysUsable() throws Exception {
        Path dir = tmp.resolve("q");
        try (OutboundQueue q = open(dir)) {
            Thread.currentThread().interrupt();
            QueuedMessage a;
            try {
                a = q.append(hit(1), "t", new byte[3], 0);
                q.acknowledge(a.messageId());
            } finally {
                assertTrue(Thread.interrupted(), "interrupt status kept (and cleared here)");
            }
            QueuedMessage b = q.append(hit(1), "t", new byte[3], 0);
            assertEquals(List.of(b), q.pending());
        }
    }

    @Test
    void openOnAnInterruptedThread_works() throws Exception {
        Path dir = tmp.resolve("q");
        open(dir).close();
        Thread.currentThread().interrupt();
        try (OutboundQueue q = open(dir)) {
            q.append(hit(1), "t", new byte[3], 0);
        } finally {
            assertTrue(Thread.interrupted());
        }
    }

    @Test
    void files_areOwnerOnly() throws Exception {
        Path dir = tmp.resolve("a/b/q");
        try (OutboundQueue q = open(dir)) {
            q.append(hit(1), "t", new byte[3], 0);
            assumeTrue(QueueFiles.isPosix(dir));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            for (String name : List.of(QueueFiles.LOG_FILE, QueueFiles.IDS_FILE, QueueFiles.LOCK_FILE)) {
                assertEquals("rw-------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(name))), name);
            }
            assertEquals(List.of(QueueFiles.IDS_FILE, QueueFiles.LOCK_FILE, QueueFiles.LOG_FILE),
                    QueueTestSupport.fileNames(dir));
        }
    }

    @Test
    void existingLogWithWiderMode_isRestrictedOnOpen() throws Exception {
        Path dir = tmp.resolve("q");
        open(dir).close();
        assumeTrue(QueueFiles.isPosix(dir));
        Path log = dir.resolve(QueueFiles.LOG_FILE);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        open(dir).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }

    @Test
    void pathThatIsAFile_isRefused() throws Exception {
        Path file = Files.createFile(tmp.resolve("f"));
        assertThrows(IOException.class, () -> open(file));
    }
}
