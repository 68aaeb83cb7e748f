package org.sslskura.transport.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sslskura.testing.ManualClock;

/** Shared fixtures of the queue tests. */
final class QueueTestSupport {
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    private QueueTestSupport() {
    }

    /** A clock the test moves, in either direction. */
    static byte[] hit(int n) {
        byte[] h = new byte[QueuedMessage.HIT_LENGTH];
        h[0] = 0x20;
        h[1] = 0x01;
        h[15] = (byte) n;
        return h;
    }

    static byte[] body(int n, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (n * 31 + i);
        }
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static OutboundQueue open(Path dir) throws IOException {
        return OutboundQueue.open(dir, QueueLimits.defaults(), new ManualClock(T0));
    }

    static OutboundQueue open(Path dir, Clock clock) throws IOException {
        return OutboundQueue.open(dir, QueueLimits.defaults(), clock);
    }

    /** Appends {@code n} messages numbered from {@code first}; returns them. */
    static List<QueuedMessage> appendMany(OutboundQueue q, int first, int n, int bodyLength) throws IOException {
        List<QueuedMessage> out = new java.util.ArrayList<>();
        for (int i = first; i < first + n; i++) {
            out.add(q.append(hit(i), "app/topic/" + i, body(i, bodyLength), i));
        }
        return out;
    }

    /**
     * Copies the queue files (not the lock) of an open queue: what a kill -9 would leave on disk (everything the
     * queue wrote is in the page cache, and append returned only after forcing it).
     */
    static void copyQueueFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of(QueueFiles.LOG_FILE, QueueFiles.IDS_FILE)) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }

    static List<Long> ids(List<QueuedMessage> messages) {
        return messages.stream().map(QueuedMessage::messageId).collect(Collectors.toList());
    }

    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
