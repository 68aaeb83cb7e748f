package org.sslskura.transport;

/**
 * When the transport's one timer must fire, decided without scanning every peer per step. Between ticks only PDUs
 * going out and ACK entries being queued set deadlines ({@link MessagePipeline#takeEarliestNewDeadline}), so the timer
 * moves only if one of those is earlier than the time it is armed for; deadlines that went away (PDUs acknowledged)
 * at worst make it fire once for nothing, and every tick is followed by a full scan
 * ({@link MessagePipeline#nextDeadline}). The owner schedules; this class only decides (sans-IO, shared by the
 * service and the simulation).
 */
final class TimerPlan {
    /** Returned when the armed timer (or none) is right as it is. */
    static final long KEEP = Long.MIN_VALUE;

    private long armedAt = Long.MAX_VALUE;

    /**
     * @param earliestNew the earliest deadline the step set
     * @return the time to re-arm the timer for (replacing any armed one), or {@link #KEEP}
     */
    long afterStep(long earliestNew) {
        if (earliestNew >= armedAt) {
            return KEEP;
        }
        armedAt = earliestNew;
        return earliestNew;
    }

    /**
     * The timer fired and the pipeline ticked.
     *
     * @param next the pipeline's next deadline from a full scan
     * @return the time to arm the timer for, or {@link #KEEP} if nothing is due
     */
    long afterTick(long next) {
        armedAt = next;
        return next == Long.MAX_VALUE ? KEEP : next;
    }
}
