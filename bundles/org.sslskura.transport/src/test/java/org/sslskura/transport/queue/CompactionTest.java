package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.transport.queue.QueueTestSupport.appendMany;
import static org.sslskura.transport.queue.QueueTestSupport.open;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {
    private static final int BODY = 8 * 1024;

    @TempDir
    Path tmp;

    @Test
    void acknowledgingMost_compactsWhileRunning_keepingContentAndOrder() throws Exception {
        Path dir = tmp.resolve("q");
        Path logFile = dir.resolve(QueueFiles.LOG_FILE);
        List<QueuedMessage> expected;
        try (OutboundQueue q = open(dir)) {
            List<QueuedMessage> all = appendMany(q, 0, 400, BODY); // about 3.3 MiB
            long full = Files.size(logFile);
            for (QueuedMessage m : all.subList(0, 390)) {
                q.acknowledge(m.messageId());
            }
            q.flush(); // acknowledgments wait in memory until then
            expected = new ArrayList<>(all.subList(390, 400));
            long live = expected.stream().mapToLong(LogFormat::appendRecordLength).sum();
            long size = Files.size(logFile);
            assertEquals(q.logLength(), size);
            assertTrue(size < full / 2, "compacted: " + size + " of " + full);
            // dead bytes never stay above max(1 MiB, live) plus one ACK record
            assertTrue(size - LogFormat.FILE_HEADER_LENGTH - live <= Math.max(OutboundQueue.COMPACT_MIN_DEAD_BYTES,
                    live) + LogFormat.RECORD_HEADER_LENGTH + LogFormat.ACK_PAYLOAD_LENGTH, "size " + size);
            assertEquals(expected, q.pending());
            expected.addAll(appendMany(q, 1000, 5, 10)); // the new file takes appends
            assertEquals(expected, q.pending());
        }
        try (OutboundQueue q = open(dir)) {
            assertEquals(expected, q.pending());
        }
        assertEquals(List.of(QueueFiles.IDS_FILE, QueueFiles.LOCK_FILE, QueueFiles.LOG_FILE),
                QueueTestSupport.fileNames(dir), "no temp file left");
    }

    @Test
    void open_compactsAwayAcknowledgedRecords() throws Exception {
        Path dir = tmp.resolve("q");
        List<QueuedMessage> kept = new ArrayList<>();
        long before;
        try (OutboundQueue q = open(dir)) {
            List<QueuedMessage> all = appendMany(q, 0, 10, 100);
            for (int i = 0; i < 10; i++) {
                if (i % 2 == 0) {
                    q.acknowledge(all.get(i).messageId());
                } else {
                    kept.add(all.get(i));
                }
            }
            before = q.logLength();
        }
        try (OutboundQueue q = open(dir)) {
            long live = kept.stream().mapToLong(LogFormat::appendRecordLength).sum();
            assertEquals(LogFormat.FILE_HEADER_LENGTH + live, Files.size(dir.resolve(QueueFiles.LOG_FILE)));
            assertTrue(q.logLength() < before);
            assertEquals(kept, q.pending());
        }
    }

    @Test
    void emptyQueueAfterAllAcknowledged_compactsToTheHeader() throws Exception {
        Path dir = tmp.resolve("q");
        try (OutboundQueue q = open(dir)) {
            for (QueuedMessage m : appendMany(q, 0, 3, 10)) {
                q.acknowledge(m.messageId());
            }
        }
        try (OutboundQueue q = open(dir)) {
            assertEquals(0, q.size());
            assertEquals(LogFormat.FILE_HEADER_LENGTH, Files.size(dir.resolve(QueueFiles.LOG_FILE)));
        }
    }
}
