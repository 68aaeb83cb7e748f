package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.Test;

/** The encodings and topic rules docs/KURA.md documents. */
class MessagesTest {

    @Test
    void aBodyIsSentAsItIs() {
        KuraPayload p = new KuraPayload();
        p.setBody(new byte[] {1, 2, 3});
        p.addMetric("ignored", 1);
        assertArrayEquals(new byte[] {1, 2, 3}, MetricsJson.bytesOf(p));
    }

    @Test
    void metricsWithoutBodyBecomeSortedJson() {
        KuraPayload p = new KuraPayload();
        p.setTimestamp(new Date(1700000000123L));
        p.addMetric("temperature", 21.5);
        p.addMetric("count", 7L);
        p.addMetric("ok", true);
        p.addMetric("name", "a\"b\n");
        p.addMetric("raw", new byte[] {(byte) 0xff, 0});
        p.addMetric("bad", Double.NaN);
        p.addMetric("int", 3);
        assertEquals("{\"timestamp\":1700000000123,\"metrics\":{\"bad\":\"NaN\",\"count\":7,\"int\":3,"
                + "\"name\":\"a\\\"b\\n\",\"ok\":true,\"raw\":\"/wA=\",\"temperature\":21.5}}",
                new String(MetricsJson.bytesOf(p), StandardCharsets.UTF_8));
        assertEquals("{\"metrics\":{}}", MetricsJson.json(new KuraPayload()));
    }

    @Test
    void placeholdersAreFilledFromMessageProperties() {
        assertEquals("sensors/boiler/t", Topics.fill("sensors/$assetName/t", Map.of("assetName", "boiler")));
        assertEquals("sensors/$missing", Topics.fill("sensors/$missing", Map.of()));
        assertEquals("a/b", Topics.fill("a/b", null));
        assertEquals("x/$1", Topics.fill("x/$v", Map.of("v", "$1")));
    }

    @Test
    void mqttFiltersMatchApplicationTopics() {
        assertTrue(Topics.matches("#", "a/b"));
        assertTrue(Topics.matches("a/+/c", "a/b/c"));
        assertTrue(Topics.matches("a/#", "a"));
        assertTrue(Topics.matches("a/#", "a/b/c"));
        assertFalse(Topics.matches("a/+", "a/b/c"));
        assertFalse(Topics.matches("a/b", "a/c"));
        assertFalse(Topics.matches("a/b/c", "a/b"));
    }

    @Test
    void optionsAreReadAsKuraHandsThemOver() {
        assertEquals(java.util.List.of("a", "b"), Props.list(Map.of("k", " a, ,b "), "k"));
        assertEquals(java.util.List.of("a", "b"), Props.list(Map.of("k", new String[] {"a", "b"}), "k"));
        assertThrows(IllegalArgumentException.class, () -> Props.oneOf(Map.of("k", "x"), "k", "y", "z"));
        PubSubOptions raw = PubSubOptions.from(Map.of(KuraNames.CLOUD_CONNECTION_FACTORY_PID,
                KuraNames.RAW_MQTT_CONNECTION, KuraNames.CLOUD_ENDPOINT_SERVICE_PID, "conn", "kura.service.pid", "p"));
        assertTrue(raw.endpointCarries(), "cloud-endpoint is the default on raw MQTT");
        PubSubOptions own = PubSubOptions.from(Map.of(KuraNames.CLOUD_CONNECTION_FACTORY_PID,
                KuraNames.RAW_MQTT_CONNECTION, KuraNames.CLOUD_ENDPOINT_SERVICE_PID, "conn", "carrier", "own-link"));
        assertFalse(own.endpointCarries());
        PubSubOptions kapua = PubSubOptions.from(Map.of(KuraNames.CLOUD_CONNECTION_FACTORY_PID,
                KuraNames.CLOUD_SERVICE_CONNECTION, KuraNames.CLOUD_ENDPOINT_SERVICE_PID, "org.eclipse.kura.cloud.CloudService"));
        assertFalse(kapua.endpointCarries(), "a CloudService connection never carries ssls packets");
        assertEquals("(&(objectClass=org.eclipse.kura.cloudconnection.CloudEndpoint)(kura.service.pid=a\\(b\\)\\*))",
                EndpointTracker.filter("a(b)*"));
    }
}
