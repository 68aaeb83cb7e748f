package org.sslskura.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.SendOptions;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.Topics;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.wire.hip.Hit;

/**
 * {@code ssls demo}: everything in one process, nothing to set up. An embedded broker, a collector and a device with
 * fresh identities that trust each other, the device publishing sensor readings, the collector's JSON lines, and what
 * an eavesdropper subscribed to the broker sees.
 */
final class DemoCommand extends Command {
    private static final long INTERVAL_MILLIS = 500;
    private static final long CONNECT_TIMEOUT_MILLIS = 15_000;
    private static final long ACK_TIMEOUT_MILLIS = 20_000;
    private static final String TOPIC = "sensors/t1";

    @Override
    String path() {
        return "demo";
    }

    @Override
    String summary() {
        return "run a broker, a collector and a device in one process and watch";
    }

    @Override
    String help() {
        return """
                usage: ssls demo [--seconds N] [--messages N]

                Starts an embedded MQTT broker (Moquette, 127.0.0.1, a free port), creates a device and a collector
                identity in a temporary directory (each trusting the other), and lets the device send a sensor
                reading such as {"sensor":"t1","celsius":21.37,"seq":5} every 500 ms to the collector.
                Shows on stdout the collector's decrypted JSON lines (as 'ssls collect' prints them) and, per
                PDU, what an eavesdropper subscribed to the broker sees ("broker saw ..."); then a summary.
                Exits 0 when every reading was acknowledged and delivered; removes its temporary directory.

                options:
                  --seconds N      how long the device sends (default 20)
                  --messages N     send exactly N readings instead (one every 500 ms)
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--seconds", "--messages");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        int seconds = args.intValue("--seconds", 20, 1, 24 * 3600);
        int messages = args.intValue("--messages", 0, 1, 1_000_000);
        int planned = messages > 0 ? messages : (int) Math.max(1, seconds * 1000L / INTERVAL_MILLIS);
        Path tmp = Files.createTempDirectory("ssls-demo-");
        try {
            return demo(tmp, planned, out, err);
        } finally {
            deleteTree(tmp, err);
        }
    }

    private int demo(Path tmp, int planned, PrintStream out, PrintStream err) throws Exception {
        Path deviceDir = tmp.resolve("device");
        Path collectorDir = tmp.resolve("collector");
        Hit deviceHit;
        Hit collectorHit;
        try (FileIdentityStore d = FileIdentityStore.open(deviceDir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                List.of(), new SecureRandom());
             FileIdentityStore c = FileIdentityStore.open(collectorDir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                     List.of(), new SecureRandom())) {
            d.addPeer("collector", c.hostIdentity());
            c.addPeer("device", d.hostIdentity());
            deviceHit = d.hit();
            collectorHit = c.hit();
        }
        String prefix = Topics.DEFAULT_PREFIX;
        String dataTopic = Topics.sse(prefix, collectorHit);
        String ackTopic = Topics.sse(prefix, deviceHit);
        Stats stats = new Stats();
        try (ShutdownSignal shutdown = new ShutdownSignal(); EmbeddedBroker broker = EmbeddedBroker.start()) {
            println(out, "ssls demo: embedded MQTT broker at " + broker.url());
            println(out, "  device    HIT " + deviceHit.toHex() + "  (" + deviceHit.toIpv6() + ")");
            println(out, "  collector HIT " + collectorHit.toHex() + "  (" + collectorHit.toIpv6() + ")");
            println(out, "  identities in " + tmp + " (removed at the end)");
            println(out, "  " + planned + " reading(s), one every " + INTERVAL_MILLIS + " ms; JSON lines are what the"
                    + " collector decrypted, 'broker saw' lines what anyone subscribed to the broker sees");
            try (PahoMessageLink spy = new PahoMessageLink(MqttLinkOptions.builder(broker.url())
                    .clientId(MqttLinkOptions.generateClientId()).build());
                 Collector collector = Collector.start(NodeSettings.builder(collectorDir, broker.url()).prefix(prefix),
                         broker.url(), out, null);
                 SslsNode device = SslsNode.start(NodeSettings.builder(deviceDir, broker.url()).prefix(prefix)
                         .collectors(List.of("collector")).build())) {
                String probeTopic = prefix + "/demo-probe";
                CountDownLatch listening = new CountDownLatch(1);
                spy.subscribe(prefix + "/#", (topic, payload) -> {
                    if (topic.equals(probeTopic)) {
                        listening.countDown();
                    } else {
                        stats.saw(out, topic, payload, dataTopic, ackTopic);
                    }
                });
                spy.start();
                long deadline = System.currentTimeMillis() + CONNECT_TIMEOUT_MILLIS;
                while (!(spy.isConnected() && collector.connected() && device.connected())) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new CommandFailure("the clients did not connect to the embedded broker");
                    }
                    Thread.sleep(20);
                }
                // the eavesdropper listens once it receives its own probe: from then on it sees every PDU
                do {
                    if (System.currentTimeMillis() > deadline) {
                        throw new CommandFailure("the eavesdropper's subscription did not become active");
                    }
                    spy.publish(probeTopic, new byte[] {1});
                } while (!listening.await(200, TimeUnit.MILLISECONDS));
                List<CompletableFuture<MessageReceipt>> sent = new ArrayList<>();
                Random random = new Random();
                double celsius = 21.0 + random.nextInt(300) / 100.0;
                long next = System.nanoTime();
                for (int seq = 1; seq <= planned && !shutdown.requested(); seq++) {
                    celsius += (random.nextInt(21) - 10) / 100.0;
                    String reading = String.format(Locale.ROOT, "{\"sensor\":\"t1\",\"celsius\":%.2f,\"seq\":%d}",
                            celsius, seq);
                    stats.plain.add(reading);
                    sent.add(device.messaging().sendToCollectors(TOPIC, reading.getBytes(StandardCharsets.UTF_8),
                            SendOptions.RELIABLE).toCompletableFuture());
                    next += INTERVAL_MILLIS * 1_000_000L;
                    long wait = (next - System.nanoTime()) / 1_000_000L;
                    if (seq < planned && wait > 0 && shutdown.await(wait)) {
                        break;
                    }
                }
                try {
                    CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
                            .get(shutdown.requested() ? 0 : ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    // counted below
                }
                long deadlineDelivered = System.currentTimeMillis() + 2_000;
                while (collector.received() < sent.size() && System.currentTimeMillis() < deadlineDelivered) {
                    Thread.sleep(20);
                }
                long acked = sent.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
                long delivered = collector.received();
                boolean leaked = stats.leaked.get();
                println(out, String.format(Locale.ROOT, "summary: sent %d, acknowledged %d, delivered %d; the broker"
                        + " carried %d data PDU(s), %d ACK PDU(s) and %d HIP packet(s) (%d bytes), %s",
                        sent.size(), acked, delivered, stats.data.get(), stats.acks.get(), stats.hip.get(),
                        stats.bytes.get(), leaked ? "AND SAW A READING IN CLEAR" : "none with a reading in clear"));
                if (acked == sent.size() && delivered == sent.size() && !leaked && !sent.isEmpty()) {
                    return OK;
                }
                throw new CommandFailure("the demo did not complete: " + acked + " of " + sent.size()
                        + " acknowledged, " + delivered + " delivered" + (leaked ? ", plaintext on the broker" : ""));
            }
        }
    }

    private static void println(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** What the eavesdropper saw. */
    private static final class Stats {
        final List<String> plain = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong data = new AtomicLong();
        final AtomicLong acks = new AtomicLong();
        final AtomicLong hip = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicBoolean leaked = new AtomicBoolean();

        void saw(PrintStream out, String topic, byte[] payload, String dataTopic, String ackTopic) {
            bytes.addAndGet(payload.length);
            String seen = new String(payload, StandardCharsets.ISO_8859_1);
            if (seen.contains("celsius") || plain.stream().anyMatch(seen::contains)) {
                leaked.set(true);
            }
            String kind;
            if (topic.equals(dataTopic)) {
                data.incrementAndGet();
                kind = "";
            } else if (topic.equals(ackTopic)) {
                acks.incrementAndGet();
                return; // one per reading or batched: counted in the summary, not shown
            } else if (topic.endsWith("/hip")) {
                hip.incrementAndGet();
                kind = " (HIP DEX key exchange)";
            } else {
                kind = "";
            }
            println(out, "broker saw " + payload.length + " bytes on " + topic + ": " + hexPreview(payload) + kind);
        }

        private static String hexPreview(byte[] b) {
            StringBuilder s = new StringBuilder();
            int n = Math.min(b.length, 24);
            for (int i = 0; i < n; i++) {
                s.append(String.format("%02x", b[i] & 0xFF));
            }
            return b.length > n ? s + "..." : s.toString();
        }
    }

    private static void deleteTree(Path root, PrintStream err) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            err.println("ssls demo: could not remove " + root + ": " + e.getMessage());
        }
    }
}
