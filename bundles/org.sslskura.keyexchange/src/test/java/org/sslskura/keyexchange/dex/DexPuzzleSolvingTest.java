package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.wire.hip.HipConstants;

/** The initiator solves at most its configured #K, and solves real puzzles off the engine thread within a budget. */
class DexPuzzleSolvingTest {
    @TempDir
    Path dir;

    @Test
    void aPuzzleAboveTheInitiatorMaximumIsNotSolved() {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().build(), DexConfig.builder().puzzleK(17).loadPuzzleK(17).build());
        t.connect();
        t.run(2_000);
        assertTrue(t.a.engine.dropped(DropReason.PUZZLE_TOO_HARD) > 0, "default maximum #K is 16");
        assertEquals(0, t.packetsOfType(HipConstants.I2).size());
    }

    @Test
    void theMaximumIsConfigurable() throws AuthenticationException {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().initiatorMaxPuzzleK(17).build(),
                DexConfig.builder().puzzleK(17).loadPuzzleK(17).build());
        t.connect();
        t.run(5_000);
        DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(),
                t.b.engine.session(t.a.hit()).orElseThrow());
    }

    @Test
    void aRealPuzzleIsHandedToTheCallerAndTheEngineGoesOn() {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().build(), DexConfig.builder().puzzleK(12).loadPuzzleK(12).build());
        byte[] i1 = ((DexEvent.Send) t.a.engine.connect(t.b.hit(), t.now).get(0)).packet();
        byte[] r1 = ((DexEvent.Send) t.b.engine.receive(i1, t.now).get(0)).packet();
        List<DexEvent> out = t.a.engine.receive(r1, t.now);
        assertEquals(1, out.size(), "no I2 yet: the puzzle is not solved on the engine's thread");
        DexEvent.Solve solve = assertInstanceOf(DexEvent.Solve.class, out.get(0));
        assertEquals(12, solve.job().k());
        assertEquals(DexState.I1_SENT, t.a.engine.state(t.b.hit()));
        assertTrue(t.a.engine.receive(r1, t.now).isEmpty(), "the same R1 again is not solved twice");
        // the engine keeps running its timers meanwhile: the I1 is retransmitted
        List<DexEvent> tick = t.a.engine.tick(t.now + 1_000);
        assertEquals(HipConstants.I1, Packets.type(((DexEvent.Send) tick.get(0)).packet()));
        byte[] j = solve.job().solve(System::nanoTime);
        List<DexEvent> answer = t.a.engine.puzzleSolved(solve.job(), j, t.now + 1_100);
        assertEquals(HipConstants.I2, Packets.type(((DexEvent.Send) answer.get(0)).packet()));
        assertEquals(DexState.I2_SENT, t.a.engine.state(t.b.hit()));
        List<DexEvent> r2 = t.b.engine.receive(((DexEvent.Send) answer.get(0)).packet(), t.now + 1_100);
        t.a.engine.receive(((DexEvent.Send) r2.get(0)).packet(), t.now + 1_100);
        assertTrue(t.a.engine.session(t.b.hit()).isPresent());
    }

    @Test
    void aSearchBeyondItsBudgetGivesUpAndTheExchangeWaitsForAnotherR1() {
        DexTestbed t = new DexTestbed(dir, DexConfig.builder().initiatorMaxPuzzleK(24).puzzleSolveBudgetMillis(5)
                .build(), DexConfig.builder().puzzleK(24).loadPuzzleK(24).build());
        byte[] i1 = ((DexEvent.Send) t.a.engine.connect(t.b.hit(), t.now).get(0)).packet();
        byte[] r1 = ((DexEvent.Send) t.b.engine.receive(i1, t.now).get(0)).packet();
        DexEvent.Solve solve = (DexEvent.Solve) t.a.engine.receive(r1, t.now).get(0);
        long[] nanos = {0};
        byte[] j = solve.job().solve(() -> nanos[0] += 10_000_000L); // each look at the clock: 10 ms later
        assertNull(j, "5 ms budget spent");
        assertTrue(t.a.engine.puzzleSolved(solve.job(), null, t.now).isEmpty());
        assertEquals(1, t.a.engine.dropped(DropReason.PUZZLE_TOO_HARD));
        assertEquals(DexState.I1_SENT, t.a.engine.state(t.b.hit()), "the I1 retransmission goes on");
        assertTrue(t.a.engine.puzzleSolved(solve.job(), new byte[16], t.now).isEmpty(), "a job answers once");
        assertEquals(1L, t.a.engine.counters().get("puzzle.stale"));
    }
}
