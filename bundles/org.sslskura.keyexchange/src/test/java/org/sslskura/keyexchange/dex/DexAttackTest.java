package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.SseSuite;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.wire.hip.EncryptedKey;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipMac;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HostId;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.INonce;
import org.sslskura.wire.hip.Puzzle;
import org.sslskura.wire.hip.R1Counter;
import org.sslskura.wire.hip.Solution;
import org.sslskura.wire.hip.SseTransform;

/**
 * Each forged, altered or replayed packet is dropped with its counted reason, and the association already in place
 * is not damaged: same session, and a rekey still completes afterwards.
 */
class DexAttackTest {
    @TempDir
    Path dir;
    DexTestbed t;
    SecureSession before;
    byte[] i2;
    byte[] r1;

    @BeforeEach
    void establish() {
        DexConfig c = DexConfig.builder().puzzleK(4).build();
        t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        before = t.b.engine.session(t.a.hit()).orElseThrow();
        i2 = t.packetsOfType(HipConstants.I2).get(0);
        r1 = t.packetsOfType(HipConstants.R1).get(0);
    }

    @Test
    void wrongReceiverHitIsDropped() {
        t.inject(t.b, Packets.withReceiver(i2, t.a.hit()));
        assertEquals(1, t.b.engine.dropped(DropReason.WRONG_RECEIVER_HIT));
        assertUndamaged();
    }

