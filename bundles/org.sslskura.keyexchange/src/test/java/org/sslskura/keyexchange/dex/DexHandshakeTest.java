package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.SseAead;
import org.sslskura.crypto.SseAeads;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.sse.SseFormat;

/** Complete base exchanges between two engines: every suite and format, negotiation, both curves. */
class DexHandshakeTest {
    @TempDir
    Path dir;

    static Stream<Arguments> suitesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (SseSuite s : SseSuite.values()) {
            for (SseFormat f : SseFormat.values()) {
                out.add(Arguments.of(s, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("suitesAndFormats")
    void handshakeForEverySuiteAndFormat(SseSuite suite, SseFormat format) throws AuthenticationException {
        DexConfig c = DexConfig.builder().suites(List.of(suite)).formats(List.of(format))
                .allowIntegrityOnly(suite == SseSuite.AES_CMAC_96).build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        SecureSession sa = t.a.engine.session(t.b.hit()).orElseThrow();
        SecureSession sb = t.b.engine.session(t.a.hit()).orElseThrow();
        assertMatching(sa, sb);
        assertEquals(suite, sa.outbound().suite());
        assertEquals(format, sa.format());
        assertEquals(DexState.ESTABLISHED, t.a.engine.state(t.b.hit()));
        assertEquals(1, t.a.eventsOf(DexEvent.Established.class).size());
        assertEquals(1, t.b.eventsOf(DexEvent.Established.class).size());
    }

    @Test
    void x448Handshake() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c, TrustPolicy.ALLOWLIST, EcdhCurve.X448);
        t.connect();
        t.run(5_000);
        assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(), t.b.engine.session(t.a.hit()).orElseThrow());
    }

    @Test
    void initiatorTakesTheFirstResponderEntryItAccepts() {
        DexConfig initiator = DexConfig.builder()
                .suites(List.of(SseSuite.AES_CCM_16, SseSuite.AES_GCM_16))
                .formats(List.of(SseFormat.COMPACT, SseFormat.EXTREME))
                .maxChunkSize(2000).maxFragmentSize(200).compression(true).build();
        DexConfig responder = DexConfig.builder()
                .suites(List.of(SseSuite.CHACHA20_POLY1305, SseSuite.AES_GCM_16, SseSuite.AES_CCM_16))
                .formats(List.of(SseFormat.EXTREME, SseFormat.COMPACT))
                .maxChunkSize(1000).maxFragmentSize(0).compression(true).build();
        DexTestbed t = new DexTestbed(dir, initiator, responder);
        t.connect();
        t.run(5_000);
        SecureSession s = t.a.engine.session(t.b.hit()).orElseThrow();
        assertEquals(SseSuite.AES_GCM_16, s.outbound().suite());
        assertEquals(SseFormat.EXTREME, s.format());
        assertEquals(1000, s.chunkSize(), "min(local, peer)");
        assertEquals(0, s.fragmentSize(), "0 when either side is 0");
        assertTrue(s.compression());
        SecureSession r = t.b.engine.session(t.a.hit()).orElseThrow();
        assertEquals(1000, r.chunkSize());
        assertTrue(r.compression());
    }

    @Test
    void compressionOnlyWhenBothWantIt() {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().compression(false).build(),
                DexConfig.builder().compression(true).build());
        t.connect();
        t.run(5_000);
        assertFalse(t.a.engine.session(t.b.hit()).orElseThrow().compression());
        assertFalse(t.b.engine.session(t.a.hit()).orElseThrow().compression());
    }

    @Test
    void responderStaysStatelessUntilAVerifiedI2() {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().build(), DexConfig.builder().build());
        t.emit(t.a, t.a.engine.connect(t.b.hit(), t.now));
        byte[] i1 = t.packetsOfType(HipConstants.I1).get(0);
        List<DexEvent> r1 = t.b.engine.receive(i1, t.now);
        assertEquals(1, r1.size());
        assertEquals(0, t.b.engine.associationCount());
    }

    @Test
    void packetSizesOnTheWire() {
        DexConfig c = DexConfig.builder().suites(List.of(SseSuite.AES_CCM_16)).formats(List.of(SseFormat.COMPACT))
                .compression(false).build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        assertEquals(48, t.packetsOfType(HipConstants.I1).get(0).length);
        // R1: 160 + SSE_TRANSFORM (8) + SSE_FORMAT (8) + SSLS_INFO (8)
        assertEquals(184, t.packetsOfType(HipConstants.R1).get(0).length);
        // I2: 248 + SSE_TRANSFORM (8) + SSE_FORMAT (8) + SSE_INFO (16) + SSLS_INFO (8)
        assertEquals(288, t.packetsOfType(HipConstants.I2).get(0).length);
        // R2: 160 + SSE_TRANSFORM + SSE_FORMAT + SSE_INFO + SSLS_INFO
        assertEquals(200, t.packetsOfType(HipConstants.R2).get(0).length);
        t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
        t.run(5_000);
        List<byte[]> updates = t.packetsOfType(HipConstants.UPDATE);
        assertEquals(List.of(88, 96, 72), updates.stream().map(p -> p.length).toList(), "request, reply, ack");
    }

    /** Both sides hold the same SA pair crosswise, and a PDU sealed by one opens at the other. */
    static void assertMatching(SecureSession a, SecureSession b) throws AuthenticationException {
        assertEquals(a.outbound().spi(), b.inbound().spi());
        assertEquals(a.inbound().spi(), b.outbound().spi());
        assertArrayEquals(a.outbound().keyMaterial(), b.inbound().keyMaterial());
        assertArrayEquals(a.inbound().keyMaterial(), b.outbound().keyMaterial());
        assertNotEquals(a.outbound().spi(), a.inbound().spi());
        assertFalse(java.util.Arrays.equals(a.outbound().keyMaterial(), a.inbound().keyMaterial()));
        assertEquals(a.format(), b.format());
        assertEquals(a.compression(), b.compression());
        assertEquals(a.chunkSize(), b.chunkSize());
        assertEquals(a.fragmentSize(), b.fragmentSize());
        // generations are local labels (each engine numbers its own sessions), not a shared value
        assertTrue(a.initiator() != b.initiator());
        try (SseAead seal = SseAeads.create(a.outbound().suite(), a.outbound().keyMaterial());
             SseAead open = SseAeads.create(b.inbound().suite(), b.inbound().keyMaterial())) {
            byte[] aad = {1, 2, 3};
            byte[] msg = "reading 21.5 C".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(msg, open.open(1, aad, seal.seal(1, aad, msg)));
        }
    }
}
