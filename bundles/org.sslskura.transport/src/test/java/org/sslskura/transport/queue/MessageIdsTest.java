package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.transport.queue.QueueTestSupport.T0;
import static org.sslskura.transport.queue.QueueTestSupport.appendMany;
import static org.sslskura.transport.queue.QueueTestSupport.ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.testing.ManualClock;

class MessageIdsTest {
    private static final long T0_MICROS = T0.getEpochSecond() * 1_000_000L;

    @TempDir
    Path tmp;

    @Test
    void idsStrictlyIncrease_acrossThreeReopens_evenWhenTheClockGoesBackwards() throws Exception {
        Path dir = tmp.resolve("q");
        ManualClock clock = new ManualClock(T0);
        List<Long> issued = new ArrayList<>();
        Instant[] opens = {T0, T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofDays(400))};
        for (Instant at : opens) {
            clock.set(at);
            try (OutboundQueue q = OutboundQueue.open(dir, QueueLimits.defaults(), clock)) {
                List<QueuedMessage> m = appendMany(q, 0, 5, 4);
                issued.addAll(ids(m));
                issued.add(q.nextId());
                for (QueuedMessage x : m) {
                    q.acknowledge(x.messageId()); // empty log: only the ids file remembers
                }
            }
        }
        assertEquals(18, issued.size());
        for (int i = 1; i < issued.size(); i++) {
            assertTrue(issued.get(i) > issued.get(i - 1), "ids " + issued);
        }
        assertEquals(T0_MICROS, issued.get(0), "the first open starts at the clock in microseconds");
    }

    @Test
    void reservation_isPersistedAheadOfEveryIssuedId_soACrashNeverReissues() throws Exception {
        Clock epoch = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC); // clock useless: only the file protects
        MessageIds ids = MessageIds.open(tmp, epoch, 0, 10);
        assertEquals(11, ids.reservedBelow());
        assertEquals(11, MessageIds.readMark(tmp.resolve(QueueFiles.IDS_FILE)));
        long last = 0;
        for (int i = 0; i < 25; i++) {
            long id = ids.next();
            assertTrue(id > last);
            assertTrue(id < MessageIds.readMark(tmp.resolve(QueueFiles.IDS_FILE)), "persisted before issued");
            last = id;
        }
        assertEquals(25, last);
        // crash: no close, the object is simply dropped
        MessageIds after = MessageIds.open(tmp, epoch, 0, 10);
        assertTrue(after.next() > last);
    }

    @Test
    void lostIdsFile_fallsBackToTheHighestIdInTheLog() throws Exception {
        Path dir = tmp.resolve("q");
        Clock epoch = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        ManualClock clock = new ManualClock(T0);
        long highest;
        try (OutboundQueue q = OutboundQueue.open(dir, QueueLimits.defaults(), clock)) {
            highest = appendMany(q, 0, 3, 1).get(2).messageId();
        }
        Files.delete(dir.resolve(QueueFiles.IDS_FILE));
        try (OutboundQueue q = OutboundQueue.open(dir, QueueLimits.defaults(), epoch)) {
            assertEquals(highest + 1, q.nextId());
        }
    }

    @Test
    void malformedIdsFile_failsRatherThanGuesses() throws Exception {
        Path file = tmp.resolve(QueueFiles.IDS_FILE);
        for (String bad : List.of("", "ssls-kura message ids 1\nreserved-below \n", "ssls-kura message ids 2\n"
                + "reserved-below 5\n", "ssls-kura message ids 1\nreserved-below -5\n",
                "ssls-kura message ids 1\nreserved-below 99999999999999999999\n",
                "ssls-kura message ids 1\nreserved-below 5\nextra\n")) {
            Files.writeString(file, bad, StandardCharsets.US_ASCII);
            assertThrows(IOException.class, () -> MessageIds.open(tmp, Clock.systemUTC(), 0), bad);
        }
        Files.write(file, new byte[4096]);
        assertThrows(IOException.class, () -> MessageIds.open(tmp, Clock.systemUTC(), 0));
    }

    @Test
    void idSpaceExhaustion_isAnError_notAWrapAround() throws Exception {
        Clock epoch = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        assertThrows(IOException.class, () -> MessageIds.open(tmp, epoch, Long.MAX_VALUE));
        assertThrows(IOException.class, () -> MessageIds.open(tmp, epoch, Long.MAX_VALUE - 5));
        MessageIds ids = MessageIds.open(tmp, epoch, Long.MAX_VALUE - 5, 3);
        ids.next();
        ids.next();
        ids.next();
        assertThrows(IOException.class, ids::next);
    }

    @Test
    void clockOutOfRange_isIgnored() throws Exception {
        Clock far = Clock.fixed(Instant.MAX, ZoneOffset.UTC);
        assertEquals(1, MessageIds.open(tmp, far, 0).next());
    }
}
