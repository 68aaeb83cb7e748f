package org.sslskura.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.wire.hip.Hit;

/** The commands that need no broker, and the error handling of all of them; in-process. */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void identityInitCreatesOnceAndShowPrintsTheSameIdentity() throws Exception {
        Path d = dir.resolve("dev");
        Cli.Result init = Cli.run("identity", "init", "--dir", d.toString());
        assertEquals(0, init.code(), init::toString);
        String hit = init.out().strip();
        assertTrue(hit.matches("[0-9a-f]{32}"), hit);
        assertTrue(init.err().contains("created"), init::toString);
        byte[] key = Files.readAllBytes(d.resolve("identity.key"));

        Cli.Result again = Cli.run("identity", "init", "--dir", d.toString(), "--curve", "X448");
        assertEquals(0, again.code(), again::toString);
        assertEquals(hit, again.out().strip(), "an existing identity is kept");
        assertTrue(again.err().contains("kept"), again::toString);
        assertTrue(java.util.Arrays.equals(key, Files.readAllBytes(d.resolve("identity.key"))), "key unchanged");

        Cli.Result show = Cli.run("identity", "show", "--dir", d.toString(), "--json");
        assertEquals(0, show.code(), show::toString);
        JsonNode j = JSON.readTree(show.out());
        assertEquals(hit, j.get("hit").asText());
        assertTrue(j.get("public_key").asText().matches("[0-9a-f]{64}"), show::toString);
        assertEquals("X25519", j.get("curve").asText());
        assertEquals(Hit.parseHex(hit).toIpv6(), j.get("hit_ipv6").asText());
        assertTrue(j.get("hit_ipv6").asText().startsWith("2001:2"), show::toString);

        Cli.Result text = Cli.run("identity", "show", "--dir", d.toString());
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains(hit) && text.out().contains(j.get("public_key").asText()), text::toString);
    }

    @Test
    void x448Identity() throws Exception {
        Path d = dir.resolve("x448");
        assertEquals(0, Cli.run("identity", "init", "--dir", d.toString(), "--curve", "x448").code());
        JsonNode j = JSON.readTree(Cli.run("identity", "show", "--dir", d.toString(), "--json").out());
        assertEquals("X448", j.get("curve").asText());
        assertTrue(j.get("public_key").asText().matches("[0-9a-f]{112}"));
    }

    @Test
    void peersAddAndList() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        Path e = dir.resolve("e");
        for (Path p : new Path[] {a, b, c, e}) {
            assertEquals(0, Cli.run("identity", "init", "--dir", p.toString()).code());
        }
        JsonNode bId = JSON.readTree(Cli.run("identity", "show", "--dir", b.toString(), "--json").out());
        JsonNode cId = JSON.readTree(Cli.run("identity", "show", "--dir", c.toString(), "--json").out());

        Cli.Result named = Cli.run("peers", "add", "--dir", a.toString(), "--public-key",
                bId.get("public_key").asText(), "--name", "collector");
        assertEquals(0, named.code(), named::toString);
        assertTrue(named.out().contains(bId.get("hit").asText()), named::toString);
        Cli.Result unnamed = Cli.run("peers", "add", "--dir", a.toString(), "--public-key",
                cId.get("public_key").asText().toUpperCase());
        assertEquals(0, unnamed.code(), unnamed::toString);
        JsonNode eId = JSON.readTree(Cli.run("identity", "show", "--dir", e.toString(), "--json").out());
        Cli.Result unnamed2 = Cli.run("peers", "add", "--dir", a.toString(), "--public-key",
                eId.get("public_key").asText());
        assertEquals(0, unnamed2.code(), "a second peer without --name gets another default name: " + unnamed2);

        JsonNode list = JSON.readTree(Cli.run("peers", "list", "--dir", a.toString(), "--json").out());
        assertEquals(3, list.size(), list::toString);
        assertEquals("collector", list.get(0).get("name").asText());
        assertEquals(bId.get("hit").asText(), list.get(0).get("hit").asText());
        assertEquals(bId.get("public_key").asText(), list.get(0).get("public_key").asText());
        assertEquals(cId.get("hit").asText().substring(8, 16), list.get(1).get("name").asText(),
                "default name: the first 8 hex digits of the HIT after the fixed ORCHID prefix and suite");
        assertEquals("X25519", list.get(1).get("curve").asText());

        Cli.Result text = Cli.run("peers", "list", "--dir", a.toString());
        assertEquals(0, text.code());
        assertEquals(3, text.out().strip().split("\n").length, text::toString);
        assertTrue(text.out().contains("collector") && text.out().contains(cId.get("hit").asText()));

        Cli.Result dup = Cli.run("peers", "add", "--dir", a.toString(), "--public-key",
                bId.get("public_key").asText(), "--name", "again");
        assertEquals(1, dup.code(), dup::toString);
        assertFalse(dup.err().isBlank());
        Cli.Result bad = Cli.run("peers", "add", "--dir", a.toString(), "--public-key", "abcd");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("--public-key"), bad::toString);
        Cli.Result empty = Cli.run("peers", "list", "--dir", b.toString(), "--json");
        assertEquals("[]", empty.out().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "identity init", "identity show", "peers", "peers add", "peers list",
        "collect", "send", "demo"})
    void helpOnEveryCommand(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            String[] args = (command.isEmpty() ? flag : command + " " + flag).split(" ");
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("usage: ssls " + command), r::toString);
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bogus", "identity", "identity bogus", "identity init", "identity init --dir",
        "identity init --dir x --curve P256", "identity show --dir x --bogus", "identity show --dir x extra",
        "peers add --dir x", "peers list", "collect --dir x", "collect --broker tcp://localhost:1883",
        "send --dir x --broker tcp://h:1 --to c --topic t", "send --dir x --broker tcp://h:1 --to c --topic t"
                + " --message m --file f", "send --dir x --broker tcp://h:1 --to c --count 0 --message m",
        "send --dir x --broker tcp://h:1 --to c --topic t --message m --count -1",
        "send --dir x --broker tcp://h:1 --to c --topic t --message m --timeout abc",
        "demo --seconds 0", "demo --messages x", "demo --seconds 1 --seconds 2"})
    void usageErrorsExitTwo(String line) {
        Cli.Result r = Cli.run(line.isEmpty() ? new String[0] : line.split(" "));
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertFalse(r.err().isBlank());
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1883", "localhost:1883", "tcp://", "tcp://host:1883/path", "tcp://a b"})
    void badBrokerUrlIsRefusedWithAMessage(String url) throws Exception {
        Path d = dir.resolve("dev");
        Cli.run("identity", "init", "--dir", d.toString());
        for (String[] args : new String[][] {
            {"collect", "--dir", d.toString(), "--broker", url},
            {"send", "--dir", d.toString(), "--broker", url, "--to", "x", "--topic", "t", "--message", "m"}}) {
            Cli.Result r = Cli.run(args);
            assertTrue(r.code() != 0, r::toString);
            assertTrue(r.err().contains("--broker"), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
        }
    }

    @Test
    void runtimeErrorsExitOneWithoutStackTrace() {
        Path none = dir.resolve("none");
        Cli.Result show = Cli.run("identity", "show", "--dir", none.toString());
        assertEquals(1, show.code(), show::toString);
        assertTrue(show.err().contains("no identity in"), show::toString);
        assertFalse(Files.exists(none), "show creates nothing");

        Path d = dir.resolve("dev");
        Cli.run("identity", "init", "--dir", d.toString());
        Cli.Result unknownPeer = Cli.run("send", "--dir", d.toString(), "--broker", "tcp://127.0.0.1:1", "--to",
                "nobody", "--topic", "t", "--message", "m", "--timeout", "1");
        assertEquals(1, unknownPeer.code(), unknownPeer::toString);
        assertTrue(unknownPeer.err().contains("nobody"), unknownPeer::toString);
        assertFalse(unknownPeer.err().contains("\tat "), unknownPeer::toString);

        Cli.Result noFile = Cli.run("send", "--dir", d.toString(), "--broker", "tcp://127.0.0.1:1", "--to",
                "nobody", "--topic", "t", "--file", dir.resolve("missing").toString());
        assertEquals(1, noFile.code(), noFile::toString);
        assertTrue(noFile.err().contains("no such file"), noFile::toString);
    }

    @Test
    void jsonLinesEscapeAndOmitTextForBinary() throws Exception {
        Hit from = Hit.parseHex("20010024f2d4fbdbfc32618af7792f67");
        String tricky = "quote\" backslash\\ newline\n tab\t nul\u0000 ünï €𝄞 \u2028";
        JsonNode j = JSON.readTree(Collector.jsonLine(new ReceivedMessage(from, "a/\"b\"", 42,
                tricky.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(from.toHex(), j.get("from").asText());
        assertEquals("a/\"b\"", j.get("topic").asText());
        assertEquals(42, j.get("id").asLong());
        assertEquals(tricky, j.get("text").asText());
        String line = Collector.jsonLine(new ReceivedMessage(from, "bin", 7, new byte[] {(byte) 0xff, 0, (byte) 0xc3}));
        JsonNode bin = JSON.readTree(line);
        assertFalse(bin.has("text"), line);
        assertEquals("/wDD", bin.get("payload").asText());
        assertFalse(line.contains("\n"));
    }
}
