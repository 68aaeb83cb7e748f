package org.sslskura.envelope;

import java.security.SecureRandom;
import java.time.Instant;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.crypto.SseSuite;
import org.sslskura.testing.ManualClock;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;

/**
 * Two envelopes, A (initiator) and B (responder), fed with mirrored sessions as the key exchange would: A's outbound
 * SA is B's inbound SA (same SPI and key material) and the other way round.
 */
final class Testbed implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    final Hit hitA = randomHit();
    final Hit hitB = randomHit();
    final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    final RecordingKeyExchange kxA = new RecordingKeyExchange();
    final RecordingKeyExchange kxB = new RecordingKeyExchange();
    final SseEnvelope a;
    final SseEnvelope b;
    SecureSession sessionA;
    SecureSession sessionB;
    private int nextSpi = 0x010000 + RANDOM.nextInt(0x100000);

    Testbed(EnvelopeOptions.Builder options) {
        options.clock(clock);
        a = new SseEnvelope(kxA, options.build());
        b = new SseEnvelope(kxB, options.build());
    }

    Testbed() {
        this(EnvelopeOptions.builder());
    }

    static Hit randomHit() {
        byte[] h = new byte[16];
        RANDOM.nextBytes(h);
        return Hit.of(h);
    }

    /** Base exchange with the same services on both sides. */
    Testbed establish(SseSuite suite, SseFormat format, boolean compression) {
        return establish(suite, format, compression, compression);
    }

    /** Base exchange; the two sides may disagree on compression (to test the C bit policy). */
    Testbed establish(SseSuite suite, SseFormat format, boolean compressionA, boolean compressionB) {
        SecureSession[] s = sessions(suite, format, compressionA, compressionB, 0);
        sessionA = s[0];
        sessionB = s[1];
        a.established(sessionA);
        b.established(sessionB);
        return this;
    }

    /** Rekey to the next generation on both sides (A first, as when A's UPDATE completes first). */
    Testbed rekey() {
        SseSuite suite = sessionA.outbound().suite();
        SecureSession[] s = sessions(suite, sessionA.format(), sessionA.compression(), sessionB.compression(),
                sessionA.generation() + 1);
        SecureSession prevA = sessionA;
        SecureSession prevB = sessionB;
        sessionA = s[0];
        sessionB = s[1];
        a.rekeyed(prevA, sessionA);
        b.rekeyed(prevB, sessionB);
        return this;
    }

    /** @return {session of A, session of B} */
    SecureSession[] sessions(SseSuite suite, SseFormat format, boolean compressionA, boolean compressionB,
                             int generation) {
        return mirrored(hitA, hitB, suite, format, compressionA, compressionB, generation, spi(), spi());
    }

    /**
     * @return {session of x, session of y}: x's outbound SA (SPI {@code spiInY}) is y's inbound one and the other way
     *         round, each with fresh random key material
     */
    static SecureSession[] mirrored(Hit x, Hit y, SseSuite suite, SseFormat format, boolean compressionX,
                                    boolean compressionY, int generation, int spiInX, int spiInY) {
        byte[] kXY = new byte[suite.keyMaterialLength()];
        byte[] kYX = new byte[suite.keyMaterialLength()];
        RANDOM.nextBytes(kXY);
        RANDOM.nextBytes(kYX);
        SecureSession forX = SecureSession.builder().peers(x, y, true)
                .services(format, compressionX, 1024, 0)
                .associations(new SecurityAssociation(spiInY, suite, kXY, 0),
                        new SecurityAssociation(spiInX, suite, kYX, 0))
                .generation(generation).build();
        SecureSession forY = SecureSession.builder().peers(y, x, false)
                .services(format, compressionY, 1024, 0)
                .associations(new SecurityAssociation(spiInX, suite, kYX, 0),
                        new SecurityAssociation(spiInY, suite, kXY, 0))
                .generation(generation).build();
        return new SecureSession[] {forX, forY};
    }

    /** @return a fresh inbound SPI in 0x010000..0xFFFFFF */
    int spi() {
        nextSpi = 0x010000 + (nextSpi - 0x010000 + 1 + RANDOM.nextInt(1000)) % 0xFF0000;
        return nextSpi;
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
