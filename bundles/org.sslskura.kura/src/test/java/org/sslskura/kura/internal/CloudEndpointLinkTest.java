package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.kura.KuraException;
import org.junit.jupiter.api.Test;

class CloudEndpointLinkTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void publishesTheBodyWithRawMqttPropertiesAndCompletesOnConfirmation() throws Exception {
        RawMqttEndpoint endpoint = new RawMqttEndpoint();
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofSeconds(30));
        link.endpointAdded(endpoint);

        CompletableFuture<Void> sent = link.publish("ssls/v1/abc/sse", bytes("pdu")).toCompletableFuture();
        RawMqttEndpoint.Published p = endpoint.published.get(0);
        assertEquals("ssls/v1/abc/sse", p.topic());
        assertArrayEquals(bytes("pdu"), p.body());
        assertEquals(1, p.properties().get("qos"));
        assertEquals(Boolean.FALSE, p.properties().get("retain"));
        assertEquals(CloudEndpointLink.PRIORITY, p.properties().get("priority"));
        assertFalse(sent.isDone(), "waits for the endpoint's confirmation");
        endpoint.confirm("999"); // someone else's
        assertFalse(sent.isDone());
        endpoint.confirm(p.id());
        sent.get(1, TimeUnit.SECONDS);
    }

    @Test
    void aConfirmationBeforePublishReturnedIsNotLost() throws Exception {
        RawMqttEndpoint endpoint = new RawMqttEndpoint() {
            @Override
            public synchronized String publish(org.eclipse.kura.cloudconnection.message.KuraMessage m)
                    throws KuraException {
                String id = super.publish(m);
                confirm(id); // the broker was quicker than the caller
                return id;
            }
        };
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofSeconds(30));
        link.endpointAdded(endpoint);
        link.publish("t", bytes("x")).toCompletableFuture().get(1, TimeUnit.SECONDS);
    }

    @Test
    void withoutConfirmationThePublicationTimesOut() {
        RawMqttEndpoint endpoint = new RawMqttEndpoint();
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofMillis(50));
        link.endpointAdded(endpoint);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> link.publish("t", bytes("x")).toCompletableFuture().get(2, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
    }

    @Test
    void publicationsFailWhileTheEndpointIsAwayAndRefusalsArePassedOn() {
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofSeconds(30));
        CompletableFuture<Void> f = link.publish("t", bytes("x")).toCompletableFuture();
        assertTrue(f.isCompletedExceptionally());
        assertFalse(link.isConnected());

        RawMqttEndpoint endpoint = new RawMqttEndpoint();
        link.endpointAdded(endpoint);
        assertTrue(link.isConnected());
        endpoint.connected = false;
        assertFalse(link.isConnected(), "follows the CloudConnectionManager state");
        link.endpointRemoved(endpoint);
        assertTrue(link.publish("t", bytes("x")).toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void subscriptionsSurviveTheEndpointGoingAwayAndComingBack() throws Exception {
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofSeconds(30));
        List<String> got = new CopyOnWriteArrayList<>();
        AutoCloseable sub = link.subscribe("ssls/v1/me/hip",
                (topic, payload) -> got.add(topic + "=" + new String(payload, StandardCharsets.UTF_8)));

        RawMqttEndpoint first = new RawMqttEndpoint();
        link.endpointAdded(first);
        assertEquals("ssls/v1/me/hip", first.subscribers.values().iterator().next());
        first.arrive("ssls/v1/me/hip", bytes("r1"));
        first.arrive("ssls/v1/other/hip", bytes("not mine"));
        link.endpointRemoved(first);
        assertTrue(first.subscribers.isEmpty(), "unregistered from the endpoint that left");

        RawMqttEndpoint second = new RawMqttEndpoint();
        link.endpointAdded(second);
        second.arrive("ssls/v1/me/hip", bytes("r2"));
        assertEquals(List.of("ssls/v1/me/hip=r1", "ssls/v1/me/hip=r2"), got);

        sub.close();
        assertTrue(second.subscribers.isEmpty());
        second.arrive("ssls/v1/me/hip", bytes("r3"));
        assertEquals(2, got.size());
    }

    @Test
    void closingFailsWaitingPublications() {
        RawMqttEndpoint endpoint = new RawMqttEndpoint();
        CloudEndpointLink link = new CloudEndpointLink("raw", Duration.ofSeconds(30));
        link.endpointAdded(endpoint);
        CompletableFuture<Void> f = link.publish("t", bytes("x")).toCompletableFuture();
        link.close();
        assertTrue(f.isCompletedExceptionally());
        assertTrue(endpoint.delivery.isEmpty());
    }
}
