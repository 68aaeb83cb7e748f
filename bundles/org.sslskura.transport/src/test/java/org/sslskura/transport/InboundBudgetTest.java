package org.sslskura.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Received SSE payloads waiting for the transport thread are bounded in number and bytes; the excess is counted. */
class InboundBudgetTest {
    @Test
    void theNumberOfWaitingPayloadsIsBounded() {
        InboundBudget b = new InboundBudget(100, 1 << 20);
        int taken = 0;
        for (int n = 0; n < 10_000; n++) {
            taken += b.tryTake(10) ? 1 : 0;
        }
        assertEquals(100, taken);
        assertEquals(9_900, b.dropped());
        b.giveBack(10);
        assertTrue(b.tryTake(10), "a handled payload makes room");
        assertFalse(b.tryTake(10));
    }

    @Test
    void theWaitingBytesAreBounded() {
        InboundBudget b = new InboundBudget(100, 1_000);
        assertTrue(b.tryTake(900));
        assertFalse(b.tryTake(200));
        assertTrue(b.tryTake(100));
        assertEquals(1, b.dropped());
        b.giveBack(900);
        assertTrue(b.tryTake(800));
    }
}
