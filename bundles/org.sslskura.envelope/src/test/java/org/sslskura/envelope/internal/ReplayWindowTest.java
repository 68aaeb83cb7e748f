package org.sslskura.envelope.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sslskura.envelope.internal.ReplayWindow.Verdict.DUPLICATE;
import static org.sslskura.envelope.internal.ReplayWindow.Verdict.FRESH;
import static org.sslskura.envelope.internal.ReplayWindow.Verdict.TOO_OLD;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boundary cases of the sliding window (in the spirit of wireguard-go's replay_test.go) and a model check. */
class ReplayWindowTest {

    @Test
    void inOrder_thenDuplicates() {
        ReplayWindow w = new ReplayWindow(64);
        for (long s = 1; s <= 500; s++) {
            assertEquals(FRESH, w.check(s), "seq " + s);
            assertEquals(FRESH, w.mark(s), "seq " + s);
        }
        assertEquals(500, w.highest());
        for (long s = 437; s <= 500; s++) {
            assertEquals(DUPLICATE, w.check(s), "seq " + s);
            assertEquals(DUPLICATE, w.mark(s), "seq " + s);
        }
        assertEquals(TOO_OLD, w.check(436));
        assertEquals(TOO_OLD, w.mark(436));
        assertEquals(500, w.highest(), "neither duplicates nor old numbers move the window");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 63, 64, 65, 100, 128, 1024, 4096})
    void edgesOfTheWindow(int size) {
        ReplayWindow w = new ReplayWindow(size);
        long top = 10_000;
        w.mark(top);
        assertEquals(FRESH, w.check(top - size + 1), "the oldest number inside the window");
        assertEquals(TOO_OLD, w.check(top - size), "the newest number below the window");
        assertEquals(FRESH, w.mark(top - size + 1));
        assertEquals(DUPLICATE, w.check(top - size + 1));
        assertEquals(FRESH, w.check(top + 1));
        w.mark(top + 1);
        assertEquals(TOO_OLD, w.check(top - size + 1), "slid out by one");
        assertEquals(size, w.size());
    }

    @Test
    void reorderedWithinTheWindow_allAcceptedOnce() {
        ReplayWindow w = new ReplayWindow(64);
        long[] order = {5, 3, 4, 1, 2, 64, 10, 9, 8, 65, 6, 7, 11, 2, 66};
        Set<Long> seen = new HashSet<>();
        for (long s : order) {
            assertEquals(seen.add(s) ? FRESH : DUPLICATE, w.mark(s), "seq " + s);
        }
        assertEquals(TOO_OLD, w.check(2), "66 - 2 = 64 is outside a 64-window");
        assertEquals(FRESH, w.check(12));
    }

    @Test
    void hugeJump_forgetsEverythingBelow() {
        ReplayWindow w = new ReplayWindow(128);
        for (long s = 1; s <= 300; s++) {
            w.mark(s);
        }
        long far = 1L << 40;
        assertEquals(FRESH, w.mark(far));
        assertEquals(TOO_OLD, w.check(300));
        for (long s = far - 127; s < far; s++) {
            assertEquals(FRESH, w.check(s), "no stale bit may survive the jump: " + s);
        }
    }

    @Test
    void jumpOfExactlyTheRingLength_clearsAliasedWords() {
        ReplayWindow w = new ReplayWindow(64); // ring of 2 words: seq s and s + 128 share a bit
        for (long s = 1; s <= 127; s++) {
            w.mark(s);
        }
        assertEquals(FRESH, w.mark(127 + 128));
        for (long s = 255 - 63; s < 255; s++) {
            assertEquals(FRESH, w.check(s), "aliased bit of " + (s - 128) + " must be cleared");
        }
        assertEquals(DUPLICATE, w.check(255));
    }

    @Test
    void internalWordIndexWraps_manyTimes() {
        ReplayWindow w = new ReplayWindow(100);
        for (long s = 1; s <= 100_000; s += 2) {
            assertEquals(FRESH, w.mark(s), "seq " + s);
        }
        for (long s = 100_000; s > 99_901; s--) {
            assertEquals(s % 2 == 1 ? DUPLICATE : FRESH, w.check(s), "seq " + s);
        }
        assertEquals(TOO_OLD, w.check(99_899));
    }

    @Test
    void unsigned64BitNumbers_ofTheExtremeFormat() {
        ReplayWindow w = new ReplayWindow(64);
        assertEquals(TOO_OLD, w.check(0), "0 is never valid");
        assertEquals(FRESH, w.mark(Long.MAX_VALUE));
        assertEquals(FRESH, w.mark(Long.MIN_VALUE), "2^63 is above 2^63 - 1 (unsigned)");
        assertEquals(DUPLICATE, w.check(Long.MIN_VALUE));
        assertEquals(FRESH, w.mark(-2L));
        assertEquals(FRESH, w.mark(-1L), "2^64 - 1");
        assertEquals(-1L, w.highest());
        assertEquals(DUPLICATE, w.check(-2L));
        assertEquals(FRESH, w.check(-64L));
        assertEquals(TOO_OLD, w.check(-65L));
        assertEquals(TOO_OLD, w.check(Long.MAX_VALUE));
        assertEquals(TOO_OLD, w.check(1));
    }

    @Test
    void checkNeverChangesTheWindow() {
        ReplayWindow w = new ReplayWindow(64);
        w.check(1000);
        assertEquals(0, w.highest());
        assertEquals(FRESH, w.mark(1));
    }

    @Test
    void sizeOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow((1 << 24) + 1));
    }

    /** The window agrees with a set-based model on every operation of a random walk. */
    @Property(tries = 300)
    void behavesLikeTheModel(@ForAll("sizes") int size, @ForAll("walks") List<Integer> steps) {
        ReplayWindow w = new ReplayWindow(size);
        Set<Long> marked = new HashSet<>();
        long highest = 0;
        long base = 1;
        for (int step : steps) {
            base = Math.max(1, base + (step >> 8)); // drift the region of interest, sometimes far ahead
            long seq = Math.max(1, base + (step & 0xFF) - 128);
            ReplayWindow.Verdict expected = seq > highest ? FRESH
                    : highest - seq >= size ? TOO_OLD : marked.contains(seq) ? DUPLICATE : FRESH;
            assertEquals(expected, w.check(seq), "check " + seq);
            assertEquals(expected, w.mark(seq), "mark " + seq);
            if (expected == FRESH) {
                marked.add(seq);
                highest = Math.max(highest, seq);
            }
            assertEquals(highest, w.highest());
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.of(32, 33, 64, 100, 1024, 4096);
    }

    @Provide
    Arbitrary<List<Integer>> walks() {
        Arbitrary<Integer> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.integers().between(0, 0x1FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x3FFFFF)));
        return step.list().ofMinSize(1).ofMaxSize(400);
    }
}
