package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.mqtt.Links.TIMEOUT_SECONDS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.testing.Broker;
import org.sslskura.testing.BrokerFactory;
import org.sslskura.testing.TcpGate;

/** {@link PahoMessageLink} against real brokers: Moquette always, Mosquitto where installed (always on CI). */
class PahoMessageLinkBrokerTest {

    private static final String BROKERS = "org.sslskura.testing.Brokers#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void roundTripKeepsEveryByteIncludingEmptyAndLargePayloads(BrokerFactory brokers) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        byte[] large = new byte[64 * 1024];
        random.nextBytes(large);
        byte[] allValues = new byte[256];
        for (int i = 0; i < allValues.length; i++) {
            allValues[i] = (byte) i;
        }
        List<byte[]> payloads = List.of("hello".getBytes(StandardCharsets.UTF_8), new byte[0], allValues, large);
        String topic = Links.uniqueTopic("roundtrip");
        // Two clients: Moquette 0.17 drops a PUBACK while the client's connection is above Netty's write high-water
        // mark, which a 64 KiB message forwarded to the publisher itself causes.
        try (Broker broker = brokers.start();
                PahoMessageLink subscriber = Links.started(broker.url());
                PahoMessageLink publisher = Links.started(broker.url())) {
            Inbox inbox = new Inbox();
            subscriber.subscribe(topic, inbox).acknowledged().toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (byte[] payload : payloads) {
                publisher.publish(topic, payload).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            for (byte[] payload : payloads) {
                Inbox.Message m = inbox.next(TIMEOUT_SECONDS);
                assertEquals(topic, m.topic);
                assertArrayEquals(payload, m.payload, "payload of " + payload.length + " bytes, seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void everyQos1PublicationCompletesAndArrives(BrokerFactory brokers) throws Exception {
        int count = 500;
        String topic = Links.uniqueTopic("qos1");
        try (Broker broker = brokers.start(); PahoMessageLink link = Links.started(broker.url())) {
            Inbox inbox = new Inbox();
            link.subscribe(topic, inbox).acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(link.publish(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> seen = new HashSet<>();
            while (seen.size() < count) {
                seen.add(new String(inbox.next(TIMEOUT_SECONDS).payload, StandardCharsets.UTF_8));
            }
            assertEquals(count, seen.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void twoLinksTalkThroughTheirOwnTopics(BrokerFactory brokers) throws Exception {
        String topicA = Links.uniqueTopic("a") + "/sse";
        String topicB = Links.uniqueTopic("b") + "/sse";
        try (Broker broker = brokers.start();
                PahoMessageLink a = Links.started(broker.url());
                PahoMessageLink b = Links.started(broker.url())) {
            Inbox inboxA = new Inbox();
            a.subscribe(topicA, inboxA).acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            b.subscribe(topicB, (topic, payload) -> {
                byte[] reply = ("pong:" + new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                b.publish(topicA, reply);
            }).acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            for (int i = 0; i < 10; i++) {
                a.publish(topicB, ("ping" + i).getBytes(StandardCharsets.UTF_8)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Inbox.Message reply = inboxA.next(TIMEOUT_SECONDS);
                assertEquals(topicA, reply.topic);
                assertEquals("pong:ping" + i, new String(reply.payload, StandardCharsets.UTF_8));
            }
            assertFalse(a.options().clientId().equals(b.options().clientId()), "generated client ids differ");
        }
    }

    /**
     * The broker restarts without persistence, so it forgets every session. What must hold: the subscriber
     * subscribes again by itself, and the 20 messages the publisher published during the outage are sent once it is
     * back and reach that subscriber. The publisher goes through a gate that stays shut until the subscriber has
     * re-subscribed; otherwise which of the two reconnects first would be a race.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void messagesPublishedWhileTheBrokerIsDownArriveAfterItsRestart(BrokerFactory brokers) throws Exception {
        String topic = Links.uniqueTopic("restart");
        try (Broker broker = brokers.start();
                TcpGate gate = TcpGate.in(broker);
                PahoMessageLink subscriber = Links.started(broker.url());
                PahoMessageLink publisher = Links.started(gate.url())) {
            Inbox inbox = new Inbox();
            subscriber.subscribe(topic, inbox);
            Links.awaitRoute(publisher, topic, inbox);

            broker.stop();
            gate.shut();
            awaitDisconnected(subscriber);
            awaitDisconnected(publisher);
            List<CompletableFuture<Void>> outage = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                outage.add(publisher.publish(topic, ("outage-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            Thread.sleep(300);
            assertTrue(outage.stream().noneMatch(CompletableFuture::isDone), "buffered, not yet acknowledged");

            broker.restart();
            Links.awaitRoute(subscriber, topic, inbox);
            assertFalse(publisher.isConnected());
            gate.open();
            CompletableFuture.allOf(outage.toArray(new CompletableFuture[0])).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            List<String> received = new ArrayList<>();
            for (Inbox.Message m : inbox.take(20, TIMEOUT_SECONDS)) {
                received.add(new String(m.payload, StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("outage-" + i, received.get(i), "in publication order");
            }
            publisher.publish(topic, "after".getBytes(StandardCharsets.UTF_8)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("after", new String(inbox.next(TIMEOUT_SECONDS).payload, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void aThrowingHandlerBreaksNeitherTheConnectionNorLaterDeliveries(BrokerFactory brokers) throws Exception {
        String topic = Links.uniqueTopic("throwing");
        AtomicInteger calls = new AtomicInteger();
        try (Broker broker = brokers.start(); PahoMessageLink link = Links.started(broker.url())) {
            Inbox inbox = new Inbox();
            link.subscribe(topic, (t, p) -> {
                calls.incrementAndGet();
                throw new IllegalStateException("handler bug (expected by the test)");
            }).acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            link.subscribe(topic, inbox);

            for (int i = 0; i < 3; i++) {
                link.publish(topic, new byte[] {(byte) i}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertArrayEquals(new byte[] {(byte) i}, inbox.next(TIMEOUT_SECONDS).payload);
            }
            assertEquals(3, calls.get());
            assertTrue(link.isConnected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void theFirstConnectionIsRetriedUntilTheBrokerIsUp(BrokerFactory brokers) throws Exception {
        String topic = Links.uniqueTopic("late-broker");
        try (Broker broker = brokers.start()) {
            broker.stop();
            try (PahoMessageLink link = Links.started(broker.url())) {
                Inbox inbox = new Inbox();
                link.subscribe(topic, inbox);
                CompletableFuture<Void> early = link.publish(topic, "early".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(300);
                assertFalse(link.isConnected());
                assertFalse(early.isDone());

                broker.restart();
                early.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Links.awaitRoute(link, topic, inbox);
                link.publish(topic, "late".getBytes(StandardCharsets.UTF_8));
                assertEquals("late", new String(inbox.next(TIMEOUT_SECONDS).payload, StandardCharsets.UTF_8));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BROKERS)
    void aClosedSubscriptionReceivesNothingMore(BrokerFactory brokers) throws Exception {
        String topic = Links.uniqueTopic("unsubscribe");
        try (Broker broker = brokers.start(); PahoMessageLink link = Links.started(broker.url())) {
            Inbox closedOne = new Inbox();
            Inbox kept = new Inbox();
            PahoMessageLink.Subscription first = link.subscribe(topic, closedOne);
            first.acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            link.subscribe(topic, kept);
            first.close();

            link.publish(topic, "x".getBytes(StandardCharsets.UTF_8)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("x", new String(kept.next(TIMEOUT_SECONDS).payload, StandardCharsets.UTF_8));
            assertEquals(null, closedOne.poll(200));
        }
    }

    private static void awaitDisconnected(PahoMessageLink link) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (link.isConnected()) {
            assertTrue(System.nanoTime() < deadline, link + " still connected");
            Thread.sleep(10);
        }
    }
}
