package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SendOptions;
import org.sslskura.testing.Broker;
import org.sslskura.testing.BrokerFactory;
import org.sslskura.testing.Brokers;

/** Full nodes in-process: a broker restart and a collector restart in the middle of a stream lose nothing. */
class ResilienceTest {
    /**
     * At production defaults a device notices a collector that lost its keys after a PDU's retry budget (about 63 s
     * at a 1 s retransmission timeout), so the waits here are generous; the protocol itself is exercised on a virtual
     * clock by the transport's delivery simulation.
     */
    private static final long ACKNOWLEDGED_WITHIN_SECONDS = 180;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sslskura.testing.Brokers#all")
    void brokerRestartWhileTwoHundredMessagesAreSentLosesNothing(BrokerFactory brokers) throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = brokers.start();
             SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url()).build());
             SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url()).collectors(List.of("collector"))
                     .build())) {
            ConcurrentLinkedQueue<ReceivedMessage> inbox = Nodes.inbox(collector);
            Nodes.await(() -> device.connected() && collector.connected(), 15_000, "links");
            List<CompletableFuture<MessageReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                receipts.add(device.messaging().sendToCollectors("seq", ("m" + i).getBytes(StandardCharsets.UTF_8),
                        SendOptions.RELIABLE).toCompletableFuture());
                if (i == 60) {
                    Nodes.await(() -> !inbox.isEmpty(), 15_000, "the first deliveries");
                    broker.restart();
                }
                Thread.sleep(5);
            }
            awaitAll(receipts, device, collector);
            Nodes.await(() -> inbox.size() >= 200, 10_000, "200 deliveries");
            Nodes.assertExactlyOnce(inbox, Nodes.numbered("m%d", 0, 199));
            assertEquals(0L, device.messaging().counters().getOrDefault("queue.messages", -1L));
        }
    }

    @Test
    void collectorRestartLeadsToAFreshKeyExchangeAndNoLoss() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        ConcurrentLinkedQueue<ReceivedMessage> inbox = new ConcurrentLinkedQueue<>();
        try (Broker broker = Brokers.moquette().start();
             SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url()).collectors(List.of("collector"))
                     .build())) {
            NodeSettings.Builder cs = NodeSettings.builder(c, broker.url()).receiver(inbox::add);
            SslsNode first = SslsNode.start(cs.build());
            SslsNode second = null;
            try {
                Nodes.await(() -> device.connected() && first.connected(), 15_000, "links");
                List<CompletableFuture<MessageReceipt>> receipts = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    receipts.add(device.messaging().sendToCollectors("seq", ("m" + i).getBytes(
                            StandardCharsets.UTF_8), SendOptions.RELIABLE).toCompletableFuture());
                    if (i == 40) {
                        Nodes.await(() -> inbox.size() >= 20, 15_000, "the first deliveries");
                        first.close();
                        Thread.sleep(300);
                        second = SslsNode.start(cs.build());
                    }
                    Thread.sleep(10);
                }
                awaitAll(receipts, device, second);
                Nodes.await(() -> inbox.size() >= 100, 10_000, "100 deliveries");
                Nodes.assertExactlyOnce(inbox, Nodes.numbered("m%d", 0, 99));
                Map<String, Long> kx = device.keyExchange().counters();
                Map<String, Long> transport = device.messaging().counters();
                assertTrue(kx.getOrDefault("reestablished", 0L) >= 1
                        || transport.getOrDefault("sessions.suspect", 0L) >= 1,
                        "the device ran a second key exchange: " + kx + " " + transport);
                assertEquals(1L, second.envelope().counters().get("sa.installed"),
                        "the new collector holds the SAs of the fresh exchange: " + second.envelope().counters());
            } finally {
                first.close();
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    /** Waits for every receipt; on a timeout, fails with the state of both nodes. */
    private static void awaitAll(List<CompletableFuture<MessageReceipt>> receipts, SslsNode device, SslsNode collector)
            throws Exception {
        try {
            CompletableFuture.allOf(receipts.toArray(new CompletableFuture<?>[0])).get(ACKNOWLEDGED_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            long done = receipts.stream().filter(CompletableFuture::isDone).count();
            throw new AssertionError(done + " of " + receipts.size() + " acknowledged after "
                    + ACKNOWLEDGED_WITHIN_SECONDS + " s"
                    + "\ndevice connected=" + device.connected() + " session=" + device.keyExchange()
                    .session(collector.identity().hit()).isPresent() + "\n  transport " + device.messaging().counters()
                    + "\n  kx " + device.keyExchange().counters() + "\n  envelope " + device.envelope().counters()
                    + "\ncollector connected=" + collector.connected() + "\n  transport "
                    + collector.messaging().counters() + "\n  kx " + collector.keyExchange().counters()
                    + "\n  envelope " + collector.envelope().counters(), e);
        }
    }
}