    @Test
    void hitNotMatchingItsHostIdIsDropped() {
        HostIdentity other = DexTestbed.store(dir.resolve("x"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST).hostIdentity();
        byte[] forged = Packets.rewrite(i2, p -> p instanceof HostId ? HostId.of(other) : p);
        t.now += 1; // not the cached I2
        t.inject(t.b, forged);
        assertEquals(1, t.b.engine.dropped(DropReason.HIT_MISMATCH));
        assertUndamaged();
    }

    @Test
    void untrustedHostIdentityIsDropped() {
        FileIdentityStore stranger = DexTestbed.store(dir.resolve("c"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST);
        stranger.setConfiguredPeers(List.of(new org.sslskura.api.TrustedPeer("b", t.b.identity.hostIdentity())));
        DexEngine c = new DexEngine(stranger, DexConfig.builder().build(), new SecureRandom(), t.now);
        DexEvent.Send i1 = (DexEvent.Send) c.connect(t.b.hit(), t.now).get(0);
        assertEquals(List.of(), t.inject(t.b, i1.packet()));
        assertEquals(1, t.b.engine.dropped(DropReason.UNTRUSTED_HI));
        assertUndamaged();
    }

    @Test
    void badHipMacIsDropped() {
        // a fresh solution and I_NONCE, else the reused-solution or replay check answers first
        byte[] forged = Packets.rewrite(Packets.freshSolution(i2, new SecureRandom()), p -> {
            if (p instanceof HipMac m) {
                byte[] mac = m.mac();
                mac[0] ^= 1;
                return new HipMac(mac);
            }
            return p;
        });
        t.inject(t.b, forged);
        assertEquals(1, t.b.engine.dropped(DropReason.BAD_HIP_MAC));
        assertUndamaged();
    }

    @Test
    void wrongPuzzleSolutionIsDropped() {
        int dropped = 0;
        for (int n = 0; n < 32; n++) { // with #K = 4 a random #J solves one time in 16: try until one fails
            byte[] j = new byte[16];
            new SecureRandom().nextBytes(j);
            byte[] forged = Packets.rewrite(i2, p -> p instanceof Solution s
                    ? new Solution(s.k(), s.reserved(), s.opaque(), s.i(), j) : p);
            t.inject(t.b, forged);
            dropped = (int) t.b.engine.dropped(DropReason.BAD_PUZZLE_SOLUTION);
            if (dropped > 0) {
                break;
            }
        }
        assertTrue(dropped > 0);
        // #K lowered below what was issued, and a #I we never issued
        t.inject(t.b, Packets.rewrite(i2, p -> p instanceof Solution s
                ? new Solution(0, s.reserved(), s.opaque(), s.i(), s.j()) : p));
        byte[] otherI = new byte[16];
        t.inject(t.b, Packets.rewrite(i2, p -> p instanceof Solution s
                ? new Solution(s.k(), s.reserved(), s.opaque(), otherI, s.j()) : p));
        assertEquals(dropped + 2, t.b.engine.dropped(DropReason.BAD_PUZZLE_SOLUTION));
        assertUndamaged();
    }

    @Test
    void expiredPuzzleIsDropped() {
        t.now += 3L * DexConfig.PUZZLE_LIFETIME_SECONDS * 1000;
        byte[] differentBytes = Packets.rewrite(i2, p -> p); // same content; not the cached I2 if it were resent
        t.b.engine.trafficSeen(t.a.hit(), t.now);
        t.inject(t.b, Packets.rewrite(differentBytes, p -> p instanceof INonce ? new INonce(new byte[32]) : p));
        assertEquals(1, t.b.engine.dropped(DropReason.EXPIRED_PUZZLE));
        assertUndamaged();
    }

    @Test
    void alteredR1ListsAreDetectedAsDowngrade() {
        DexConfig c = DexConfig.builder().build();
        DexTestbed d = new DexTestbed(dir.resolve("d"), c, c);
        // the attacker removes the responder's first choice (AES-CCM-16) from the unauthenticated R1
        d.tamper = p -> Packets.type(p) != HipConstants.R1 ? p : Packets.rewrite(p, x -> x instanceof SseTransform st
                ? SseTransform.of(Arrays.copyOfRange(st.ids(), 1, st.ids().length)) : x);
        d.connect();
        d.run(5_000);
        assertEquals(1, d.a.engine.dropped(DropReason.DOWNGRADE));
        assertTrue(d.a.engine.session(d.b.hit()).isEmpty());
        assertEquals(1, d.a.eventsOf(DexEvent.Failed.class).size());
        assertTrue(d.a.eventsOf(DexEvent.Failed.class).get(0).reason().contains("downgrade"));
    }

    @Test
    void smallOrderPublicKeyIsDropped() {
        // A TOFU responder answers anyone; the attacker presents a small-order key, so no Kij can be computed.
        DexConfig c = DexConfig.builder().build();
        DexTestbed d = new DexTestbed(dir.resolve("e"), c, c, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        HostIdentity bad = HostIdentity.of(12, Bytes.fromHex(
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"));
        Hit badHit = bad.hit();
        byte[] i1 = HipPacket.builder(HipConstants.I1, badHit, d.b.hit())
                .add(org.sslskura.wire.hip.DhGroupList.of(12)).build().encode();
        DexEvent.Send r1Send = (DexEvent.Send) d.b.engine.receive(i1, d.now).get(0);
        HipPacket r1p = DexTestbed.parse(r1Send.packet());
        Puzzle puzzle = r1p.find(Puzzle.class).orElseThrow();
        byte[] forged = HipPacket.builder(HipConstants.I2, badHit, d.b.hit())
                .add(r1p.find(R1Counter.class).orElseThrow())
                .add(Solution.answering(puzzle, new byte[16]))
                .add(new EncryptedKey(new byte[16]))
                .add(new INonce(new byte[32]))
                .add(HostId.of(bad))
                .add(new HipMac(new byte[16]))
                .build().encode();
        d.b.engine.receive(forged, d.now);
        assertEquals(1, d.b.engine.dropped(DropReason.INVALID_PUBLIC_KEY));
        assertEquals(0, d.b.engine.associationCount());
        assertTrue(d.b.identity.learnedPeers().isEmpty(), "nothing learned from a rejected I2");
    }

    @Test
    void replayedI2IsDropped() {
        // a second exchange replaces the first; the I2 of the first one is then replayed
        t.emit(t.a, t.a.engine.close(t.b.hit(), t.now));
        t.run(1_000);
        t.connect();
        t.run(5_000);
        SecureSession second = t.b.engine.session(t.a.hit()).orElseThrow();
        long ecdh = t.b.engine.counters().get("ecdh.computed");
        t.inject(t.b, i2);
        assertEquals(1, t.b.engine.dropped(DropReason.REUSED_SOLUTION), "its solution is known: dropped before ECDH");
        assertEquals(ecdh, t.b.engine.counters().get("ecdh.computed"));
        assertArrayEquals(second.inbound().keyMaterial(),
                t.b.engine.session(t.a.hit()).orElseThrow().inbound().keyMaterial());
    }

    @Test
    void retransmittedI2GetsTheCachedR2AndNothingElse() {
        List<DexEvent> out = t.inject(t.b, i2);
        assertEquals(1, out.size());
        assertArrayEquals(t.packetsOfType(HipConstants.R2).get(0), ((DexEvent.Send) out.get(0)).packet());
        assertUndamaged();
    }

    @Test
    void everyTruncationAndBitFlipIsDroppedWithoutDamage() {
        for (byte[] packet : List.of(i2, r1, t.packetsOfType(HipConstants.R2).get(0))) {
            for (int len = 0; len < packet.length; len++) {
                t.inject(t.b, Arrays.copyOf(packet, len));
                t.inject(t.a, Arrays.copyOf(packet, len));
            }
            for (int bit = 0; bit < packet.length * 8; bit += 7) {
                byte[] flipped = packet.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                t.inject(t.b, flipped);
                t.inject(t.a, flipped);
            }
        }
        assertTrue(t.b.engine.dropped(DropReason.MALFORMED) > 0);
        assertTrue(t.b.eventsOf(DexEvent.Established.class).size() == 1, "no second association");
        assertUndamaged();
    }

    @Test
    void r1WithAForeignHostIdIsDropped() {
        DexConfig c = DexConfig.builder().build();
        DexTestbed d = new DexTestbed(dir.resolve("f"), c, c);
        HostIdentity other = DexTestbed.store(dir.resolve("y"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST).hostIdentity();
        d.tamper = p -> Packets.type(p) != HipConstants.R1 ? p
                : Packets.rewrite(p, x -> x instanceof HostId ? HostId.of(other) : x);
        d.connect();
        d.run(1_000);
        assertTrue(d.a.engine.dropped(DropReason.HIT_MISMATCH) > 0);
        assertTrue(d.a.engine.session(d.b.hit()).isEmpty());
    }

    @Test
    void unacceptableSelectionGetsAnAuthenticatedNotify() {
        DexConfig initiator = DexConfig.builder().suites(List.of(SseSuite.AES_CCM_16, SseSuite.AES_GCM_8)).build();
        DexConfig responder = DexConfig.builder().suites(List.of(SseSuite.AES_CCM_16)).build();
        DexTestbed d = new DexTestbed(dir.resolve("g"), initiator, responder);
        // the attacker puts a suite the responder does not support first in R1
        d.tamper = p -> Packets.type(p) != HipConstants.R1 ? p : Packets.rewrite(p, x -> x instanceof SseTransform
                ? SseTransform.of(SseSuite.AES_GCM_8.id(), SseSuite.AES_CCM_16.id()) : x);
        d.connect();
        d.run(200_000);
        assertTrue(d.b.engine.dropped(DropReason.NO_ACCEPTABLE_PROPOSAL) > 0);
        assertTrue(d.a.engine.counters().getOrDefault("notify.received." + HipConstants.NOTIFY_INVALID_SSE_TRANSFORM_CHOSEN, 0L) > 0);
        DexEvent.Failed failed = d.a.eventsOf(DexEvent.Failed.class).get(0);
        assertTrue(failed.reason().contains("NOTIFY 21 (authenticated)"), failed.reason());
        assertEquals(0, d.b.engine.associationCount());
    }

    /** The responder's session is the one established first, and a rekey still completes. */
    private void assertUndamaged() {
        SecureSession now = t.b.engine.session(t.a.hit()).orElseThrow();
        assertEquals(before.inbound().spi(), now.inbound().spi());
        assertArrayEquals(before.inbound().keyMaterial(), now.inbound().keyMaterial());
        t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
        t.run(5_000);
        assertEquals(1, t.b.engine.session(t.a.hit()).orElseThrow().generation());
        assertEquals(1, t.a.engine.session(t.b.hit()).orElseThrow().generation());
    }
}
