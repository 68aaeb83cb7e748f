package org.sslskura.envelope.internal;

/**
 * The anti-replay sliding window of one inbound SA (RFC 4303 §3.4.3, with the word-ring bitmap of RFC 6479;
 * decisions §2.5). Sequence numbers are unsigned 64-bit values, 1 and up (0 is never valid).
 * <p>
 * The window covers the {@link #size()} sequence numbers ending at the highest one marked so far ({@link #highest()}):
 * a number above it is fresh, a number {@code size} or more below it is too old, and one in between is fresh or a
 * duplicate according to its bit. The bitmap is a ring of 64-bit words, one more than the window needs, so that
 * sliding forward clears whole words and never shifts bits.
 * <p>
 * Use: {@link #check} as a cheap pre-filter before the AEAD, then {@link #mark} only after the AEAD succeeded, so
 * that forged PDUs never move the window. Not thread-safe: the owner (the inbound SA) confines it to its lock.
 */
public final class ReplayWindow {
    /** The verdict on a sequence number. */
    public enum Verdict {
        /** Not seen yet and inside (or ahead of) the window. */
        FRESH,
        /** Inside the window and already marked. */
        DUPLICATE,
        /** Below the window (or 0): can no longer be told apart from a replay. */
        TOO_OLD
    }

    private static final int WORD_SHIFT = 6;
    private static final int WORD_BITS = 1 << WORD_SHIFT;

    private final int size;
    private final long[] ring;
    private final int mask;
    private long highest;

    /**
     * @param size the window size in sequence numbers, at least 1
     * @throws IllegalArgumentException if {@code size} is below 1 or above 2^24
     */
    public ReplayWindow(int size) {
        if (size < 1 || size > 1 << 24) {
            throw new IllegalArgumentException("replay window size " + size);
        }
        this.size = size;
        // the window spans at most ceil(size / 64) + 1 words; the ring is the next power of two
        int needed = ((size + WORD_BITS - 1) >>> WORD_SHIFT) + 1;
        int words = Integer.highestOneBit(needed);
        if (words < needed) {
            words <<= 1;
        }
        this.ring = new long[words];
        this.mask = words - 1;
    }

    /** @return the window size */
    public int size() {
        return size;
    }

    /** @return the highest sequence number marked so far (unsigned), 0 if none */
    public long highest() {
        return highest;
    }

    /** @return the verdict on {@code seq}, without changing the window */
    public Verdict check(long seq) {
        if (seq == 0) {
            return Verdict.TOO_OLD;
        }
        if (Long.compareUnsigned(seq, highest) > 0) {
            return Verdict.FRESH;
        }
        if (Long.compareUnsigned(highest - seq, size) >= 0) {
            return Verdict.TOO_OLD;
        }
        return (ring[index(seq)] & bit(seq)) != 0 ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /**
     * Marks {@code seq} as received, sliding the window forward if it is the new highest.
     *
     * @return the verdict {@code seq} had before: only {@link Verdict#FRESH} changed the window
     */
    public Verdict mark(long seq) {
        Verdict before = check(seq);
        if (before != Verdict.FRESH) {
            return before;
        }
        if (Long.compareUnsigned(seq, highest) > 0) {
            slideTo(seq);
        }
        ring[index(seq)] |= bit(seq);
        return before;
    }

    /** Clears the words between the old highest word and the new one (at most the whole ring). */
    private void slideTo(long seq) {
        long oldWord = highest >>> WORD_SHIFT;
        long gap = (seq >>> WORD_SHIFT) - oldWord;
        int clear = Long.compareUnsigned(gap, ring.length) > 0 ? ring.length : (int) gap;
        for (int i = 1; i <= clear; i++) {
            ring[(int) ((oldWord + i) & mask)] = 0;
        }
        highest = seq;
    }

    private int index(long seq) {
        return (int) ((seq >>> WORD_SHIFT) & mask);
    }

    private static long bit(long seq) {
        return 1L << (seq & (WORD_BITS - 1));
    }

    @Override
    public String toString() {
        return "ReplayWindow[size=" + size + ", highest=" + Long.toUnsignedString(highest) + "]";
    }
}
