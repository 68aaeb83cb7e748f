package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends without a force still reach the operating system: a process crash (the files copied while open) keeps them. */
class UnforcedAppendTest {
    @TempDir
    Path dir;

    @Test
    void unforcedAppendsSurviveAProcessCrashAndAReopen() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (OutboundQueue q = QueueTestSupport.open(live)) {
            q.forceEachAppend(false);
            QueueTestSupport.appendMany(q, 0, 25, 40);
            q.acknowledge(q.pending().get(0).messageId());
            QueueTestSupport.copyQueueFiles(live, crashed); // what the disk holds if the process dies now
        }
        try (OutboundQueue reopened = QueueTestSupport.open(crashed)) {
            assertEquals(24, reopened.size());
        }
        try (OutboundQueue reopened = QueueTestSupport.open(live)) {
            assertEquals(24, reopened.size());
        }
    }
}
