package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SendOptions;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.BrokerFactory;
import org.sslskura.testing.Brokers;
import org.sslskura.wire.hip.Hit;

/** Device and collector, each the full stack, through a real broker. */
class TransportEndToEndTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sslskura.testing.Brokers#all")
    void messagesArriveDecryptedAndNoPlaintextCrossesTheBroker(BrokerFactory brokers) throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = brokers.start();
             PahoMessageLink spy = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build())) {
            List<byte[]> seenByBroker = new ArrayList<>();
            List<String> topicsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
            spy.subscribe("#", (t, p) -> {
                synchronized (seenByBroker) {
                    seenByBroker.add(p);
                    topicsSeen.add(t);
                }
            });
            spy.start();
            Nodes.awaitListening(spy, "probe/spy", () -> count(topicsSeen, "probe/spy") > 0);
            try (SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url()).build());
                 SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url()).collectors(List.of("collector"))
                         .build())) {
                ConcurrentLinkedQueue<ReceivedMessage> inbox = Nodes.inbox(collector);
                Nodes.await(() -> spy.isConnected() && device.connected() && collector.connected(), 15_000, "links");
                List<CompletableFuture<MessageReceipt>> receipts = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String text = "SECRET-READING-" + i + " temperature=21." + i;
                    receipts.add(device.messaging().sendToCollectors("sensors/t1", text.getBytes(StandardCharsets.UTF_8),
                            SendOptions.RELIABLE).toCompletableFuture());
                }
                for (CompletableFuture<MessageReceipt> r : receipts) {
                    r.get(30, TimeUnit.SECONDS);
                }
                Nodes.await(() -> inbox.size() == 20, 10_000, "20 deliveries");
                Set<String> texts = new HashSet<>();
                for (ReceivedMessage m : inbox) {
                    assertEquals("sensors/t1", m.topic());
                    assertEquals(device.identity().hit(), m.from());
                    texts.add(new String(m.payload(), StandardCharsets.UTF_8));
                }
                assertEquals(20, texts.size());
                assertTrue(texts.contains("SECRET-READING-7 temperature=21.7"));
            }
            String dataTopic = org.sslskura.keyexchange.Topics.sse(org.sslskura.keyexchange.Topics.DEFAULT_PREFIX,
                    Nodes.hitOf(c));
            Nodes.await(() -> count(topicsSeen, dataTopic) >= 20, 10_000, "the spy saw the 20 data PDUs");
            synchronized (seenByBroker) {
                for (byte[] p : seenByBroker) {
                    String s = new String(p, StandardCharsets.ISO_8859_1);
                    assertFalse(s.contains("SECRET-READING") || s.contains("temperature"), "plaintext on the broker");
                }
            }
        }
    }

    private static long count(List<String> topics, String topic) {
        return topics.stream().filter(topic::equals).count();
    }

    /** Production defaults (timers, windows): the sender paces 1,700 fragment PDUs instead of flooding the broker. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sslskura.testing.Brokers#all")
    void largeMessageThroughFortyEightByteFragments(BrokerFactory brokers) throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        DexConfig small = DexConfig.builder().maxFragmentSize(48).maxChunkSize(1024).build();
        try (Broker broker = brokers.start();
             SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url()).dex(small).build());
             SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url()).dex(small)
                     .collectors(List.of("collector")).build())) {
            ConcurrentLinkedQueue<ReceivedMessage> inbox = Nodes.inbox(collector);
            Nodes.await(() -> device.connected() && collector.connected(), 15_000, "links");
            byte[] big = new byte[64 * 1024];
            new Random(64).nextBytes(big);
            device.messaging().sendToCollectors("bulk", big, SendOptions.RELIABLE).toCompletableFuture()
                    .get(180, TimeUnit.SECONDS);
            Nodes.await(() -> inbox.size() == 1, 10_000, "delivery");
            assertArrayEquals(big, inbox.peek().payload());
            assertEquals(48, device.envelope().parameters(collector.identity().hit()).orElseThrow().fragmentSize());
        }
    }

    /**
     * Production timers under 30 % loss both ways (a fault MQTT over TCP rarely shows; the simulation covers loss on a
     * virtual clock). At these defaults the window sits at its floor and lost PDUs back off to seconds: about 3
     * messages/s on a loaded 2-core machine, hence 100 messages and a generous deadline.
     */
    @Test
    void hundredMessagesUnderThirtyPercentLossArriveExactlyOnce() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = Brokers.moquette().start();
             SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url())
                     .linkDecorator(l -> new LossyLink(l, 0.3, 7)).build());
             SslsNode device = SslsNode.start(NodeSettings.builder(d, broker.url())
                     .linkDecorator(l -> new LossyLink(l, 0.3, 8)).collectors(List.of("collector")).build())) {
            ConcurrentLinkedQueue<ReceivedMessage> inbox = Nodes.inbox(collector);
            Nodes.await(() -> device.connected() && collector.connected(), 15_000, "links");
            List<CompletableFuture<MessageReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                receipts.add(device.messaging().sendToCollectors("seq", ("m" + i).getBytes(StandardCharsets.UTF_8),
                        SendOptions.RELIABLE).toCompletableFuture());
            }
            try {
                CompletableFuture.allOf(receipts.toArray(new CompletableFuture<?>[0])).get(240, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("not all acknowledged; device " + device.messaging().counters()
                        + "; collector " + collector.messaging().counters(), e);
            }
            Nodes.await(() -> inbox.size() >= 100, 10_000, "100 deliveries");
            Nodes.assertExactlyOnce(inbox, Nodes.numbered("m%d", 0, 99));
            Hit collectorHit = collector.identity().hit();
            assertTrue(device.messaging().counters().getOrDefault("fragments.retransmitted", 0L) > 0,
                    "loss was real: " + device.messaging().counters() + " to " + collectorHit.toHex());
        }
    }
}
