package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.envelope.SseEnvelopeRoundTripTest.contains;
import static org.sslskura.envelope.SseEnvelopeRoundTripTest.rejection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SecureSession;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;

/** The SA table driven by key exchange events: rekey, grace, ACK generations, close, policy, thresholds. */
class SseEnvelopeLifecycleTest {
    private static final int ACK = Envelope.FRAG_ACK << 3;

    private static Reason sealRejection(SseEnvelope e, Hit peer, int flags, int generation) {
        return assertThrows(EnvelopeException.class, () -> e.seal(peer, flags, new byte[4], generation)).reason();
    }

    @Test
    void rekey_newPairSeals_previousOpensAndSealsAcksDuringGraceOnly() throws Exception {
        Testbed t = new Testbed(EnvelopeOptions.builder().retiredGrace(Duration.ofSeconds(60)))
                .establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false);
        try (t) {
            SealedPdu old1 = t.a.seal(t.hitB, 0, new byte[] {1}, -1);
            SealedPdu old2 = t.a.seal(t.hitB, 0, new byte[] {2}, -1);
            SealedPdu old3 = t.a.seal(t.hitB, 0, new byte[] {3}, -1);
            SealedPdu fromB = t.b.seal(t.hitA, 0, new byte[] {4}, -1);
            assertEquals(0, t.b.open(old1.bytes()).generation());

            t.rekey();
            SealedPdu new1 = t.a.seal(t.hitB, 0, new byte[] {5}, -1);
            assertEquals(1, new1.generation());
            assertEquals(1, new1.seq(), "a new SA starts at 1");
            assertNotEquals(old1.spi(), new1.spi());
            assertEquals(1, t.b.open(new1.bytes()).generation());
            assertEquals(1, t.a.parameters(t.hitB).orElseThrow().generation());

            OpenedPdu late = t.b.open(old2.bytes());
            assertEquals(0, late.generation(), "a late PDU opens on the retired inbound SA");
            assertTrue(t.b.open(old1.bytes()).duplicate(), "the retired SA keeps its window");

            SealedPdu ack = t.b.seal(t.hitA, ACK, new byte[8], 0);
            assertEquals(0, ack.generation());
            assertEquals(2, ack.seq(), "the retired outbound SA continues its own sequence");
            assertEquals(fromB.spi(), ack.spi(), "sealed on the outbound SA of generation 0");
            OpenedPdu ackAtA = t.a.open(ack.bytes());
            assertTrue(ackAtA.isAck());
            assertEquals(0, ackAtA.generation());
            assertEquals(Reason.NO_SESSION, sealRejection(t.b, t.hitA, 0, 0), "a retired SA seals ACKs only");
            assertEquals(1, t.b.seal(t.hitA, ACK, new byte[8], 1).generation(), "explicit current generation");

            t.clock.advance(Duration.ofSeconds(59));
            assertEquals(0, t.a.open(fromB.bytes()).generation());
            t.clock.advance(Duration.ofSeconds(1));
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, old3.bytes()), "grace over: keys wiped");
            assertEquals(Reason.NO_SESSION, sealRejection(t.b, t.hitA, ACK, 0));
            assertEquals(2, t.b.open(t.a.seal(t.hitB, 0, new byte[1], -1).bytes()).seq());
        }
    }

    @Test
    void rekeyWithZeroGrace_retiresAtOnce_andTwoRekeysKeepBothRetiredGenerations() throws Exception {
        Testbed t = new Testbed(EnvelopeOptions.builder().retiredGrace(Duration.ZERO))
                .establish(SseSuite.AES_GCM_16, SseFormat.LARGE, false);
        try (t) {
            SealedPdu old = t.a.seal(t.hitB, 0, new byte[1], -1);
            t.rekey();
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, old.bytes()));
        }
        Testbed u = new Testbed().establish(SseSuite.AES_GCM_16, SseFormat.LARGE, false);
        try (u) {
            SealedPdu g0 = u.a.seal(u.hitB, 0, new byte[1], -1);
            u.rekey();
            SealedPdu g1 = u.a.seal(u.hitB, 0, new byte[1], -1);
            u.rekey();
            assertEquals(0, u.b.open(g0.bytes()).generation());
            assertEquals(1, u.b.open(g1.bytes()).generation());
            assertEquals(2, u.b.open(u.a.seal(u.hitB, 0, new byte[1], -1).bytes()).generation());
        }
    }

    @Test
    void closed_removesCurrentAndRetiredPairs() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.CHACHA20_POLY1305, SseFormat.EXTREME, false)) {
            SealedPdu g0 = t.a.seal(t.hitB, 0, new byte[1], -1);
            t.rekey();
            SealedPdu g1 = t.a.seal(t.hitB, 0, new byte[1], -1);
            t.b.closed(t.hitA);
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, g0.bytes()));
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, g1.bytes()));
            assertEquals(Reason.NO_SESSION, sealRejection(t.b, t.hitA, 0, -1));
            assertEquals(Reason.NO_SESSION, sealRejection(t.b, t.hitA, ACK, 0));
            assertTrue(t.b.parameters(t.hitA).isEmpty());
        }
    }

    @Test
    void newBaseExchange_replacesEveryPairOfThePeer() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_8, SseFormat.COMPACT, false)) {
            SealedPdu before = t.a.seal(t.hitB, 0, new byte[1], -1);
            t.establish(SseSuite.AES_GCM_16, SseFormat.LARGE, false);
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, before.bytes()));
            SealedPdu after = t.a.seal(t.hitB, 0, new byte[1], -1);
            assertEquals(1, after.seq());
            assertEquals(SseFormat.LARGE, after.format());
            assertEquals(SseSuite.AES_GCM_16, t.b.parameters(t.hitA).orElseThrow().suite());
            assertFalse(t.b.open(after.bytes()).duplicate());
            assertEquals(2, t.b.counters().get("sa.installed"));
        }
    }

    @Test
    void integrityOnlySuite_isRefusedUnlessAllowed_andItsPayloadTravelsInClear() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CMAC_96, SseFormat.COMPACT, false)) {
            assertTrue(t.a.parameters(t.hitB).isEmpty());
            assertEquals(1, t.a.counters().get("sa.refused"));
            assertTrue(t.sessionA.outbound().isDestroyed() && t.sessionA.inbound().isDestroyed());
            assertEquals(Reason.NO_SESSION, sealRejection(t.a, t.hitB, 0, -1));
        }
        Testbed t = new Testbed(EnvelopeOptions.builder().allowIntegrityOnly(true))
                .establish(SseSuite.AES_CMAC_96, SseFormat.COMPACT, false);
        try (t) {
            byte[] text = "temperature=21.5".getBytes(StandardCharsets.UTF_8);
            SealedPdu pdu = t.a.seal(t.hitB, 0, text, -1);
            assertEquals(8 + text.length + 12, pdu.bytes().length);
            assertTrue(contains(pdu.bytes(), text), "integrity only: payload in clear");
            assertArrayEquals(text, t.b.open(pdu.bytes()).payload());

            t.b.reconfigure(t.b.options().toBuilder().allowIntegrityOnly(false).build());
            assertTrue(t.b.parameters(t.hitA).isEmpty(), "withdrawing the policy closes integrity-only pairs");
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, t.a.seal(t.hitB, 0, text, -1).bytes()));
        }
    }

    @Test
    void compressionBit_withoutAgreedCompression_isPolicy() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, true, false)) {
            byte[] pdu = t.a.seal(t.hitB, Envelope.FLAG_COMPRESSED, new byte[70], -1).bytes();
            assertEquals(Reason.POLICY, rejection(t.b, pdu));
            assertEquals(1, t.b.counters().get("drop.policy"));
            assertEquals(1, t.kxB.traffic.size(), "authentic, so reported, but not delivered");
            assertEquals(Reason.POLICY, sealRejection(t.b, t.hitA, Envelope.FLAG_COMPRESSED, -1));
            assertEquals(1, t.b.counters().get("seal.policy"));
            assertTrue(t.a.open(t.b.seal(t.hitA, 0, new byte[1], -1).bytes()).payload().length == 1);
        }
    }

    @Test
    void largeAndExtreme_areToldApartByTheSa() throws Exception {
        RecordingKeyExchange kx = new RecordingKeyExchange();
        Hit collector = Testbed.randomHit();
        Hit large = Testbed.randomHit();
        Hit extreme = Testbed.randomHit();
        try (SseEnvelope b = new SseEnvelope(kx, EnvelopeOptions.defaults());
             SseEnvelope l = new SseEnvelope(new RecordingKeyExchange(), EnvelopeOptions.defaults());
             SseEnvelope x = new SseEnvelope(new RecordingKeyExchange(), EnvelopeOptions.defaults())) {
            SecureSession[] sl = Testbed.mirrored(large, collector, SseSuite.AES_GCM_16, SseFormat.LARGE, false,
                    false, 0, 0x020001, 0x030001);
            SecureSession[] sx = Testbed.mirrored(extreme, collector, SseSuite.AES_GCM_16, SseFormat.EXTREME, false,
                    false, 0, 0x020002, 0x030002);
            l.established(sl[0]);
            x.established(sx[0]);
            b.established(sl[1]);
            b.established(sx[1]);
            byte[] fromLarge = l.seal(collector, 0, new byte[] {1}, -1).bytes();
            byte[] fromExtreme = x.seal(collector, 0, new byte[] {2}, -1).bytes();
            assertEquals(0, fromLarge[0]);
            assertEquals(0, fromExtreme[0]);
            assertEquals(SseFormat.LARGE, b.peek(fromLarge).format());
            assertEquals(SseFormat.EXTREME, b.peek(fromExtreme).format());
            assertEquals(large, b.open(fromLarge).peer());
            assertEquals(extreme, b.open(fromExtreme).peer());
        }
    }

    @Test
    void compactExhaustion_refusesWithSequenceExhausted_afterExactlyOneRekeyAtTheThreshold() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_GCM_16, SseFormat.COMPACT, false)) {
            long threshold = EnvelopeOptions.DEFAULT_REKEY_COMPACT;
            byte[] empty = new byte[0];
            for (long seq = 1; seq <= (1 << 20) - 1; seq++) {
                assertEquals(seq, t.a.seal(t.hitB, 0, empty, -1).seq());
                if (seq == threshold - 1) {
                    assertEquals(0, t.kxA.rekeys.size(), "not before the threshold");
                } else if (seq == threshold) {
                    assertEquals(1, t.kxA.rekeys.size(), "at the threshold");
                }
            }
            assertEquals(Reason.SEQUENCE_EXHAUSTED, sealRejection(t.a, t.hitB, 0, -1));
            assertEquals(Reason.SEQUENCE_EXHAUSTED, sealRejection(t.a, t.hitB, ACK, -1));
            assertEquals(1, t.kxA.rekeys.size(), "exactly one request per generation");
            assertEquals(2, t.a.counters().get("seal.sequence-exhausted"));
            t.rekey();
            assertEquals(1, t.a.seal(t.hitB, 0, empty, -1).seq(), "the new pair seals again");
        }
    }

    @Test
    void inboundThreshold_requestsRekeyOnce_andAFailedRekeyIsRequestedAgain() throws Exception {
        Testbed t = new Testbed(EnvelopeOptions.builder().rekeyThreshold(SseFormat.COMPACT, 3))
                .establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false);
        try (t) {
            for (int i = 1; i <= 5; i++) {
                t.b.open(t.a.seal(t.hitB, 0, new byte[1], -1).bytes());
                assertEquals(i >= 3 ? 1 : 0, t.kxB.rekeys.size(), "B after opening seq " + i);
                assertEquals(i >= 3 ? 1 : 0, t.kxA.rekeys.size(), "A after sealing seq " + i);
            }
            t.kxA.rekeyFutures.get(0).completeExceptionally(new IllegalStateException("UPDATE unanswered"));
            t.a.seal(t.hitB, 0, new byte[1], -1);
            assertEquals(2, t.kxA.rekeys.size(), "requested again after the failure");
            assertEquals(t.hitB, t.kxA.rekeys.get(1));
            assertEquals(2, t.a.counters().get("rekey.requested"));
        }
    }

    @Test
    void closedEnvelope_wipesEverything_andInstallsNothing() throws Exception {
        Testbed t = new Testbed().establish(SseSuite.ASCON_AEAD128, SseFormat.COMPACT, false);
        SealedPdu pdu = t.a.seal(t.hitB, 0, new byte[1], -1);
        t.close();
        assertEquals(Reason.NO_SESSION, sealRejection(t.a, t.hitB, 0, -1));
        assertEquals(Reason.UNKNOWN_SPI, rejection(t.b, pdu.bytes()));
        SecureSession[] s = t.sessions(SseSuite.AES_CCM_16, SseFormat.COMPACT, false, false, 0);
        t.a.established(s[0]);
        assertTrue(t.a.parameters(t.hitB).isEmpty());
        assertTrue(s[0].outbound().isDestroyed(), "handed-over keys are wiped even when refused");
    }

    @Test
    void reconfiguredWindow_appliesToPairsInstalledAfterwards() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false)) {
            t.b.reconfigure(t.b.options().toBuilder().replayWindow(1024).build());
            byte[][] pdus = new byte[200][];
            for (int i = 0; i < 200; i++) {
                pdus[i] = t.a.seal(t.hitB, 0, new byte[1], -1).bytes();
            }
            t.b.open(pdus[199]);
            assertEquals(Reason.OUT_OF_WINDOW, rejection(t.b, pdus[0]), "the installed pair keeps 64");
            t.establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false);
            for (int i = 0; i < 200; i++) {
                pdus[i] = t.a.seal(t.hitB, 0, new byte[1], -1).bytes();
            }
            t.b.open(pdus[199]);
            assertFalse(t.b.open(pdus[0]).duplicate(), "the new pair has 1024");
        }
    }
}
