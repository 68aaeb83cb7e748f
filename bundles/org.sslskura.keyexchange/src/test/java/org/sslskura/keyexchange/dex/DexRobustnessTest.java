package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.Puzzle;

/** Loss, duplication, reordering, simultaneous starts, floods, rekey and close. */
class DexRobustnessTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void lossyLinkConvergesOrFailsCleanly(int seed) throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.linkRandom = new Random(seed);
        t.dropRate = 0.3;
        t.duplicateRate = 0.2;
        t.reorderRate = 0.3;
        t.connect();
        t.run(10 * 60_000);
        boolean established = t.a.engine.session(t.b.hit()).isPresent();
        if (established) {
            DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).get(),
                    t.b.engine.session(t.a.hit()).orElseThrow());
            assertTrue(t.a.eventsOf(DexEvent.Failed.class).isEmpty());
        } else {
            assertEquals(1, t.a.eventsOf(DexEvent.Failed.class).size(), "fails cleanly, once");
            assertEquals(DexState.UNASSOCIATED, t.a.engine.state(t.b.hit()), "forgotten after the hold-down");
        }
        assertTrue(t.b.eventsOf(DexEvent.Established.class).size() <= 1 || established);
    }

    @Test
    void thirtyPercentLossUsuallyConverges() {
        int converged = 0;
        for (int seed = 100; seed < 130; seed++) {
            DexConfig c = DexConfig.builder().build();
            DexTestbed t = new DexTestbed(dir.resolve("s" + seed), c, c);
            t.linkRandom = new Random(seed);
            t.dropRate = 0.3;
            t.connect();
            t.run(10 * 60_000);
            converged += t.a.engine.session(t.b.hit()).isPresent() ? 1 : 0;
        }
        assertTrue(converged >= 27, "converged " + converged + " of 30");
    }

    @Test
    void noAnswerFailsAfterTheRetryBudget() {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.dropRate = 1.0;
        t.connect();
        t.run(10 * 60_000);
        List<DexEvent.Failed> failed = t.a.eventsOf(DexEvent.Failed.class);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).reason().contains("I1"));
        // 1 + 5 retransmissions, at 1, 2, 4, 8, 16 s, then failure 32 s later
        assertEquals(6, t.packetsOfType(HipConstants.I1).size());
    }

    @Test
    void simultaneousOpenGivesOneAssociation() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.emit(t.a, t.a.engine.connect(t.b.hit(), t.now));
        t.emit(t.b, t.b.engine.connect(t.a.hit(), t.now));
        t.run(10_000);
        SecureSession sa = t.a.engine.session(t.b.hit()).orElseThrow();
        SecureSession sb = t.b.engine.session(t.a.hit()).orElseThrow();
        DexHandshakeTest.assertMatching(sa, sb);
        boolean aGreater = t.a.hit().compareTo(t.b.hit()) > 0;
        assertEquals(!aGreater, sa.initiator(), "the lower HIT ends up Initiator");
        assertEquals(1, t.a.eventsOf(DexEvent.Established.class).size());
        assertEquals(1, t.b.eventsOf(DexEvent.Established.class).size());
        assertEquals(1, t.a.engine.dropped(DropReason.TIE_BREAK) + t.b.engine.dropped(DropReason.TIE_BREAK));
    }

    @Test
    void crossingI2sResolveByHitOrder() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        DexTestbed.Node high = t.a.hit().compareTo(t.b.hit()) > 0 ? t.a : t.b;
        DexTestbed.Node low = t.other(high);
        // low starts; high answers its I1 with R1, which we hold back
        byte[] i1Low = send(low.engine.connect(high.hit(), t.now));
        byte[] r1High = send(high.engine.receive(i1Low, t.now));
        // high starts too; low, still in I1-SENT with the lower HIT, drops high's I1 ... so high's I1 is answered
        // only after low's R1 processing: deliver low's own R1 first to move low to I2-SENT.
        byte[] i1High = send(high.engine.connect(low.hit(), t.now));
        byte[] i2Low = send(low.engine.receive(r1High, t.now));
        byte[] r1Low = send(low.engine.receive(i1High, t.now)); // low in I2-SENT answers I1 with R1
        byte[] i2High = send(high.engine.receive(r1Low, t.now));
        assertEquals(DexState.I2_SENT, low.engine.state(high.hit()));
        assertEquals(DexState.I2_SENT, high.engine.state(low.hit()));
        // the I2s cross: low drops high's (lower HIT keeps its own attempt), high processes low's
        assertTrue(low.engine.receive(i2High, t.now).isEmpty());
        assertEquals(1, low.engine.dropped(DropReason.TIE_BREAK));
        List<DexEvent> highOut = high.engine.receive(i2Low, t.now);
        byte[] r2 = send(highOut);
        low.engine.receive(r2, t.now);
        SecureSession sl = low.engine.session(high.hit()).orElseThrow();
        SecureSession sh = high.engine.session(low.hit()).orElseThrow();
        DexHandshakeTest.assertMatching(sl, sh);
        assertTrue(sl.initiator());
    }

    @Test
    void i1FloodLeavesNoStateAndRaisesThePuzzle() {
        DexConfig c = DexConfig.builder().loadThresholdPerSecond(100).loadPuzzleK(12).build();
        DexTestbed t = new DexTestbed(dir, c, c, TrustPolicy.TRUST_ON_FIRST_USE, EcdhCurve.X25519);
        SecureRandom random = new SecureRandom();
        int maxK = 0;
        Runtime rt = Runtime.getRuntime();
        for (int n = 0; n < 10_000; n++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            Hit from = HostIdentity.of(12, key).hit();
            byte[] i1 = HipPacket.builder(HipConstants.I1, from, t.b.hit()).add(DhGroupList.of(12)).build().encode();
            List<DexEvent> out = t.b.engine.receive(i1, t.now + n / 10); // 10,000 I1s per second
            assertEquals(1, out.size());
            Puzzle p = DexTestbed.parse(((DexEvent.Send) out.get(0)).packet()).find(Puzzle.class).orElseThrow();
            maxK = Math.max(maxK, p.k());
        }
        assertEquals(0, t.b.engine.associationCount(), "no per-I1 state");
        assertEquals(12, maxK, "#K raised under load");
        assertEquals(10_000L, t.b.engine.counters().get("r1.sent"));
        // after the load stops, #K returns to the configured value
        t.now += 5_000;
        t.connect();
        t.deliverAll();
        Puzzle after = DexTestbed.parse(t.packetsOfType(HipConstants.R1).get(0)).find(Puzzle.class).orElseThrow();
        assertEquals(0, after.k());
    }

    @Test
    void rekeyDrawsNewKeysAndKeepsTheOldSessionUntilDone() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        SecureSession old = t.a.engine.session(t.b.hit()).orElseThrow();
        t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
        assertSame(old, t.a.engine.session(t.b.hit()).orElseThrow(), "old SA usable until the rekey completes");
        t.run(5_000);
        SecureSession fresh = t.a.engine.session(t.b.hit()).orElseThrow();
        DexHandshakeTest.assertMatching(fresh, t.b.engine.session(t.a.hit()).orElseThrow());
        assertEquals(1, fresh.generation());
        assertEquals(Keymat.pairLength(old.outbound().suite()), fresh.outbound().keymatIndex());
        assertFalse(java.util.Arrays.equals(old.outbound().keyMaterial(), fresh.outbound().keyMaterial()));
        assertTrue(fresh.outbound().spi() != old.outbound().spi());
        List<DexEvent.Rekeyed> ra = t.a.eventsOf(DexEvent.Rekeyed.class);
        assertEquals(1, ra.size());
        assertSame(old, ra.get(0).previous());
        assertEquals(1, t.b.eventsOf(DexEvent.Rekeyed.class).size());
    }

    @Test
    void rekeyFromTheResponderAndSimultaneousRekeys() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        t.emit(t.b, t.b.engine.rekey(t.a.hit(), t.now));
        t.run(5_000);
        assertEquals(1, t.a.engine.session(t.b.hit()).orElseThrow().generation());
        t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
        t.emit(t.b, t.b.engine.rekey(t.a.hit(), t.now));
        t.run(5_000);
        SecureSession sa = t.a.engine.session(t.b.hit()).orElseThrow();
        SecureSession sb = t.b.engine.session(t.a.hit()).orElseThrow();
        DexHandshakeTest.assertMatching(sa, sb);
        assertEquals(2, sa.generation());
    }

    @Test
    void rekeyUnderLossStillConverges() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        for (int seed = 0; seed < 10; seed++) {
            DexTestbed t = new DexTestbed(dir.resolve("r" + seed), c, c);
            t.connect();
            t.run(5_000);
            int beforeA = t.a.engine.session(t.b.hit()).orElseThrow().generation();
            int beforeB = t.b.engine.session(t.a.hit()).orElseThrow().generation();
            t.linkRandom = new Random(seed);
            t.dropRate = 0.3;
            t.duplicateRate = 0.2;
            t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
            t.run(5 * 60_000);
            // five minutes of retransmissions through 30 % loss are plenty: every seed must end rekeyed, in step
            SecureSession sa = t.a.engine.session(t.b.hit()).orElseThrow(() -> new AssertionError("a lost its SA"));
            SecureSession sb = t.b.engine.session(t.a.hit()).orElseThrow(() -> new AssertionError("b lost its SA"));
            assertTrue(sa.generation() > beforeA && sb.generation() > beforeB, "seed " + seed + ": no rekey");
            DexHandshakeTest.assertMatching(sa, sb); // the same keys, each side's outbound the other's inbound
        }
    }

    @Test
    void keymatExhaustionClosesAndReports() {
        DexConfig c = DexConfig.builder().suites(List.of(SseSuite.CHACHA20_POLY1305)).build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        int rekeys = 0;
        while (t.a.eventsOf(DexEvent.Failed.class).isEmpty() && rekeys < 100) {
            t.emit(t.a, t.a.engine.rekey(t.b.hit(), t.now));
            t.run(5_000);
            rekeys++;
        }
        int pairs = 4080 / Keymat.pairLength(SseSuite.CHACHA20_POLY1305);
        assertEquals(pairs, rekeys, "pairs 1.." + (pairs - 1) + " by rekey, then exhaustion");
        assertTrue(t.a.eventsOf(DexEvent.Failed.class).get(0).reason().contains("KEYMAT exhausted"));
        assertTrue(t.a.engine.session(t.b.hit()).isEmpty());
        assertEquals(1, t.b.eventsOf(DexEvent.Closed.class).size());
    }

    @Test
    void closeEndsBothSides() {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        t.emit(t.a, t.a.engine.close(t.b.hit(), t.now));
        t.run(5_000);
        assertEquals(1, t.a.eventsOf(DexEvent.Closed.class).size());
        assertEquals(1, t.b.eventsOf(DexEvent.Closed.class).size());
        assertTrue(t.a.engine.session(t.b.hit()).isEmpty());
        assertTrue(t.b.engine.session(t.a.hit()).isEmpty());
        assertEquals(DexState.UNASSOCIATED, t.a.engine.state(t.b.hit()));
        t.run(10 * 60_000);
        assertEquals(0, t.b.engine.associationCount(), "CLOSED is forgotten after MSL");
    }

    @Test
    void reestablishForgetsAndRunsANewExchange() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        SecureSession first = t.a.engine.session(t.b.hit()).orElseThrow();
        t.emit(t.a, t.a.engine.reestablish(t.b.hit(), t.now));
        assertEquals(1, t.a.eventsOf(DexEvent.Closed.class).size());
        t.run(5_000);
        SecureSession second = t.a.engine.session(t.b.hit()).orElseThrow();
        DexHandshakeTest.assertMatching(second, t.b.engine.session(t.a.hit()).orElseThrow());
        assertFalse(java.util.Arrays.equals(first.outbound().keyMaterial(), second.outbound().keyMaterial()));
        assertEquals(2, t.b.eventsOf(DexEvent.Established.class).size(), "the responder replaced its association");
    }

    @Test
    void idleAssociationsAreClosedAfterUal() {
        DexConfig c = DexConfig.builder().unusedAssociationLifetimeMillis(60_000).build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        t.run(70_000);
        assertTrue(t.a.engine.session(t.b.hit()).isEmpty());
        assertTrue(t.a.engine.counters().get("idle.closed") >= 1);
    }

    @Test
    void restartedDeviceReplacesItsAssociation() throws AuthenticationException {
        DexConfig c = DexConfig.builder().build();
        DexTestbed t = new DexTestbed(dir, c, c);
        t.connect();
        t.run(5_000);
        SecureSession first = t.b.engine.session(t.a.hit()).orElseThrow();
        // the device restarts: a new engine with the same identity, no memory of the association
        DexEngine restarted = new DexEngine(t.a.identity, c, new SecureRandom(), t.now);
        List<byte[]> toB = new ArrayList<>();
        List<DexEvent> out = restarted.connect(t.b.hit(), t.now);
        for (int round = 0; round < 4 && !out.isEmpty(); round++) {
            List<DexEvent> next = new ArrayList<>();
            for (DexEvent e : out) {
                if (e instanceof DexEvent.Send s) {
                    toB.add(s.packet());
                    for (DexEvent r : t.b.engine.receive(s.packet(), t.now)) {
                        if (r instanceof DexEvent.Send rs) {
                            next.addAll(restarted.receive(rs.packet(), t.now));
                        }
                    }
                }
            }
            out = next;
        }
        SecureSession second = t.b.engine.session(t.a.hit()).orElseThrow();
        assertTrue(second.inbound().spi() != first.inbound().spi());
        assertTrue(second.generation() > first.generation(),
                "a new association never reuses the generation label of the one it replaces");
        DexHandshakeTest.assertMatching(restarted.session(t.b.hit()).orElseThrow(), second);
    }

    private static byte[] send(List<DexEvent> events) {
        for (DexEvent e : events) {
            if (e instanceof DexEvent.Send s) {
                return s.packet();
            }
        }
        throw new AssertionError("no packet sent: " + events);
    }
}
