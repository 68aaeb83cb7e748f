package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.Solution;

/** The puzzle load is judged on the clock, and a puzzle the responder issued stays solvable for its lifetime. */
class DexPuzzleLoadTest {
    private static final DexConfig CONFIG = DexConfig.builder().loadThresholdPerSecond(100).loadPuzzleK(12).build();

    @TempDir
    Path dir;
    private final SecureRandom random = new SecureRandom();

    @Test
    void aPuzzleIssuedBeforeABurstIsStillAcceptedAfterIt() throws AuthenticationException {
        DexTestbed t = new DexTestbed(dir, CONFIG, CONFIG, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        boolean[] burst = {false, false};
        t.tamper = p -> {
            if (Packets.type(p) == HipConstants.I2 && !burst[0]) {
                burst[0] = true; // between the device's R1 (#K = 0) and its I2, 150 I1s reach the responder
                i1Burst(t, 150);
                burst[1] = t.b.engine.puzzles.underLoad(CONFIG, t.now);
            }
            return p;
        };
        t.connect();
        t.run(5_000);
        assertTrue(burst[0]);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        assertEquals(0, DexTestbed.parse(i2).find(Solution.class).orElseThrow().k());
        assertTrue(burst[1], "the burst did raise #K");
        assertEquals(0, t.b.engine.dropped(DropReason.BAD_PUZZLE_SOLUTION));
        DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(),
                t.b.engine.session(t.a.hit()).orElseThrow());
        assertEquals(1, t.packetsOfType(HipConstants.I2).size(), "the first I2 was accepted");
    }

    @Test
    void loadDecaysWithTheClockWithoutFurtherArrivals() {
        DexTestbed t = new DexTestbed(dir, CONFIG, CONFIG, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        t.now = (t.now / 1000) * 1000 + 100; // early in a second
        for (int second = 0; second < 3; second++) { // three overloaded seconds keep #K raised throughout
            i1Burst(t, 150);
            assertTrue(t.b.engine.puzzles.underLoad(CONFIG, t.now));
            t.now += 999;
            assertTrue(t.b.engine.puzzles.underLoad(CONFIG, t.now), "the next second follows the loaded one");
            t.now += 1;
        }
        t.now += 1_000; // two seconds after the last burst began, nothing having arrived since
        assertFalse(t.b.engine.puzzles.underLoad(CONFIG, t.now));
        assertEquals(0, DexResponderCostTest.r1K(t));
    }

    @Test
    void aDifficultyTheResponderDidNotIssueIsRefused() {
        DexTestbed t = new DexTestbed(dir, CONFIG, CONFIG, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        t.tamper = p -> Packets.type(p) == HipConstants.I2 ? null : p;
        i1Burst(t, 150); // a's R1 carries #K = 12
        t.connect();
        t.run(500);
        byte[] i2 = t.packetsOfType(HipConstants.I2).get(0);
        assertEquals(12, DexTestbed.parse(i2).find(Solution.class).orElseThrow().k());
        t.now += 3_000; // the load is gone; claiming #K = 0 for the #I issued with 12 must not pass
        t.inject(t.b, Packets.rewrite(i2, x -> x instanceof Solution s
                ? new Solution(0, s.reserved(), s.opaque(), s.i(), s.j()) : x));
        assertEquals(1, t.b.engine.dropped(DropReason.BAD_PUZZLE_SOLUTION));
        t.inject(t.b, i2); // the solution as issued is still good
        assertTrue(t.b.engine.session(t.a.hit()).isPresent());
    }

    private void i1Burst(DexTestbed t, int n) {
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            Hit from = HostIdentity.of(12, key).hit();
            t.b.engine.receive(HipPacket.builder(HipConstants.I1, from, t.b.hit()).add(DhGroupList.of(12)).build()
                    .encode(), t.now);
        }
    }
}
