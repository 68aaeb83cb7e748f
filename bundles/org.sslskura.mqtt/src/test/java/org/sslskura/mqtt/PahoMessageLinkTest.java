package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.mqtt.Links.TIMEOUT_SECONDS;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;

/** Behaviour that needs no broker, or one broker only: failures are clear and nothing is left pending. */
class PahoMessageLinkTest {

    /** A loopback port where nothing listens: connections are refused at once. */
    private static String deadBrokerUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void publishAfterCloseFailsCleanly() throws Exception {
        String topic = Links.uniqueTopic("closed");
        try (Broker broker = Brokers.moquette().start()) {
            PahoMessageLink link = Links.started(broker.url());
            Links.awaitConnected(link);
            link.close();

            CompletableFuture<Void> late = link.publish(topic, new byte[] {1});
            ExecutionException e = assertThrows(ExecutionException.class, () -> late.get(1, TimeUnit.SECONDS));
            assertInstanceOf(MqttLinkException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("is closed"), e.getCause().getMessage());
            assertFalse(link.isConnected());
            assertThrows(IllegalStateException.class, () -> link.subscribe(topic, (t, p) -> { }));
            assertThrows(IllegalStateException.class, link::start);
            link.close();
        }
    }

    @Test
    void closingFailsThePublicationsStillWaiting() throws Exception {
        PahoMessageLink link = Links.started(deadBrokerUrl());
        CompletableFuture<Void> waiting = link.publish("ssls/test/waiting", new byte[] {1});
        Thread.sleep(100);
        assertFalse(waiting.isDone());
        link.close();

        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(1, TimeUnit.SECONDS));
        assertInstanceOf(MqttLinkException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("closed before the broker acknowledged"));
        assertNoThreadLeft(link.options().clientId());
    }

    @Test
    void aFullOfflineBufferFailsThePublicationAtOnce() throws Exception {
        MqttLinkOptions options = Links.fast(deadBrokerUrl()).offlineBufferSize(5).build();
        try (PahoMessageLink link = Links.started(options)) {
            List<CompletableFuture<Void>> buffered = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                buffered.add(link.publish("ssls/test/full", new byte[] {(byte) i}));
            }
            CompletableFuture<Void> sixth = link.publish("ssls/test/full", new byte[] {6});

            ExecutionException e = assertThrows(ExecutionException.class, () -> sixth.get(1, TimeUnit.SECONDS));
            MqttLinkException failure = assertInstanceOf(MqttLinkException.class, e.getCause());
            assertEquals(MqttException.REASON_CODE_DISCONNECTED_BUFFER_FULL, failure.reasonCode());
            assertTrue(buffered.stream().noneMatch(CompletableFuture::isDone));
        }
    }

    @Test
    void closingAConnectedLinkLeavesNoThreadBehind() throws Exception {
        try (Broker broker = Brokers.moquette().start()) {
            PahoMessageLink link = Links.started(broker.url());
            Links.awaitConnected(link);
            link.close();
            assertNoThreadLeft(link.options().clientId());
        }
    }

    /** Paho and our connect loop name their threads after the client id. */
    private static void assertNoThreadLeft(String clientId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadsNamed(clientId) > 0) {
            assertTrue(System.nanoTime() < deadline, () -> "threads left: " + threadNames(clientId));
            Thread.sleep(20);
        }
    }

    private static String threadNames(String part) {
        StringBuilder names = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().contains(part)) {
                names.append(t.getName()).append(' ').append(t.getState()).append(' ')
                        .append(Arrays.toString(stack)).append('\n');
            }
        });
        return names.toString();
    }

    private static long threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(part))
                .count();
    }

    @Test
    void anInvalidTopicFailsThePublication() throws Exception {
        try (PahoMessageLink link = new PahoMessageLink(Links.fast(deadBrokerUrl()).build())) {
            CompletableFuture<Void> wildcard = link.publish("ssls/+/x", new byte[0]);
            ExecutionException e = assertThrows(ExecutionException.class, () -> wildcard.get(1, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertThrows(IllegalArgumentException.class, () -> link.subscribe("ssls/#/x", (t, p) -> { }));
        }
    }

    @Test
    void wildcardSubscriptionsReceiveMatchingTopics() throws Exception {
        String base = Links.uniqueTopic("wildcard");
        try (Broker broker = Brokers.moquette().start(); PahoMessageLink link = Links.started(broker.url())) {
            Inbox inbox = new Inbox();
            link.subscribe(base + "/+/sse", inbox).acknowledged().toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            link.publish(base + "/peer/hip", new byte[] {0}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            link.publish(base + "/peer/sse", new byte[] {1}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            Inbox.Message m = inbox.next(TIMEOUT_SECONDS);
            assertEquals(base + "/peer/sse", m.topic);
            assertEquals(1, m.payload[0]);
        }
    }

    @Test
    void theCallerMayReuseItsPayloadArrayAfterPublishing() throws Exception {
        String topic = Links.uniqueTopic("copy");
        try (Broker broker = Brokers.moquette().start(); PahoMessageLink link = Links.started(broker.url())) {
            Inbox inbox = new Inbox();
            link.subscribe(topic, inbox).acknowledged().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            byte[] payload = "original".getBytes(StandardCharsets.UTF_8);
            CompletableFuture<Void> sent = link.publish(topic, payload);
            payload[0] = 'X';
            sent.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("original", new String(inbox.next(TIMEOUT_SECONDS).payload, StandardCharsets.UTF_8));
        }
    }
}
