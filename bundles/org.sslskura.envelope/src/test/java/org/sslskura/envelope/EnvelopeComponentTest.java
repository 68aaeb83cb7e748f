package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.SecureSession;
import org.sslskura.crypto.SseSuite;
import org.sslskura.testing.ComponentConfigs;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;

/** The DS shell: listener registration, configuration applied live, invalid values refused. */
class EnvelopeComponentTest {

    private static EnvelopeConfig config(Map<String, ?> values) {
        return ComponentConfigs.of(EnvelopeConfig.class, values);
    }

    @Test
    void activation_registersTheListener_andDeactivationRemovesItAndWipes() throws Exception {
        RecordingKeyExchange kx = new RecordingKeyExchange();
        EnvelopeComponent c = new EnvelopeComponent(kx, config(Map.of()));
        assertEquals(1, kx.listeners.size());
        assertSame(c.envelope(), kx.listeners.get(0));
        EnvelopeOptions o = c.envelope().options();
        assertEquals(64, o.replayWindow());
        assertFalse(o.allowIntegrityOnly());
        assertEquals(Duration.ofSeconds(60), o.retiredGrace());

        Hit me = Testbed.randomHit();
        Hit peer = Testbed.randomHit();
        SecureSession[] s = Testbed.mirrored(me, peer, SseSuite.AES_CCM_16, SseFormat.COMPACT, false, false, 0,
                0x050505, 0x060606);
        kx.listeners.get(0).established(s[0]);
        assertTrue(c.parameters(peer).isPresent());
        assertEquals(1, c.seal(peer, 0, new byte[1], -1).seq());
        assertEquals(1, c.counters().get("sealed"));

        c.deactivate();
        assertTrue(kx.listeners.isEmpty());
        assertThrows(EnvelopeException.class, () -> c.seal(peer, 0, new byte[1], -1));
    }

    @Test
    void modified_appliesValidValues_andKeepsTheLastGoodOnInvalidOnes() {
        RecordingKeyExchange kx = new RecordingKeyExchange();
        EnvelopeComponent c = new EnvelopeComponent(kx, config(Map.of("replay.window", 128)));
        try {
            c.modified(config(Map.of("replay.window", 2048, "allow.integrity.only", true,
                    "retired.sa.grace.seconds", 5)));
            EnvelopeOptions o = c.envelope().options();
            assertEquals(2048, o.replayWindow());
            assertTrue(o.allowIntegrityOnly());
            assertEquals(Duration.ofSeconds(5), o.retiredGrace());

            c.modified(config(Map.of("replay.window", 16)));
            assertEquals(2048, c.envelope().options().replayWindow(), "the last good configuration stays");
            c.modified(config(Map.of("replay.window", 8192)));
            c.modified(config(Map.of("retired.sa.grace.seconds", -1)));
            assertSame(o, c.envelope().options());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void invalidConfiguration_stopsActivation() {
        RecordingKeyExchange kx = new RecordingKeyExchange();
        assertThrows(IllegalArgumentException.class, () -> new EnvelopeComponent(kx, config(Map.of("replay.window",
                31))));
        assertThrows(IllegalArgumentException.class, () -> new EnvelopeComponent(kx,
                config(Map.of("retired.sa.grace.seconds", 3601))));
        assertTrue(kx.listeners.isEmpty());
    }

    @Test
    void options_validateEveryValue() {
        assertThrows(IllegalArgumentException.class, () -> EnvelopeOptions.builder().replayWindow(4097).build());
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopeOptions.builder().rekeyThreshold(SseFormat.COMPACT, 1 << 20).build());
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopeOptions.builder().rekeyThreshold(SseFormat.LARGE, 0).build());
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopeOptions.builder().retiredGrace(Duration.ofSeconds(-1)).build());
        EnvelopeOptions d = EnvelopeOptions.defaults();
        assertEquals((1L << 20) - (1L << 12), d.rekeyThreshold(SseFormat.COMPACT));
        assertEquals((1L << 32) - (1L << 16), d.rekeyThreshold(SseFormat.LARGE));
        assertEquals(Long.MIN_VALUE, d.rekeyThreshold(SseFormat.EXTREME), "2^63 unsigned");
        assertEquals(-1L, EnvelopeOptions.builder().rekeyThreshold(SseFormat.EXTREME, -1L).build()
                .rekeyThreshold(SseFormat.EXTREME), "up to 2^64 - 1");
    }
}
