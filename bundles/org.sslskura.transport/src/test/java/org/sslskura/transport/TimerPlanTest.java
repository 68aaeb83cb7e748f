package org.sslskura.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The timer moves only for an earlier deadline between ticks, and follows the full scan after each tick. */
class TimerPlanTest {
    private static final long NONE = Long.MAX_VALUE;

    @Test
    void aStepArmsTheFirstDeadlineAndMovesTheTimerOnlyForAnEarlierOne() {
        TimerPlan plan = new TimerPlan();
        assertEquals(TimerPlan.KEEP, plan.afterStep(NONE), "nothing due, nothing armed");
        assertEquals(1_000, plan.afterStep(1_000));
        assertEquals(TimerPlan.KEEP, plan.afterStep(1_050), "a later deadline waits for the tick at 1,000");
        assertEquals(TimerPlan.KEEP, plan.afterStep(1_000));
        assertEquals(TimerPlan.KEEP, plan.afterStep(NONE), "a step that set nothing leaves the timer");
        assertEquals(950, plan.afterStep(950), "an earlier deadline re-arms");
    }

    @Test
    void afterATickTheFullScanDecides() {
        TimerPlan plan = new TimerPlan();
        plan.afterStep(100);
        assertEquals(1_100, plan.afterTick(1_100), "the scan found the later deadline the steps did not report");
        assertEquals(TimerPlan.KEEP, plan.afterStep(1_200));
        assertEquals(TimerPlan.KEEP, plan.afterTick(NONE), "nothing left: no timer");
        assertEquals(1_300, plan.afterStep(1_300), "with no timer armed, the next deadline arms one");
    }
}
