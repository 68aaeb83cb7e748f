package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * For any content, a crash that cuts the log anywhere inside its last record (or anywhere at all) loses at most the
 * messages whose records were cut, never an earlier one, and the queue reopens.
 */
class LogRecoveryPropertyTest {
    @Property(tries = 60)
    void cutAnywhere_reopensWithTheMessagesWhoseRecordsAreComplete(
            @ForAll @Size(min = 1, max = 6) List<@Size(max = 300) byte[]> bodies,
            @ForAll @StringLength(max = 20) String topic, @ForAll @IntRange(min = 0, max = 10_000) int cutPerMille)
            throws IOException {
        Path root = Files.createTempDirectory("queue-prop");
        try {
            Path source = root.resolve("source");
            List<QueuedMessage> written = new ArrayList<>();
            try (OutboundQueue q = QueueTestSupport.open(source)) {
                for (byte[] b : bodies) {
                    written.add(q.append(QueueTestSupport.hit(b.length), sanitize(topic), b, b.length));
                }
            }
            byte[] log = Files.readAllBytes(source.resolve(QueueFiles.LOG_FILE));
            int cut = LogFormat.FILE_HEADER_LENGTH
                    + (int) ((long) (log.length - LogFormat.FILE_HEADER_LENGTH) * cutPerMille / 10_000);
            Path copy = root.resolve("copy");
            QueueTestSupport.copyQueueFiles(source, copy);
            Files.write(copy.resolve(QueueFiles.LOG_FILE), Arrays.copyOf(log, cut));

            int complete = completeRecords(written, cut);
            try (OutboundQueue q = QueueTestSupport.open(copy)) {
                assertEquals(written.subList(0, complete), q.pending());
                assertEquals(recordsEnd(written, complete), Files.size(copy.resolve(QueueFiles.LOG_FILE)));
            }
        } finally {
            QueueTestSupport.deleteTree(root);
        }
    }

    /** Topics must be well-formed UTF-16: replace lone surrogates the generator may produce. */
    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? '?' : cp));
        return b.toString();
    }

    private static int completeRecords(List<QueuedMessage> written, int cut) {
        int n = 0;
        while (n < written.size() && recordsEnd(written, n + 1) <= cut) {
            n++;
        }
        return n;
    }

    private static long recordsEnd(List<QueuedMessage> written, int n) {
        long end = LogFormat.FILE_HEADER_LENGTH;
        for (int i = 0; i < n; i++) {
            end += LogFormat.appendRecordLength(written.get(i));
        }
        return end;
    }
}
