package org.sslskura.transport;

/**
 * Bytes a receiver may hold for unfinished PDUs and messages: a cap per peer session and one for all of them, so that
 * one peer (or forged fragments in its name) cannot take the room every other peer needs. Each session has its own
 * instance, linked to the pipeline's global one.
 */
final class MemoryBudget {
    private final MemoryBudget global;
    private final long max;
    private long used;

    private MemoryBudget(MemoryBudget global, long max) {
        this.global = global;
        this.max = max;
    }

    /** @return the budget for all sessions */
    static MemoryBudget global(long max) {
        return new MemoryBudget(null, max);
    }

    /** @return a session's share: at most {@code max} bytes, and only while the global budget has room */
    MemoryBudget share(long max) {
        return new MemoryBudget(this, max);
    }

    /** @return true (and the bytes taken) if {@code n} more bytes fit here and globally */
    boolean take(long n) {
        if (used + n > max || (global != null && !global.take(n))) {
            return false;
        }
        used += n;
        return true;
    }

    /** Gives back {@code n} bytes taken earlier. */
    void release(long n) {
        used -= n;
        if (global != null) {
            global.release(n);
        }
    }

    /** Gives back everything this share holds (its session ended). */
    void releaseAll() {
        release(used);
    }

    /** @return bytes held */
    long used() {
        return used;
    }
}
