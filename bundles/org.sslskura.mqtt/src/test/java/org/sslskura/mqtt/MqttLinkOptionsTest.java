package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttLinkOptionsTest {

    @Test
    void defaultsFollowTheBinding() {
        MqttLinkOptions o = MqttLinkOptions.builder("tcp://localhost:1883").build();
        assertEquals(1, o.qos());
        assertFalse(o.cleanSession());
        assertEquals(60, o.keepAliveSeconds());
        assertEquals(1000, o.maxInflight());
        assertEquals(10_000, o.offlineBufferSize());
        assertEquals(Duration.ofSeconds(1), o.reconnectMin());
        assertEquals(Duration.ofSeconds(60), o.reconnectMax());
        assertTrue(o.username().isEmpty());
        assertTrue(o.password().isEmpty());
        assertTrue(o.persistenceDirectory().isEmpty());
        assertTrue(o.clientId().matches("ssls-[0-9a-f]{16}"), o.clientId());
        assertTrue(o.clientId().length() <= 23, "MQTT 3.1.1 servers must accept 23 characters");
        assertNotEquals(o.clientId(), MqttLinkOptions.builder("tcp://localhost:1883").build().clientId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://host:1883", "localhost:1883", "tcp://", "tcp://host:1883/path", "tcp://u@host",
        "ws://host:80", "not a uri"})
    void rejectsBrokerUrlsPahoCannotUse(String url) {
        assertThrows(IllegalArgumentException.class, () -> MqttLinkOptions.builder(url));
    }

    @Test
    void acceptsTcpAndSsl() {
        assertEquals("ssl://broker.example:8883", MqttLinkOptions.builder("ssl://broker.example:8883").build()
                .brokerUrl());
        assertEquals("tcp://127.0.0.1:1883", MqttLinkOptions.builder(" tcp://127.0.0.1:1883 ").build().brokerUrl());
    }

    @Test
    void rejectsOutOfRangeValues() {
        MqttLinkOptions.Builder b = MqttLinkOptions.builder("tcp://localhost");
        assertThrows(IllegalArgumentException.class, () -> b.qos(2));
        assertThrows(IllegalArgumentException.class, () -> b.qos(-1));
        assertThrows(IllegalArgumentException.class, () -> b.keepAliveSeconds(65_536));
        assertThrows(IllegalArgumentException.class, () -> b.maxInflight(0));
        assertThrows(IllegalArgumentException.class, () -> b.offlineBufferSize(0));
        assertThrows(IllegalArgumentException.class, () -> b.clientId(""));
        assertThrows(IllegalArgumentException.class, () -> b.credentials("", new char[0]));
        assertThrows(IllegalArgumentException.class,
                () -> b.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.reconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    }

    @Test
    void thePasswordIsCopiedInAndOutAndNeverPrinted() {
        char[] secret = "s3cret".toCharArray();
        MqttLinkOptions o = MqttLinkOptions.builder("tcp://localhost").credentials("user", secret).build();
        secret[0] = 'X';
        char[] out = o.password().orElseThrow();
        assertArrayEquals("s3cret".toCharArray(), out);
        out[0] = 'Y';
        assertArrayEquals("s3cret".toCharArray(), o.password().orElseThrow());
        assertFalse(o.toString().contains("s3cret"), o.toString());
        assertTrue(o.toString().contains("(redacted)"));
    }

    @Test
    void equalityIncludesThePassword() {
        MqttLinkOptions.Builder b = MqttLinkOptions.builder("tcp://localhost").clientId("same");
        MqttLinkOptions one = b.credentials("user", "a".toCharArray()).build();
        MqttLinkOptions same = b.credentials("user", "a".toCharArray()).build();
        MqttLinkOptions other = b.credentials("user", "b".toCharArray()).build();
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, other);
    }

    @Test
    void backoffDoublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] floors = {100, 200, 400, 800, 1000, 1000};
        for (long floor : floors) {
            long delay = backoff.next();
            assertTrue(delay >= floor && delay <= Math.min(1000, floor + floor / 4), floor + " -> " + delay);
        }
        backoff.reset();
        assertTrue(backoff.next() <= 125);
    }
}
