package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.hip.Hit;

/** The used-solution record answers per (generation, HIT-I) and stays bounded whatever arrives. */
class UsedSolutionsTest {
    private static Hit hit(int n) {
        byte[] b = new byte[16];
        Bytes.putLong(b, 8, n);
        return Hit.of(b);
    }

    private static byte[] j(int n) {
        byte[] b = new byte[16];
        Bytes.putLong(b, 0, n);
        return b;
    }

    @Test
    void verdictsPerGenerationAndInitiator() {
        UsedSolutions u = new UsedSolutions();
        assertEquals(UsedSolutions.Verdict.FRESH, u.record(10, hit(1), j(1), true, 9));
        assertEquals(UsedSolutions.Verdict.REUSED, u.record(10, hit(1), j(1), false, 9));
        assertEquals(UsedSolutions.Verdict.FRESH, u.record(10, hit(2), j(1), true, 9), "another initiator");
        assertEquals(UsedSolutions.Verdict.FRESH, u.record(9, hit(1), j(1), true, 9), "another generation");
        for (int n = 2; n <= UsedSolutions.ECDH_SOLUTIONS_PER_INITIATOR; n++) {
            assertEquals(UsedSolutions.Verdict.FRESH, u.record(10, hit(1), j(n), true, 9));
        }
        assertEquals(UsedSolutions.Verdict.OVER_BUDGET, u.record(10, hit(1), j(99), true, 9));
        assertEquals(UsedSolutions.Verdict.FRESH, u.record(10, hit(1), j(99), false, 9), "a cached Kij: no budget");
    }

    @Test
    void boundedAndForgottenWithTheirGeneration() {
        UsedSolutions u = new UsedSolutions();
        for (int n = 0; n < UsedSolutions.MAX_ENTRIES + 1_000; n++) {
            u.record(n < 1_000 ? 9 : 10, hit(n), j(n), true, 9);
        }
        assertEquals(UsedSolutions.MAX_ENTRIES, u.size());
        // the oldest were forgotten first: generation 9 entirely
        assertEquals(UsedSolutions.Verdict.FRESH, u.record(9, hit(0), j(0), true, 9));
    }

    @Test
    void aGenerationNoLongerLiveIsForgotten() {
        UsedSolutions u = new UsedSolutions();
        for (int n = 0; n < 150; n++) {
            u.record(n < 100 ? 9 : 10, hit(n), j(n), true, 9);
        }
        assertEquals(150, u.size());
        u.record(11, hit(0), j(0), true, 10);
        assertEquals(51, u.size(), "generation 9 dropped, generation 10 kept, one new");
    }
}
