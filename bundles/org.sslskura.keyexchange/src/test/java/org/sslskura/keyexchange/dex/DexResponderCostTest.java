package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.INonce;
import org.sslskura.wire.hip.Puzzle;

/**
 * A flood of replayed or forged I2s costs the responder cheap operations only: a reused solution never reaches
 * ECDH or CKDF, a known HI costs CMACs, an unknown HI gets a bounded number of ECDHs per puzzle generation, and the
 * flood raises the puzzle difficulty.
 */
class DexResponderCostTest {
    @TempDir
    Path dir;
    private final SecureRandom random = new SecureRandom();

    private DexTestbed established(DexConfig c, TrustPolicy policy) {
        DexTestbed t = new DexTestbed(dir, c, c, policy, EcdhCurve.X25519);
        t.connect();
        t.run(5_000);
        assertTrue(t.b.engine.session(t.a.hit()).isPresent());
        return t;
    }

    @Test
    void aReusedSolutionIsDroppedBeforeAnyEcdhOrCkdf() {
        DexTestbed t = established(DexConfig.builder().puzzleK(4).build(), TrustPolicy.ALLOWLIST);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        long ecdh = t.b.engine.counters().get("ecdh.computed");
        long derived = t.b.engine.counters().get("master-keys.derived");
        for (int n = 0; n < 2_000; n++) {
            byte[] nonce = new byte[32];
            random.nextBytes(nonce); // not the cached I2, not a known I_NONCE: only the solution is reused
            t.inject(t.b, Packets.rewrite(i2, p -> p instanceof INonce ? new INonce(nonce) : p));
            t.now += 10; // 20 s: all within the puzzle's live generations
        }
        assertEquals(2_000, t.b.engine.dropped(DropReason.REUSED_SOLUTION));
        assertEquals(0, t.b.engine.dropped(DropReason.BAD_HIP_MAC), "none reached the HIP_MAC check");
        assertEquals(ecdh, t.b.engine.counters().get("ecdh.computed"));
        assertEquals(derived, t.b.engine.counters().get("master-keys.derived"));
    }

    @Test
    void forgedI2sForAKnownHiCostNoScalarMultiplication() throws AuthenticationException {
        DexTestbed t = established(DexConfig.builder().puzzleK(4).build(), TrustPolicy.ALLOWLIST);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        assertEquals(1L, t.b.engine.counters().get("ecdh.computed"), "one ECDH for the genuine exchange");
        for (int n = 0; n < 200; n++) {
            t.inject(t.b, Packets.freshSolution(i2, random)); // a valid new solution, a HIP_MAC that fails
        }
        assertEquals(200, t.b.engine.dropped(DropReason.BAD_HIP_MAC));
        assertEquals(1L, t.b.engine.counters().get("ecdh.computed"), "Kij of the trusted HI came from the cache");
        // the cached Kij is the right one: a rekey and a new base exchange still work
        t.emit(t.a, t.a.engine.reestablish(t.b.hit(), t.now));
        t.run(5_000);
        DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(),
                t.b.engine.session(t.a.hit()).orElseThrow());
    }

    @Test
    void removingTrustWipesTheCachedKij() {
        DexTestbed t = established(DexConfig.builder().puzzleK(4).build(), TrustPolicy.ALLOWLIST);
        assertEquals(1, t.b.engine.kijCache.size());
        t.b.identity.setConfiguredPeers(List.of());
        t.b.engine.trustChanged();
        assertEquals(0, t.b.engine.kijCache.size());
        // trusted again: the first exchange computes Kij afresh
        t.b.identity.setConfiguredPeers(List.of(new TrustedPeer("a", t.a.identity.hostIdentity())));
        t.emit(t.a, t.a.engine.reestablish(t.b.hit(), t.now));
        t.run(5_000);
        assertTrue(t.b.engine.session(t.a.hit()).isPresent());
        assertEquals(2L, t.b.engine.counters().get("ecdh.computed"));
    }

    @Test
    void anUnknownHiGetsABoundedNumberOfEcdhsPerGeneration() {
        // trust on first use: b does not know a yet, so every I2 in a's name would need an ECDH
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        t.tamper = p -> Packets.type(p) == HipConstants.I2 ? null : p; // the attacker captures a's I2
        t.connect();
        t.run(500);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        for (int n = 0; n < 50; n++) {
            t.inject(t.b, Packets.freshSolution(i2, random));
        }
        assertEquals(UsedSolutions.ECDH_SOLUTIONS_PER_INITIATOR, t.b.engine.counters().get("ecdh.computed"));
        assertEquals(50 - UsedSolutions.ECDH_SOLUTIONS_PER_INITIATOR, t.b.engine.dropped(DropReason.SOLUTION_BUDGET));
        assertEquals(0, t.b.engine.associationCount());
    }

    @Test
    void i2sAndHipMacFailuresRaiseThePuzzle() {
        DexConfig c = DexConfig.builder().puzzleK(4).loadThresholdPerSecond(100).loadPuzzleK(8).build();
        DexTestbed t = established(c, TrustPolicy.ALLOWLIST);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        t.now = (t.now / 1000 + 1) * 1000; // the start of a fresh second
        assertEquals(4, r1K(t));
        t.now += 1_100; // the I1 above is in another second
        for (int n = 0; n < 51; n++) { // 51 I2s, each failing HIP_MAC: 102 units of load
            t.inject(t.b, Packets.freshSolution(i2, random));
        }
        assertEquals(51, t.b.engine.dropped(DropReason.BAD_HIP_MAC));
        assertEquals(8, r1K(t), "the I2 flood raised #K");
    }

    /** @return the #K of the R1 that b sends now in answer to an I1 from a */
    static int r1K(DexTestbed t) {
        byte[] i1 = HipPacket.builder(HipConstants.I1, t.a.hit(), t.b.hit()).add(DhGroupList.of(12)).build().encode();
        DexEvent.Send r1 = (DexEvent.Send) t.b.engine.receive(i1, t.now).get(0);
        return DexTestbed.parse(r1.packet()).find(Puzzle.class).orElseThrow().k();
    }
}
