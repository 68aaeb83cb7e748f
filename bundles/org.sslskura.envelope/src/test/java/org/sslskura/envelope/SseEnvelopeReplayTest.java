package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.envelope.SseEnvelopeRoundTripTest.rejection;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;

/** Replay protection and the checks open makes before and around the AEAD. */
class SseEnvelopeReplayTest {

    private static List<byte[]> sealMany(Testbed t, int n) throws EnvelopeException {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(t.a.seal(t.hitB, 0, new byte[] {(byte) i}, -1).bytes());
        }
        return out;
    }

    @Test
    void duplicate_isAuthenticButFlagged_andCountedAsReplay() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false)) {
            byte[] pdu = t.a.seal(t.hitB, 0, new byte[] {42}, -1).bytes();
            assertFalse(t.b.open(pdu).duplicate());
            OpenedPdu again = t.b.open(pdu);
            assertTrue(again.duplicate(), "acknowledge again, do not deliver again");
            assertEquals(42, again.payload()[0]);
            assertEquals(1, t.b.counters().get("opened"));
            assertEquals(1, t.b.counters().get("replay"));
            assertEquals(2, t.kxB.traffic.size());
        }
    }

    @Test
    void outOfWindow_isDroppedBeforeTheAead_andCounted() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_GCM_16, SseFormat.LARGE, false)) {
            List<byte[]> pdus = sealMany(t, 100);
            t.b.open(pdus.get(99)); // seq 100
            assertEquals(Reason.OUT_OF_WINDOW, rejection(t.b, pdus.get(35)), "seq 36 = 100 - 64");
            byte[] forgedOld = pdus.get(9).clone();
            forgedOld[forgedOld.length - 1] ^= 1;
            assertEquals(Reason.OUT_OF_WINDOW, rejection(t.b, forgedOld), "the window check comes first");
            assertEquals(37, t.b.open(pdus.get(36)).seq(), "seq 37 is the oldest inside the window");
            for (int i = 98; i >= 37; i--) {
                assertFalse(t.b.open(pdus.get(i)).duplicate(), "reordered within the window: seq " + (i + 1));
            }
            assertEquals(2, t.b.counters().get("drop.out-of-window"));
            assertEquals(0, t.b.counters().get("drop.authentication-failed"));
        }
    }

    @Test
    void largerWindow_acceptsDeeperReordering() throws Exception {
        Testbed t = new Testbed(EnvelopeOptions.builder().replayWindow(1024))
                .establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false);
        try (t) {
            List<byte[]> pdus = sealMany(t, 1100);
            t.b.open(pdus.get(1099));
            assertFalse(t.b.open(pdus.get(1099 - 1023)).duplicate());
            assertEquals(Reason.OUT_OF_WINDOW, rejection(t.b, pdus.get(1099 - 1024)));
        }
    }

    @Test
    void forgeryFarAhead_doesNotMoveTheWindow() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false)) {
            byte[] genuine = t.a.seal(t.hitB, 0, new byte[10], -1).bytes();
            byte[] ahead = genuine.clone();
            ahead[5] |= 0x0F; // seq 1 -> 0xF0001
            assertEquals(Reason.AUTHENTICATION_FAILED, rejection(t.b, ahead));
            assertFalse(t.b.open(genuine).duplicate(), "seq 1 would be out of window had the forgery counted");
        }
    }

    @Test
    void sequenceNumberZero_isMalformed() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.EXTREME, false)) {
            byte[] pdu = t.a.seal(t.hitB, 0, new byte[3], -1).bytes();
            pdu[19] = 0; // seq 1 -> 0
            assertEquals(Reason.MALFORMED, rejection(t.b, pdu));
            assertEquals(1, t.b.counters().get("drop.malformed"));
        }
    }

    @Test
    void fragment_isPeekedButNotOpened() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_GCM_8, SseFormat.COMPACT, false)) {
            byte[] pdu = t.a.seal(t.hitB, 0, new byte[50], -1).bytes();
            byte[] piece = pdu.clone();
            piece[3] = (byte) (5 << 3);
            PduHeader h = t.b.peek(piece);
            assertEquals(5, h.frag());
            assertEquals(50 + 8, h.bodyLength());
            assertEquals(t.hitA, h.peer());
            assertEquals(Reason.MALFORMED, rejection(t.b, piece), "fragments are reassembled before opening");
            assertFalse(t.b.open(pdu).duplicate());
        }
    }

    @Test
    void unknownSpi_andPeekOfGarbage_areCounted() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false)) {
            byte[] pdu = t.a.seal(t.hitB, 0, new byte[5], -1).bytes();
            assertEquals(Reason.UNKNOWN_SPI, rejection(t.a, pdu), "A has no inbound SA with B's SPI");
            EnvelopeException e = assertThrows(EnvelopeException.class, () -> t.b.peek(new byte[7]));
            assertEquals(Reason.MALFORMED, e.reason());
            assertEquals(1, t.a.counters().get("drop.unknown-spi"));
            assertEquals(1, t.b.counters().get("drop.malformed"));
        }
    }

    @Test
    void sealRefusesBadFlagsAndUnknownPeers() throws Exception {
        try (Testbed t = new Testbed().establish(SseSuite.AES_CCM_16, SseFormat.COMPACT, false)) {
            assertThrows(IllegalArgumentException.class, () -> t.a.seal(t.hitB, 0x02, new byte[1], -1));
            assertThrows(IllegalArgumentException.class, () -> t.a.seal(t.hitB, 5 << 3, new byte[1], -1));
            assertThrows(IllegalArgumentException.class, () -> t.a.seal(t.hitB, 0x100, new byte[1], -1));
            assertThrows(IllegalArgumentException.class, () -> t.a.seal(t.hitB, 0, new byte[1], -2));
            EnvelopeException e = assertThrows(EnvelopeException.class,
                    () -> t.a.seal(Testbed.randomHit(), 0, new byte[1], -1));
            assertEquals(Reason.NO_SESSION, e.reason());
            e = assertThrows(EnvelopeException.class, () -> t.a.seal(t.hitB, 0, new byte[1], 3));
            assertEquals(Reason.NO_SESSION, e.reason(), "no pair of generation 3");
            assertEquals(2, t.a.counters().get("seal.no-session"));
        }
    }
}
