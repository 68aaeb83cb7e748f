package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection form read as Kura delivers it, and what it writes into the stack's configurations. */
class ConnectionSettingsTest {
    @TempDir
    Path dir;

    private static Map<String, Object> form(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put(KuraNames.KURA_SERVICE_PID, "ssls");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void ownBrokerConfiguresTheMqttLinkAndPinsTheStackToIt() {
        ConnectionSettings s = ConnectionSettings.from(form("broker.url", "tcp://broker:1883", "username", "u",
                KuraNames.COLLECTORS, new String[] {"collector"}, ConnectionSettings.SUITES, "CHACHA20-POLY1305"));
        assertNull(s.carrierPid());
        Map<String, Map<String, Object>> stack = s.stackAttributes();
        assertEquals("tcp://broker:1883", stack.get(ConfigurableComponents.MQTT_LINK).get("broker.url"));
        assertEquals("u", stack.get(ConfigurableComponents.MQTT_LINK).get("username"));
        assertEquals(ConnectionSettings.OWN_LINK_FILTER,
                stack.get(ConfigurableComponents.KEY_EXCHANGE).get(ConnectionSettings.LINK_TARGET));
        assertEquals(ConnectionSettings.OWN_LINK_FILTER,
                stack.get(ConfigurableComponents.SECURE_MESSAGING).get(ConnectionSettings.LINK_TARGET));
        assertEquals("CHACHA20-POLY1305",
                stack.get(ConfigurableComponents.KEY_EXCHANGE).get(ConnectionSettings.SUITES));
        assertArrayEquals(new String[] {"collector"},
                (String[]) stack.get(ConfigurableComponents.SECURE_MESSAGING).get(KuraNames.COLLECTORS));
    }

    @Test
    void aKuraConnectionCarriesThroughItsLinkAndLeavesTheMqttLinkAlone() {
        ConnectionSettings s = ConnectionSettings.from(form("carrier", "kura-connection",
                ConnectionSettings.CARRIER_TARGET, "(kura.service.pid=raw-mqtt)"));
        assertEquals("raw-mqtt", s.carrierPid());
        String filter = "(&(ssls.link=cloud-endpoint)(cloud.endpoint.service.pid=raw-mqtt))";
        assertEquals(filter, s.linkFilter());
        assertFalse(s.stackAttributes().containsKey(ConfigurableComponents.MQTT_LINK));
        assertEquals(filter, s.stackAttributes().get(ConfigurableComponents.SECURE_MESSAGING)
                .get(ConnectionSettings.LINK_TARGET));
    }

    @Test
    void theCarrierMustBeAnotherConnectionChosenByKuraServicePid() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.from(form("carrier",
                "kura-connection", ConnectionSettings.CARRIER_TARGET, "(objectClass=*)")));
        assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.from(form("carrier",
                "kura-connection", ConnectionSettings.CARRIER_TARGET, "(kura.service.pid=ssls)")));
        assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.from(form("carrier", "pigeon")));
    }

    @Test
    void listsBeyondTheFormsTenEntriesComeFromFiles() throws Exception {
        List<String> lines = new ArrayList<>(List.of("# collectors of site A", ""));
        for (int i = 0; i < 25; i++) {
            lines.add(String.format("%032x", i));
        }
        Path collectors = Files.write(dir.resolve("collectors.txt"), lines);
        Path peers = Files.write(dir.resolve("peers.txt"), List.of("b=" + "bb".repeat(32), "a=" + "aa".repeat(32)));
        ConnectionSettings s = ConnectionSettings.from(form(KuraNames.COLLECTORS, new String[] {"collector"},
                ConnectionSettings.COLLECTORS_FILE, collectors.toString(),
                ConnectionSettings.TRUSTED_PEERS, new String[] {"a=" + "aa".repeat(32)},
                ConnectionSettings.TRUSTED_PEERS_FILE, peers.toString()));
        assertEquals(26, s.collectors().size());
        assertEquals("collector", s.collectors().get(0));
        assertEquals(List.of("a=" + "aa".repeat(32), "b=" + "bb".repeat(32)), s.trustedPeers(), "no duplicates");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.from(form(
                ConnectionSettings.TRUSTED_PEERS_FILE, dir.resolve("missing").toString()))).getMessage()
                .contains("missing"));
    }

    @Test
    void aNewConnectionAdoptsWhatTheStackIsConfiguredWith() {
        // a device set up by hand: its stack as a connection with a Kura carrier would have written it
        ConnectionSettings before = ConnectionSettings.from(form("carrier", "kura-connection",
                ConnectionSettings.CARRIER_TARGET, "(kura.service.pid=raw-mqtt)",
                KuraNames.COLLECTORS, new String[] {"collector"},
                ConnectionSettings.TRUSTED_PEERS, new String[] {"collector=" + "aa".repeat(32)},
                ConnectionSettings.SUITES, "ASCON-AEAD128"));
        Map<String, Map<String, Object>> stack = new HashMap<>(before.stackAttributes());
        stack.put(ConfigurableComponents.MQTT_LINK, Map.of("broker.url", "ssl://broker:8883", "qos", 1));
        Map<String, Object> adopted = new HashMap<>(ConnectionSettings.adopt(pid -> stack.getOrDefault(pid, Map.of())));
        adopted.put(KuraNames.KURA_SERVICE_PID, "ssls");
        ConnectionSettings after = ConnectionSettings.from(adopted);
        assertEquals(before.stackAttributes().keySet(), after.stackAttributes().keySet());
        for (String pid : before.stackAttributes().keySet()) {
            assertEquals(before.stackAttributes().get(pid).keySet(), after.stackAttributes().get(pid).keySet());
            before.stackAttributes().get(pid).forEach((key, value) -> assertTrue(java.util.Objects.deepEquals(value,
                    after.stackAttributes().get(pid).get(key)), pid + " " + key));
        }
        assertEquals("ssl://broker:8883", after.broker().get("broker.url"));
        assertFalse(after.broker().containsKey("qos"), "only the broker settings of the form");
        // nothing configured yet: the form's defaults
        assertTrue(ConnectionSettings.adopt(pid -> Map.of()).isEmpty());
    }
}
