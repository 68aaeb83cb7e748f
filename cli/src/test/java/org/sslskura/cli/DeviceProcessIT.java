package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;

/**
 * The built {@code ssls.jar} as a device process that is killed hard (SIGKILL) with messages in its queue, then run
 * again on the same directory. Run by maven-failsafe after {@code package}; the jar path comes from the system
 * property {@code ssls.jar}.
 */
class DeviceProcessIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void jar() {
        String p = System.getProperty("ssls.jar");
        assertTrue(p != null && Files.isRegularFile(Path.of(p)), "system property ssls.jar must name the built jar: "
                + p);
        jar = Path.of(p);
    }

    @Test
    void messagesQueuedByAKilledProcessAreDeliveredExactlyOnceByTheNextOne() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = Brokers.moquette().start()) {
            // the collector is not running: nothing can be acknowledged
            try (Child first = Child.start(d, "send", "--broker", broker.url(), "--to", "collector", "--topic", "t",
                    "--message", "queued", "--count", "20", "--timeout", "600")) {
                first.awaitErr("queued 20 message(s)", 30_000);
                first.kill();
            }
            try (SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url()).build())) {
                ConcurrentLinkedQueue<ReceivedMessage> inbox = Nodes.inbox(collector);
                Nodes.await(collector::connected, 15_000, "collector link");
                try (Child flush = Child.start(d, "send", "--broker", broker.url(), "--to", "collector", "--count",
                        "0", "--timeout", "60")) {
                    assertEquals(0, flush.waitFor(90_000), flush::describe);
                    assertTrue(flush.err().contains("20 message(s) queued by an earlier run"), flush::describe);
                }
                Nodes.await(() -> inbox.size() >= 20, 10_000, "20 deliveries");
                Nodes.assertExactlyOnce(inbox, Nodes.numbered("queued #%d", 1, 20));
                assertEquals(1L, collector.envelope().counters().get("sa.installed"), collector.envelope().counters()
                        ::toString);
            }
            try (Child nothing = Child.start(d, "send", "--broker", broker.url(), "--to", "collector", "--count",
                    "0")) {
                assertEquals(0, nothing.waitFor(60_000), nothing::describe);
                assertTrue(nothing.out().contains("nothing queued"), nothing::describe);
            }
        }
    }

    @Test
    void aRestartedDeviceProcessRunsAFreshKeyExchangeAndResendsWhatWasNotAcknowledged() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = Brokers.moquette().start();
             SslsNode collector = SslsNode.start(NodeSettings.builder(c, broker.url()).build())) {
            // the collector takes the first 50 and refuses the rest (not acknowledged) until the first process is
            // killed: the kill lands mid-stream by construction, whatever the machine's speed
            ConcurrentLinkedQueue<ReceivedMessage> inbox = new ConcurrentLinkedQueue<>();
            AtomicBoolean holding = new AtomicBoolean(true);
            collector.messaging().addReceiver(m -> {
                if (holding.get() && inbox.size() >= 50) {
                    throw new IllegalStateException("held back by the test");
                }
                inbox.add(m);
            });
            Nodes.await(collector::connected, 15_000, "collector link");
            try (Child first = Child.start(d, "send", "--broker", broker.url(), "--to", "collector", "--topic", "t",
                    "--message", "first", "--count", "200", "--timeout", "600")) {
                first.awaitErr("queued 200 message(s)", 30_000);
                Nodes.await(() -> inbox.size() >= 50, 30_000, "the first 50 deliveries");
                first.kill();
            }
            assertEquals(50, inbox.size(), "killed with 150 of 200 messages unacknowledged");
            holding.set(false);
            assertEquals(1L, collector.envelope().counters().get("sa.installed"));
            try (Child second = Child.start(d, "send", "--broker", broker.url(), "--to", "collector", "--topic", "t",
                    "--message", "second", "--count", "5", "--timeout", "60")) {
                assertEquals(0, second.waitFor(90_000), second::describe);
            }
            Nodes.await(() -> inbox.size() >= 205, 10_000, "205 deliveries");
            List<String> expected = new ArrayList<>(Nodes.numbered("first #%d", 1, 200));
            expected.addAll(Nodes.numbered("second #%d", 1, 5));
            Nodes.assertExactlyOnce(inbox, expected);
            // the second process did not reuse the first one's SAs (and sequence numbers): it ran its own exchange
            Map<String, Long> envelope = collector.envelope().counters();
            assertEquals(2L, envelope.get("sa.installed"), envelope::toString);
            assertEquals(0L, envelope.get("drop.authentication-failed"), envelope::toString);
        }
    }

    /** {@code java -jar ssls.jar ...} with its output collected. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final Cli.Lines out = new Cli.Lines();
        private final Cli.Lines err = new Cli.Lines();

        private final Thread outPump;
        private final Thread errPump;

        private Child(Process process) {
            this.process = process;
            outPump = pump(process.getInputStream(), out);
            errPump = pump(process.getErrorStream(), err);
        }

        static Child start(Path identity, String command, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), command, "--dir", identity.toString()));
            cmd.addAll(List.of(args));
            return new Child(new ProcessBuilder(cmd).start());
        }

        private static Thread pump(InputStream in, Cli.Lines to) {
            Thread t = new Thread(() -> {
                try (in) {
                    in.transferTo(to);
                } catch (IOException e) {
                    // the process is gone
                }
            }, "child-output");
            t.setDaemon(true);
            t.start();
            return t;
        }

        void awaitErr(String text, long millis) throws InterruptedException {
            Nodes.await(() -> err.text().contains(text) || !process.isAlive(), millis, "'" + text + "':\n"
                    + describe());
            assertTrue(err.text().contains(text), this::describe);
        }

        int waitFor(long millis) throws InterruptedException {
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + millis + " ms:\n" + describe());
            }
            outPump.join(10_000); // the process is gone: its output ends
            errPump.join(10_000);
            return process.exitValue();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        String out() {
            return out.text();
        }

        String err() {
            return err.text();
        }

        String describe() {
            return "--- stdout\n" + out.text() + "--- stderr\n" + err.text();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }
}
