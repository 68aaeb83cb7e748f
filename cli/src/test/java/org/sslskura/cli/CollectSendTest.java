package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.BrokerFactory;
import org.sslskura.testing.Brokers;

/** {@code ssls collect} and {@code ssls send}, in-process, through each real broker. */
class CollectSendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "temperature=21.5 ünïcode €";

    @TempDir
    Path dir;

    /**
     * A receipt means "printed": a collector whose standard output breaks after three lines exits 1 with one line,
     * the sender is not told the rest were delivered, and a restarted collector prints each of them exactly once.
     */
    @Test
    void collectorWhoseOutputBreaksAcknowledgesOnlyWhatItPrinted() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = Brokers.moquette().start()) {
            Set<Long> ids = new HashSet<>();
            try (Cli.Running collector = Cli.Running.withOutputFailingAfter(3, "collect", "--dir", c.toString(),
                    "--broker", broker.url())) {
                collector.awaitErr("listening on", 20_000);
                Cli.Result sent = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to",
                        "collector", "--topic", "t", "--message", "m", "--count", "10", "--timeout", "10");
                assertEquals(1, sent.code(), sent::toString);
                assertEquals(1, collector.awaitExit(20_000), collector.err::text);
                assertTrue(collector.err.text().contains("standard output is not writable"), collector.err::text);
                assertEquals(3, collector.out.lines().size(), collector.out::text);
                for (String line : collector.out.lines()) {
                    ids.add(JSON.readTree(line).get("id").asLong());
                }
            }
            try (Cli.Running collector = Cli.Running.start("collect", "--dir", c.toString(), "--broker",
                    broker.url())) {
                collector.awaitErr("listening on", 20_000);
                Cli.Result rest = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to",
                        "collector", "--count", "0", "--timeout", "60");
                assertEquals(0, rest.code(), rest::toString);
                Nodes.await(() -> collector.out.lines().size() >= 7, 10_000, "the other 7 lines");
                for (String line : collector.out.lines()) {
                    assertTrue(ids.add(JSON.readTree(line).get("id").asLong()), "printed twice: " + line);
                }
                assertEquals(10, ids.size());
                assertEquals(0, collector.stop(), collector.err::text);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sslskura.testing.Brokers#all")
    void sendFiveThenABinaryFileCollectorPrintsAndRepublishes(BrokerFactory brokers) throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        String deviceHit = Nodes.hitOf(d).toHex();
        String collectorHit = Nodes.hitOf(c).toHex();
        try (Broker broker = brokers.start();
             PahoMessageLink clear = new PahoMessageLink(MqttLinkOptions.builder(broker.url()).build())) {
            Map<String, byte[]> republished = new ConcurrentHashMap<>();
            List<String> republishedTopics = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
            clear.subscribe("clear/#", (t, p) -> {
                if (t.equals("clear/probe")) {
                    listening.countDown(); // our own probe: the subscription is live
                    return;
                }
                republishedTopics.add(t);
                republished.put(new String(p, StandardCharsets.ISO_8859_1), p);
            });
            clear.start();
            try (Cli.Running collector = Cli.Running.start("collect", "--dir", c.toString(), "--broker", broker.url(),
                    "--republish", "clear")) {
                collector.awaitErr("listening on", 20_000);
                Nodes.awaitListening(clear, "clear/probe", () -> listening.getCount() == 0);

                Cli.Result sent = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to", "collector",
                        "--topic", "sensors/t1", "--message", TEXT, "--count", "5", "--timeout", "30");
                assertEquals(0, sent.code(), sent::toString);
                assertTrue(sent.out().contains("all acknowledged"), sent::toString);
                Nodes.await(() -> collector.out.lines().size() >= 5, 10_000, "5 JSON lines");

                Set<String> texts = new HashSet<>();
                Set<Long> ids = new HashSet<>();
                for (String line : collector.out.lines()) {
                    JsonNode j = JSON.readTree(line);
                    assertEquals(deviceHit, j.get("from").asText(), line);
                    assertEquals("sensors/t1", j.get("topic").asText(), line);
                    assertTrue(j.get("id").isIntegralNumber(), line);
                    ids.add(j.get("id").asLong());
                    String text = j.get("text").asText();
                    assertEquals(text, new String(Base64.getDecoder().decode(j.get("payload").asText()),
                            StandardCharsets.UTF_8));
                    texts.add(text);
                }
                assertEquals(5, collector.out.lines().size(), collector.out::text);
                assertEquals(5, ids.size());
                Set<String> expected = new HashSet<>();
                for (int i = 1; i <= 5; i++) {
                    expected.add(TEXT + " #" + i);
                }
                assertEquals(expected, texts);

                Nodes.await(() -> republished.size() >= 5, 10_000, "5 re-publications");
                synchronized (republishedTopics) {
                    assertTrue(republishedTopics.stream().allMatch(
                            t -> t.equals("clear/" + deviceHit + "/sensors/t1")), republishedTopics::toString);
                }
                Set<String> clearTexts = new HashSet<>();
                republished.values().forEach(p -> clearTexts.add(new String(p, StandardCharsets.UTF_8)));
                assertEquals(expected, clearTexts);

                // a binary payload from a file: base64 only, no "text"
                byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3};
                Path file = dir.resolve("blob.bin");
                Files.write(file, binary);
                Cli.Result blob = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to", collectorHit,
                        "--topic", "blobs", "--file", file.toString(), "--timeout", "30");
                assertEquals(0, blob.code(), blob::toString);
                Nodes.await(() -> collector.out.lines().size() >= 6, 10_000, "the sixth JSON line");
                JsonNode j = JSON.readTree(collector.out.lines().get(5));
                assertEquals("blobs", j.get("topic").asText());
                assertFalse(j.has("text"), j::toString);
                assertArrayEquals(binary, Base64.getDecoder().decode(j.get("payload").asText()));

                assertEquals(0, collector.stop(), collector.err::text);
                assertTrue(collector.err.text().contains("6 message(s) received"), collector.err::text);
                assertEquals(6, collector.out.lines().size(), "nothing printed twice");
            }
        }
    }

    @Test
    void sendWithoutCollectorTimesOutAndKeepsTheMessagesQueued() throws Exception {
        Path d = dir.resolve("device");
        Path c = dir.resolve("collector");
        Nodes.pair(d, c);
        try (Broker broker = Brokers.moquette().start()) {
            Cli.Result r = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to", "collector",
                    "--topic", "t", "--message", "m", "--count", "3", "--timeout", "2");
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().contains("timed out after 2 s") && r.err().contains("3 message(s) stay queued"),
                    r::toString);
            assertFalse(r.err().contains("\tat "), r::toString);

            try (Cli.Running collector = Cli.Running.start("collect", "--dir", c.toString(), "--broker",
                    broker.url())) {
                collector.awaitErr("listening on", 20_000);
                Cli.Result flush = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to",
                        "collector", "--count", "0", "--timeout", "30");
                assertEquals(0, flush.code(), flush::toString);
                assertTrue(flush.err().contains("3 message(s) queued by an earlier run"), flush::toString);
                Nodes.await(() -> collector.out.lines().size() >= 3, 10_000, "3 JSON lines");
                Cli.Result nothing = Cli.run("send", "--dir", d.toString(), "--broker", broker.url(), "--to",
                        "collector", "--count", "0");
                assertEquals(0, nothing.code(), nothing::toString);
                assertTrue(nothing.out().contains("nothing queued"), nothing::toString);
                assertEquals(0, collector.stop());
                assertEquals(3, collector.out.lines().size());
            }
        }
    }
}
