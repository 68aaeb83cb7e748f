package org.sslskura.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sslskura.api.SendOptions;
import org.sslskura.api.TrustPolicy;
import org.sslskura.cli.NodeSettings;
import org.sslskura.cli.SslsNode;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.EmbeddedMoquette;
import org.sslskura.testing.MosquittoProcess;
import org.sslskura.envelope.EnvelopeOptions;
import org.sslskura.transport.TransportOptions;
import org.sslskura.wire.hip.Hit;

/**
 * Secured vs plain Paho publishing through the same local broker (Debian's Mosquitto where installed, else Moquette),
 * QoS 1, side by side in one run. Each invocation moves 1000 messages:
 * <ul>
 * <li>{@code plainAcked}: plain publishes until every PUBACK;</li>
 * <li>{@code plainDelivered}: plain publishes until a subscriber received all;</li>
 * <li>{@code securedAcknowledged}: SecureMessaging sends until the collector acknowledged every message end to end
 * (seal, publish, open, deliver, ACK PDU back).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class MqttThroughputBenchmark {
    private static final int BATCH = 1000;

    @Param({"64", "1024"})
    public int size;

    /** default: replay window 64, send window 48; wide: replay window 1024, send window 768 (both configurable). */
    @Param({"default", "wide"})
    public String window;

    /** ACK bundling delay of the collector in ms (default 50). */
    @Param({"50"})
    public int ackDelay;

    /** sync: every accepted message forced to disk (default); os: handed to the operating system only. */
    @Param({"sync", "os"})
    public String durability;

    private Broker broker;
    private Path dir;
    private SslsNode device;
    private SslsNode collector;
    private Hit collectorHit;
    private PahoMessageLink plainPublisher;
    private PahoMessageLink plainSubscriber;
    private final Semaphore plainReceived = new Semaphore(0);
    private final Semaphore securedReceived = new Semaphore(0);
    private byte[] payload;

    /** Broker, a device and a collector that trust each other, and a plain publisher/subscriber pair. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        broker = MosquittoProcess.available() ? MosquittoProcess.start() : EmbeddedMoquette.start();
        dir = Files.createTempDirectory("ssls-throughput");
        try (FileIdentityStore d = FileIdentityStore.open(dir.resolve("d"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                List.of(), new SecureRandom());
             FileIdentityStore c = FileIdentityStore.open(dir.resolve("c"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                     List.of(), new SecureRandom())) {
            d.addPeer("collector", c.hostIdentity());
            c.addPeer("device", d.hostIdentity());
            collectorHit = c.hit();
        }
        boolean wide = "wide".equals(window);
        EnvelopeOptions envelope = EnvelopeOptions.builder().replayWindow(wide ? 1024 : 64).build();
        TransportOptions d = TransportOptions.DEFAULTS;
        TransportOptions transport = new TransportOptions(d.retransmitMillis(), d.pduTries(), d.messageTtlMillis(),
                ackDelay, d.reassemblyTimeoutMillis(), d.maxReassemblies(), d.maxReassemblyBytes(),
                d.maxMessageBytes(), d.dedupeWindow(), wide ? 768 : 48);
        collector = SslsNode.start(NodeSettings.builder(dir.resolve("c"), broker.url()).envelope(envelope)
                .transport(transport).build());
        device = SslsNode.start(NodeSettings.builder(dir.resolve("d"), broker.url()).collectors(List.of("collector"))
                .envelope(envelope).transport(transport).syncQueue("sync".equals(durability)).build());
        collector.messaging().addReceiver(m -> securedReceived.release());
        plainPublisher = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build());
        plainSubscriber = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build());
        plainSubscriber.subscribe("plain/readings", (t, p) -> plainReceived.release());
        plainPublisher.start();
        plainSubscriber.start();
        payload = new byte[size];
        new SecureRandom().nextBytes(payload);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!(device.connected() && collector.connected() && plainPublisher.isConnected()
                && plainSubscriber.isConnected()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        device.messaging().send(collectorHit, "warmup", payload, SendOptions.RELIABLE).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        Thread.sleep(300);
    }

    /** Plain QoS 1 publishing, complete when the broker acknowledged every message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainAcked() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = plainPublisher.publish("plain/readings", payload).toCompletableFuture();
        }
        CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
        plainReceived.acquire(BATCH);
    }

    /** Plain QoS 1 publishing, complete when the subscriber received every message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainDelivered() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            plainPublisher.publish("plain/readings", payload);
        }
        if (!plainReceived.tryAcquire(BATCH, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("plain messages missing");
        }
    }

    /** Secured messages, complete when the carrier took every PDU (QoS 1 PUBACK): the same point as plainAcked. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void securedHandedOff() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = device.messaging().send(collectorHit, "readings", payload, SendOptions.FIRE_AND_FORGET)
                    .toCompletableFuture();
        }
        CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
        securedReceived.acquire(BATCH);
    }

    /** Secured messages, complete when the collector acknowledged every one end to end. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void securedAcknowledged() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = device.messaging().send(collectorHit, "readings", payload, SendOptions.RELIABLE)
                    .toCompletableFuture();
        }
        CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
        securedReceived.acquire(BATCH);
    }

    /** Stops everything and removes the temporary identities. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        device.close();
        collector.close();
        plainPublisher.close();
        plainSubscriber.close();
        broker.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
