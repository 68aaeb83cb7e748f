package org.sslskura.keyexchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The HIP inbound lane holds at most its bounds, drops and counts the rest, and lets other work interleave. */
class InboundLaneTest {
    /** A single-threaded executor run by the test: tasks wait until {@link #runOne()}. */
    private static final class StepExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.addLast(task);
        }

        boolean runOne() {
            Runnable r = tasks.pollFirst();
            if (r == null) {
                return false;
            }
            r.run();
            return true;
        }
    }

    @Test
    void aFloodIsBoundedAndCounted() {
        StepExecutor executor = new StepExecutor();
        List<byte[]> handled = new ArrayList<>();
        InboundLane lane = new InboundLane(executor, handled::add, 100, 1 << 20);
        int accepted = 0;
        for (int n = 0; n < 10_000; n++) { // the consumer is busy elsewhere: nothing is drained meanwhile
            accepted += lane.offer(new byte[] {(byte) n}) ? 1 : 0;
        }
        assertEquals(100, accepted);
        assertEquals(9_900, lane.dropped());
        assertEquals(1, executor.tasks.size(), "one drain task, not one task per packet");
        while (executor.runOne()) {
            // drain
        }
        assertEquals(100, handled.size());
        assertEquals(0, handled.get(0)[0]);
        assertEquals(99, handled.get(99)[0]);
        assertTrue(lane.offer(new byte[1]), "room again once drained");
    }

    @Test
    void theByteBoundHoldsToo() {
        StepExecutor executor = new StepExecutor();
        InboundLane lane = new InboundLane(executor, p -> { }, 1_000, 4_096);
        assertTrue(lane.offer(new byte[4_000]));
        assertFalse(lane.offer(new byte[100]));
        assertEquals(1, lane.dropped());
    }

    @Test
    void otherWorkInterleavesWithAFlood() {
        StepExecutor executor = new StepExecutor();
        List<String> order = new ArrayList<>();
        InboundLane lane = new InboundLane(executor, p -> order.add("packet"), 1_000, 1 << 20);
        for (int n = 0; n < 3 * InboundLane.BATCH; n++) {
            lane.offer(new byte[1]);
        }
        executor.execute(() -> order.add("timer")); // queued after the flood began
        while (executor.runOne()) {
            // run everything
        }
        assertEquals(3 * InboundLane.BATCH + 1, order.size());
        assertEquals(InboundLane.BATCH, order.indexOf("timer"), "the timer ran after one batch, not after the flood");
    }
}
