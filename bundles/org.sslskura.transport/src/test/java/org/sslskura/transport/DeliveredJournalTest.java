package org.sslskura.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.transport.queue.QueueFiles;
import org.sslskura.wire.hip.Hit;

/** The delivered-ids journal: restart, torn tail, group commit, compaction, permissions, failure. */
class DeliveredJournalTest {
    private static final Hit A = hit(1);
    private static final Hit B = hit(2);

    @TempDir
    Path tmp;

    @Test
    void idsSurviveCloseAndReopen() throws IOException {
        Path dir = tmp.resolve("d");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            for (long id = 1; id <= 5; id++) {
                ids.delivered(A, id);
            }
            ids.delivered(B, 7);
            ids.sync();
        }
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            assertEquals(Map.of(A, List.of(1L, 2L, 3L, 4L, 5L), B, List.of(7L)), byPeer(ids));
            assertTrue(ids.seen(A, 3));
            assertFalse(ids.seen(A, 6));
            assertFalse(ids.seen(B, 1));
        }
    }

    @Test
    void tornLastRecord_isIgnoredAndCut_andAppendsGoOnAfterTheLastWholeRecord() throws IOException {
        Path dir = tmp.resolve("d");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            ids.delivered(A, 1);
            ids.delivered(A, 2);
            ids.sync();
        }
        Path file = dir.resolve(DeliveredJournal.FILE);
        Files.write(file, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, StandardOpenOption.APPEND);
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            assertEquals(Map.of(A, List.of(1L, 2L)), byPeer(ids));
            assertEquals(2L * DeliveredJournal.RECORD, Files.size(file));
            ids.delivered(A, 3);
            ids.sync();
        }
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            assertEquals(Map.of(A, List.of(1L, 2L, 3L)), byPeer(ids));
        }
    }

    @Test
    void manyDeliveries_keepTheFileSmall() throws IOException {
        Path dir = tmp.resolve("d");
        int window = 100;
        int batch = 100;
        long largest = 0;
        try (DeliveredIds ids = DeliveredIds.persistent(dir, window)) {
            for (long id = 1; id <= 100_000; id++) {
                ids.delivered(A, id);
                if (id % batch == 0) {
                    ids.sync();
                    largest = Math.max(largest, Files.size(dir.resolve(DeliveredJournal.FILE)));
                }
            }
        }
        long records = largest / DeliveredJournal.RECORD;
        assertTrue(records <= DeliveredJournal.COMPACT_FACTOR * window + batch, "file grew to " + records);
        try (DeliveredIds ids = DeliveredIds.persistent(dir, window)) {
            assertEquals(window, ids.remembered().size());
            assertTrue(ids.seen(A, 100_000) && ids.seen(A, 99_901) && !ids.seen(A, 99_900));
        }
    }

    @Test
    void reopenAfterCompaction_keepsExactlyTheRememberedIds() throws IOException {
        Path dir = tmp.resolve("d");
        Map<Hit, List<Long>> before;
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 5)) {
            for (long id = 1; id <= 50; id++) {
                ids.delivered(A, id);
                ids.delivered(B, 1000 + id);
                ids.sync();
            }
            before = byPeer(ids);
            assertEquals(List.of(46L, 47L, 48L, 49L, 50L), before.get(A));
        }
        assertTrue(Files.size(dir.resolve(DeliveredJournal.FILE)) < 100L * DeliveredJournal.RECORD, "compacted");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 5)) {
            assertEquals(before, byPeer(ids));
        }
    }

    @Test
    void open_compactsAFileWrittenWithAWiderWindow() throws IOException {
        Path dir = tmp.resolve("d");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 1000)) {
            for (long id = 1; id <= 500; id++) {
                ids.delivered(A, id);
            }
        }
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            assertEquals(10L * DeliveredJournal.RECORD, Files.size(dir.resolve(DeliveredJournal.FILE)));
            assertEquals(10, ids.remembered().size());
            assertTrue(ids.seen(A, 500) && ids.seen(A, 491) && !ids.seen(A, 490));
        }
    }

    /** The wiring where the journal loads into one instance and a second one writes to it. */
    @Test
    void compaction_keepsTheIdsOfTheInstanceGivenTheJournal_notThoseItLoadedInto() throws IOException {
        Path dir = tmp.resolve("d");
        DeliveredIds loaded = new DeliveredIds(5, null);
        try (DeliveredJournal journal = DeliveredJournal.open(dir, 5, loaded)) {
            DeliveredIds ids = new DeliveredIds(5, journal);
            for (long id = 1; id <= 50; id++) {
                ids.delivered(A, id);
                ids.sync();
                assertTrue(journal.records() >= ids.remembered().size(), "compacted to fewer ids at " + id);
            }
        }
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 5)) {
            assertEquals(Map.of(A, List.of(46L, 47L, 48L, 49L, 50L)), byPeer(ids));
        }
    }

    @Test
    void sync_forcesOnceForEverythingNew_andNotAtAllWhenNothingIsNew() throws IOException {
        try (DeliveredJournal journal = DeliveredJournal.open(tmp.resolve("d"), 10, new DeliveredIds(10, null))) {
            DeliveredIds ids = new DeliveredIds(10, journal);
            ids.sync();
            assertEquals(0, journal.forces);
            ids.delivered(A, 1);
            ids.delivered(A, 2);
            ids.delivered(B, 3);
            ids.sync();
            assertEquals(1, journal.forces);
            ids.sync();
            assertEquals(1, journal.forces);
            ids.delivered(A, 4);
            ids.sync();
            assertEquals(2, journal.forces);
        }
    }

    @Test
    void filesAreOwnerOnly() throws IOException {
        assumeTrue(QueueFiles.isPosix(tmp), "POSIX file system");
        Path dir = tmp.resolve("a").resolve("d");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 2)) {
            for (long id = 1; id <= 20; id++) {
                ids.delivered(A, id);
                ids.sync(); // compacts: the replacement file is owner-only too
            }
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
        Path file = dir.resolve(DeliveredJournal.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DeliveredIds.persistent(dir, 2).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void afterAFailedSync_recordAndSyncThrowUntilReopened() throws IOException {
        Path dir = tmp.resolve("d");
        DeliveredJournal journal = DeliveredJournal.open(dir, 10, new DeliveredIds(10, null));
        DeliveredIds ids = new DeliveredIds(10, journal);
        ids.delivered(A, 1);
        journal.channel().close(); // the real channel fails from here on: a force throws
        assertThrows(IOException.class, ids::sync);
        IOException e = assertThrows(IOException.class, () -> ids.delivered(A, 2));
        assertTrue(e.getMessage().contains("failed earlier"), e.getMessage());
        assertFalse(ids.seen(A, 2), "not remembered when not recorded");
        assertThrows(IOException.class, ids::sync);
        journal.close();

        try (DeliveredIds reopened = DeliveredIds.persistent(dir, 10)) {
            reopened.delivered(A, 2);
            reopened.sync();
        }
    }

    @Test
    void afterAFailedWrite_syncThrows() throws IOException {
        DeliveredJournal journal = DeliveredJournal.open(tmp.resolve("d"), 10, new DeliveredIds(10, null));
        DeliveredIds ids = new DeliveredIds(10, journal);
        journal.channel().close();
        assertThrows(IOException.class, () -> ids.delivered(A, 1));
        assertThrows(IOException.class, ids::sync);
        journal.close();
    }

    @Test
    void aDirectoryInUse_isRefused() throws IOException {
        Path dir = tmp.resolve("d");
        try (DeliveredIds ids = DeliveredIds.persistent(dir, 10)) {
            IOException e = assertThrows(IOException.class, () -> DeliveredIds.persistent(dir, 10));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        DeliveredIds.persistent(dir, 10).close(); // released by close
    }

    private static Map<Hit, List<Long>> byPeer(DeliveredIds ids) {
        Map<Hit, List<Long>> out = new TreeMap<>();
        ids.remembered().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static Hit hit(int n) {
        byte[] b = new byte[16];
        b[15] = (byte) n;
        return Hit.of(b);
    }
}
