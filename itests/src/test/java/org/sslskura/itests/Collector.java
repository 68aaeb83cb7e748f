package org.sslskura.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import org.sslskura.api.SendOptions;
import org.sslskura.api.TrustPolicy;
import org.sslskura.cli.NodeSettings;
import org.sslskura.cli.SslsNode;
import org.sslskura.testing.EmbeddedMoquette;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;

/**
 * The test-JVM side, started from {@code @Configuration} (before the framework): Moquette and a collector (the CLI's
 * {@link SslsNode}, trust on first use). It talks to the test code inside the framework only through JVM-global
 * objects whose classes come from the boot class loader: String system properties, and a {@link BlockingQueue} of
 * "topic\npayload" strings stored in the system properties. Never loaded inside the framework.
 */
final class Collector {
    static final String BROKER = "ssls.it.broker";
    static final String KEY = "ssls.it.collector.key";
    static final String HIT = "ssls.it.collector.hit";
    static final String RECEIVED = "ssls.it.received";
    /**
     * A {@code BiConsumer<String, String>} (device HIT as hex, "topic\npayload") that sends one reliable message from the
     * collector to the device: a JDK type, so that the probe inside the framework can call it.
     */
    static final String SEND = "ssls.it.send";

    private static EmbeddedMoquette broker;
    private static SslsNode node;

    private Collector() {
    }

    static synchronized void start(String workdir) throws Exception {
        if (node != null) {
            return;
        }
        Path dir = Files.createDirectories(Path.of(workdir)).resolve("collector");
        broker = EmbeddedMoquette.start();
        node = SslsNode.start(NodeSettings.builder(dir, broker.url()).trustPolicy(TrustPolicy.TRUST_ON_FIRST_USE)
                .build());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        node.messaging().addReceiver(m -> received.add(m.topic() + "\n"
                + new String(m.payload(), StandardCharsets.UTF_8)));
        System.getProperties().put(RECEIVED, received);
        BiConsumer<String, String> send = (hit, message) -> {
            int newline = message.indexOf('\n');
            try {
                node.messaging().send(Hit.parseHex(hit), message.substring(0, newline),
                        message.substring(newline + 1).getBytes(StandardCharsets.UTF_8), SendOptions.RELIABLE);
            } catch (WireException e) {
                throw new IllegalArgumentException("not a HIT: " + hit, e);
            }
        };
        System.getProperties().put(SEND, send);
        System.setProperty(BROKER, broker.url());
        System.setProperty(KEY, hex(node.identity().hostIdentity().publicKey()));
        System.setProperty(HIT, node.identity().hit().toHex());
        Runtime.getRuntime().addShutdownHook(new Thread(Collector::stop));
    }

    static synchronized void stop() {
        if (node != null) {
            node.close();
            broker.close();
            node = null;
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
