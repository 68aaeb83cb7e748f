package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SessionParameters;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/** Seal and open for every suite and format, and every single-byte corruption of a sealed PDU. */
class SseEnvelopeRoundTripTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ACK = Envelope.FRAG_ACK << 3;

    static Stream<Arguments> suitesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (SseSuite s : SseSuite.values()) {
            for (SseFormat f : SseFormat.values()) {
                out.add(Arguments.of(s, f));
            }
        }
        return out.stream();
    }

    private static Testbed testbed(SseSuite suite, SseFormat format) {
        return new Testbed(EnvelopeOptions.builder().allowIntegrityOnly(true)).establish(suite, format, true);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndFormats")
    void roundTrip_dataAndAck_inBothDirections(SseSuite suite, SseFormat format) throws Exception {
        try (Testbed t = testbed(suite, format)) {
            int big = format == SseFormat.COMPACT ? 4095 : 5000;
            long seq = 0;
            for (int len : new int[] {0, 1, 100, big}) {
                byte[] payload = random(len);
                SealedPdu sealed = t.a.seal(t.hitB, len == 1 ? Envelope.FLAG_COMPRESSED : 0, payload, -1);
                seq++;
                assertEquals(seq, sealed.seq(), "sequence numbers start at 1 and count up");
                assertEquals(Integer.toUnsignedLong(t.sessionB.inbound().spi()), sealed.spi());
                assertEquals(format, sealed.format());
                assertEquals(0, sealed.generation());
                assertEquals(format.headerLength() + len + suite.tagLength(), sealed.bytes().length);
                checkHeader(sealed, len == 1 ? Envelope.FLAG_COMPRESSED : 0, len);
                if (len >= 100) {
                    assertEquals(!suite.confidential(), contains(sealed.bytes(), payload),
                            "only the integrity-only suite leaves the payload in clear");
                }

                PduHeader peeked = t.b.peek(sealed.bytes());
                assertEquals(new PduHeader(t.hitA, sealed.spi(), seq, len == 1 ? 1 : 0, len, suite.tagLength(),
                        format, sealed.generation()), peeked);

                OpenedPdu opened = t.b.open(sealed.bytes());
                assertArrayEquals(payload, opened.payload());
                assertEquals(t.hitA, opened.peer());
                assertEquals(seq, opened.seq());
                assertEquals(len == 1, opened.compressed());
                assertFalse(opened.duplicate());
                assertFalse(opened.isAck());
                assertEquals(0, opened.generation());
            }
            byte[] ackBody = random(8);
            SealedPdu ack = t.b.seal(t.hitA, ACK, ackBody, 0);
            assertEquals(1, ack.seq());
            assertEquals(Integer.toUnsignedLong(t.sessionA.inbound().spi()), ack.spi());
            OpenedPdu openedAck = t.a.open(ack.bytes());
            assertTrue(openedAck.isAck());
            assertArrayEquals(ackBody, openedAck.payload());

            assertEquals(4, t.kxB.traffic.size(), "every authentic PDU is reported");
            assertEquals(1, t.kxA.traffic.size());
            Map<String, Long> cb = t.b.counters();
            assertEquals(4, cb.get("opened"));
            assertEquals(1, cb.get("sealed"));
            assertEquals(new SessionParameters(suite, format, true, 1024, 0, 0), t.a.parameters(t.hitB).orElseThrow());
            assertTrue(t.sessionA.outbound().isDestroyed() && t.sessionA.inbound().isDestroyed(),
                    "the envelope wipes the key material it was handed");
        }
    }

    private static void checkHeader(SealedPdu pdu, int flags, int len) throws Exception {
        SseHeader h = SseHeader.parse(pdu.format(), pdu.bytes(), 0, pdu.bytes().length);
        assertEquals(pdu.spi(), h.spi());
        assertEquals(pdu.seq(), h.seq());
        assertEquals(flags, h.flags());
        assertEquals(len, h.length());
    }

    /**
     * Every byte of header, ciphertext and tag flipped in five ways: each is rejected with our checked exception
     * (never a RuntimeException), counted, and none moves the window: the genuine PDU opens afterwards.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndFormats")
    void everyByteFlip_isRejectedAndCounted_andTheWindowStays(SseSuite suite, SseFormat format) throws Exception {
        try (Testbed t = testbed(suite, format)) {
            for (int i = 0; i < 3; i++) {
                t.b.open(t.a.seal(t.hitB, 0, random(5), -1).bytes());
            }
            byte[] genuine = t.a.seal(t.hitB, 0, random(40), -1).bytes();
            int headerLength = format.headerLength();
            int spiBytes = format.spiBits() / 8;
            int flips = 0;
            for (int i = 0; i < genuine.length; i++) {
                for (int mask : new int[] {0x01, 0x02, 0x04, 0x80, 0xFF}) {
                    byte[] bad = genuine.clone();
                    bad[i] ^= (byte) mask;
                    Reason r = rejection(t.b, bad);
                    flips++;
                    if (i < spiBytes) {
                        assertEquals(Reason.UNKNOWN_SPI, r, "SPI byte " + i);
                    } else if (i >= headerLength) {
                        assertEquals(Reason.AUTHENTICATION_FAILED, r, "body byte " + i);
                    } else {
                        assertTrue(EnumSet.of(Reason.AUTHENTICATION_FAILED, Reason.MALFORMED, Reason.OUT_OF_WINDOW)
                                .contains(r), "header byte " + i + ": " + r);
                    }
                }
            }
            int flagsByte = format == SseFormat.COMPACT ? 3 : 7;
            for (int bit : new int[] {0x01, 0x02, 0x04, 0xF8}) { // C, both reserved bits, Frag 0 -> 31
                byte[] bad = genuine.clone();
                bad[flagsByte] ^= (byte) bit;
                assertEquals(Reason.AUTHENTICATION_FAILED, rejection(t.b, bad), "FLAGS bit " + bit + " is in the AAD");
                flips++;
            }
            Map<String, Long> c = t.b.counters();
            long drops = c.entrySet().stream().filter(e -> e.getKey().startsWith("drop."))
                    .mapToLong(Map.Entry::getValue).sum();
            assertEquals(flips, drops, "every rejection is counted once");
            assertEquals(3, t.kxB.traffic.size(), "forgeries are never reported as traffic");
            OpenedPdu ok = t.b.open(genuine);
            assertFalse(ok.duplicate(), "no forgery marked the sequence number");
            assertEquals(4, ok.seq());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndFormats")
    void truncationsAndExtraBytes_areMalformed(SseSuite suite, SseFormat format) throws Exception {
        try (Testbed t = testbed(suite, format)) {
            byte[] genuine = t.a.seal(t.hitB, 0, random(20), -1).bytes();
            for (int n = 0; n < genuine.length; n++) {
                Reason r = rejection(t.b, Arrays.copyOf(genuine, n));
                Set<Reason> allowed = n < format.headerLength() && format != SseFormat.COMPACT && n >= 8
                        ? EnumSet.of(Reason.MALFORMED, Reason.UNKNOWN_SPI) : EnumSet.of(Reason.MALFORMED);
                assertTrue(allowed.contains(r), "truncated to " + n + ": " + r);
            }
            assertEquals(Reason.MALFORMED, rejection(t.b, Arrays.copyOf(genuine, genuine.length + 1)));
            assertEquals(Reason.MALFORMED, rejection(t.b, null));
            assertFalse(t.b.open(genuine).duplicate());
        }
    }

    static Reason rejection(SseEnvelope e, byte[] pdu) {
        try {
            e.open(pdu);
        } catch (EnvelopeException ex) {
            return ex.reason();
        } catch (RuntimeException ex) {
            fail("RuntimeException on untrusted input", ex);
        }
        fail("accepted a corrupted PDU");
        return null;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndFormats")
    void payloadLimits(SseSuite suite, SseFormat format) throws Exception {
        try (Testbed t = testbed(suite, format)) {
            if (format == SseFormat.COMPACT) {
                EnvelopeException e = assertThrows(EnvelopeException.class,
                        () -> t.a.seal(t.hitB, 0, new byte[4096], -1));
                assertEquals(Reason.TOO_LARGE, e.reason());
                assertEquals(1, t.a.counters().get("seal.too-large"));
            }
            assertEquals(1, t.a.seal(t.hitB, 0, new byte[4095], -1).seq(), "a refused seal uses no number");
        }
    }
}
