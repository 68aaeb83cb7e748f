package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sslskura.api.MessageLink;

/** Test helpers: links with short reconnect delays, and waits. */
public final class Links {

    /** Waits of these tests; generous for a loaded CI machine, short enough to fail fast. */
    public static final long TIMEOUT_SECONDS = 15;

    private Links() {
    }

    /** @return options reconnecting after 100 ms .. 1 s instead of 1 s .. 60 s, so that restarts are quick */
    public static MqttLinkOptions.Builder fast(String url) {
        return MqttLinkOptions.builder(url)
                .connectionTimeoutSeconds(5)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    /** @return a started link with {@link #fast} options */
    public static PahoMessageLink started(String url) throws MqttLinkException {
        return started(fast(url).build());
    }

    public static PahoMessageLink started(MqttLinkOptions options) throws MqttLinkException {
        PahoMessageLink link = new PahoMessageLink(options);
        link.start();
        return link;
    }

    /** @return a topic no other test uses */
    public static String uniqueTopic(String name) {
        return "ssls/test/" + name + "/" + UUID.randomUUID();
    }

    public static void awaitConnected(MessageLink link) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!link.isConnected()) {
            if (System.nanoTime() > deadline) {
                fail(link + " not connected within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Publishes probes on {@code topic} through {@code publisher} until {@code inbox} receives one: proves that the
     * route publisher, broker, subscriber works (whatever the subscriber's link type). Probes are drained from the
     * inbox.
     */
    public static void awaitRoute(MessageLink publisher, String topic, Inbox inbox) throws InterruptedException {
        byte[] probe = ("probe-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            publisher.publish(topic, probe);
            Inbox.Message m = inbox.poll(200);
            if (m != null && Arrays.equals(m.payload, probe)) {
                drain(inbox, probe);
                return;
            }
        }
        fail("no route to " + topic + " within " + TIMEOUT_SECONDS + " s");
    }

    /** Removes late copies of the probe (sent before the first came back) from the inbox. */
    private static void drain(Inbox inbox, byte[] probe) throws InterruptedException {
        Inbox.Message m;
        while ((m = inbox.poll(300)) != null) {
            if (!Arrays.equals(m.payload, probe)) {
                fail("unexpected message while draining probes on " + m.topic);
            }
        }
    }
}
