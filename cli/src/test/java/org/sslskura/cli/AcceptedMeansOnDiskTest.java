package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.SendOptions;
import org.sslskura.api.Submission;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.transport.queue.QueueLimits;

/**
 * {@code Submission.accepted()}: once it completes, the message survives a kill of the process (the queue files as
 * they are on disk at that moment, copied without closing anything, hold it). The queue writes records only with the
 * force that makes them durable, so a stage completed earlier would leave the copy without the message.
 */
class AcceptedMeansOnDiskTest {
    @TempDir
    Path dir;

    @Test
    void anAcceptedMessageIsInTheQueueFilesAtOnce() throws Exception {
        Path d = dir.resolve("device");
        Nodes.pair(d, dir.resolve("collector")); // the collector never runs: nothing is acknowledged or removed
        try (Broker broker = Brokers.moquette().start();
             SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url()).collectors(List.of("collector"))
                     .build())) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String text = "reading " + i;
                texts.add(text);
                Submission s = device.messaging().submitToCollectors("t", text.getBytes(StandardCharsets.UTF_8),
                        SendOptions.RELIABLE);
                s.accepted().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertFalse(s.receipt().toCompletableFuture().isDone(), "no collector: no receipt");
            }
            Path copy = dir.resolve("after-kill");
            Files.createDirectories(copy);
            for (String name : List.of("queue.log", "ids")) {
                Files.copy(d.resolve("queue").resolve(name), copy.resolve(name));
            }
            try (OutboundQueue q = OutboundQueue.open(copy, QueueLimits.defaults(), Clock.systemUTC())) {
                assertEquals(texts, q.pending().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8))
                        .toList());
            }
        }
    }
}
