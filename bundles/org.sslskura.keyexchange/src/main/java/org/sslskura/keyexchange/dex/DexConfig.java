package org.sslskura.keyexchange.dex;

import java.util.List;
import java.util.Objects;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.sse.SseFormat;

/**
 * Everything a {@link DexEngine} can be configured with: offers, puzzle difficulty and timers. The defaults are those of
 * docs/PROTOCOL.md (decisions §1.7, §1.8 and G21). Immutable; build with {@link #builder()}.
 */
public final class DexConfig {
    /** Puzzle lifetime byte: 2^(37-32) = 32 s. */
    public static final int PUZZLE_LIFETIME_BYTE = 37;
    /** Puzzle lifetime in seconds, also the R1 generation length. */
    public static final int PUZZLE_LIFETIME_SECONDS = 1 << (PUZZLE_LIFETIME_BYTE - 32);
    /** Largest #K an initiator agrees to solve: beyond this the expected work is not worth a constrained device. */
    public static final int MAX_SOLVABLE_K = 24;

    private final List<SseSuite> suites;
    private final List<SseFormat> formats;
    private final boolean compression;
    private final int maxChunkSize;
    private final int maxFragmentSize;
    private final boolean allowIntegrityOnly;
    private final boolean allowOpportunistic;
    private final int puzzleK;
    private final int loadPuzzleK;
    private final int loadThresholdPerSecond;
    private final long rtoMillis;
    private final long rtoMaxMillis;
    private final int i1RetriesMax;
    private final int i2RetriesMax;
    private final int updateRetriesMax;
    private final long unusedAssociationLifetimeMillis;
    private final long mslMillis;
    private final long i2AckCeilingMillis;
    private final int initiatorMaxPuzzleK;
    private final long puzzleSolveBudgetMillis;
    private final long failedHoldDownMillis;

    private DexConfig(Builder b) {
        this.suites = List.copyOf(b.suites);
        this.formats = List.copyOf(b.formats);
        if (suites.isEmpty() || formats.isEmpty()) {
            throw new IllegalArgumentException("at least one suite and one format must be offered");
        }
        if (suites.size() > HipConstants.MAX_LIST_ENTRIES || formats.size() > HipConstants.MAX_LIST_ENTRIES) {
            throw new IllegalArgumentException("at most " + HipConstants.MAX_LIST_ENTRIES + " suites and formats");
        }
        if (!b.allowIntegrityOnly && suites.contains(SseSuite.AES_CMAC_96)) {
            throw new IllegalArgumentException("AES-CMAC-96 (integrity only) is offered but not allowed by policy");
        }
        this.compression = b.compression;
        this.maxChunkSize = range("chunk size", b.maxChunkSize, 0, 0xFFFF);
        if (b.maxFragmentSize != 0 && b.maxFragmentSize < 48) {
            throw new IllegalArgumentException("fragment size must be 0 (off) or at least 48");
        }
        this.maxFragmentSize = range("fragment size", b.maxFragmentSize, 0, 0xFFFF);
        this.allowIntegrityOnly = b.allowIntegrityOnly;
        this.allowOpportunistic = b.allowOpportunistic;
        this.puzzleK = range("puzzle K", b.puzzleK, 0, MAX_SOLVABLE_K);
        this.loadPuzzleK = range("puzzle K under load", b.loadPuzzleK, puzzleK, MAX_SOLVABLE_K);
        this.loadThresholdPerSecond = range("I1 load threshold", b.loadThresholdPerSecond, 1, Integer.MAX_VALUE);
        this.rtoMillis = positive("RTO", b.rtoMillis);
        this.rtoMaxMillis = Math.max(rtoMillis, b.rtoMaxMillis);
        this.i1RetriesMax = range("I1 retries", b.i1RetriesMax, 0, 100);
        this.i2RetriesMax = range("I2 retries", b.i2RetriesMax, 0, 100);
        this.updateRetriesMax = range("UPDATE retries", b.updateRetriesMax, 0, 100);
        this.unusedAssociationLifetimeMillis = Math.max(0, b.unusedAssociationLifetimeMillis);
        this.mslMillis = positive("MSL", b.mslMillis);
        this.i2AckCeilingMillis = positive("I2_ACK ceiling", b.i2AckCeilingMillis);
        this.initiatorMaxPuzzleK = range("initiator maximum puzzle K", b.initiatorMaxPuzzleK, 0, MAX_SOLVABLE_K);
        this.puzzleSolveBudgetMillis = positive("puzzle solving budget", b.puzzleSolveBudgetMillis);
        this.failedHoldDownMillis = positive("E-FAILED hold-down", b.failedHoldDownMillis);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder preset with this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.suites = suites;
        b.formats = formats;
        b.compression = compression;
        b.maxChunkSize = maxChunkSize;
        b.maxFragmentSize = maxFragmentSize;
        b.allowIntegrityOnly = allowIntegrityOnly;
        b.allowOpportunistic = allowOpportunistic;
        b.puzzleK = puzzleK;
        b.loadPuzzleK = loadPuzzleK;
        b.loadThresholdPerSecond = loadThresholdPerSecond;
        b.rtoMillis = rtoMillis;
        b.rtoMaxMillis = rtoMaxMillis;
        b.i1RetriesMax = i1RetriesMax;
        b.i2RetriesMax = i2RetriesMax;
        b.updateRetriesMax = updateRetriesMax;
        b.unusedAssociationLifetimeMillis = unusedAssociationLifetimeMillis;
        b.mslMillis = mslMillis;
        b.i2AckCeilingMillis = i2AckCeilingMillis;
        b.initiatorMaxPuzzleK = initiatorMaxPuzzleK;
        b.puzzleSolveBudgetMillis = puzzleSolveBudgetMillis;
        b.failedHoldDownMillis = failedHoldDownMillis;
        return b;
    }

    /** @return offered SSE suites, most preferred first */
    public List<SseSuite> suites() {
        return suites;
    }

    /** @return offered SSE formats, most preferred first */
    public List<SseFormat> formats() {
        return formats;
    }

    /** @return true if DEFLATE is offered (responder) or wanted (initiator) */
    public boolean compression() {
        return compression;
    }

    /** @return our maximum chunk size (0 = chunking off) */
    public int maxChunkSize() {
        return maxChunkSize;
    }

    /** @return our maximum fragment size (0 = fragmentation off) */
    public int maxFragmentSize() {
        return maxFragmentSize;
    }

    /** @return true if the integrity-only suite may be negotiated */
    public boolean allowIntegrityOnly() {
        return allowIntegrityOnly;
    }

    /** @return true if I1s with a NULL receiver HIT are answered */
    public boolean allowOpportunistic() {
        return allowOpportunistic;
    }

    /** @return #K in normal operation */
    public int puzzleK() {
        return puzzleK;
    }

    /** @return #K while I1s arrive faster than {@link #loadThresholdPerSecond()} */
    public int loadPuzzleK() {
        return loadPuzzleK;
    }

    /** @return I1s per second above which the responder raises #K */
    public int loadThresholdPerSecond() {
        return loadThresholdPerSecond;
    }

    /** @return the initial retransmission timeout */
    public long rtoMillis() {
        return rtoMillis;
    }

    /** @return the cap of the doubling retransmission timeout */
    public long rtoMaxMillis() {
        return rtoMaxMillis;
    }

    /** @return I1 retransmissions before E-FAILED */
    public int i1RetriesMax() {
        return i1RetriesMax;
    }

    /** @return I2 retransmissions before E-FAILED */
    public int i2RetriesMax() {
        return i2RetriesMax;
    }

    /** @return UPDATE and CLOSE retransmissions before giving up */
    public int updateRetriesMax() {
        return updateRetriesMax;
    }

    /** @return idle time after which an association is closed (0 = never) */
    public long unusedAssociationLifetimeMillis() {
        return unusedAssociationLifetimeMillis;
    }

    /** @return the maximum segment lifetime used by CLOSING and CLOSED */
    public long mslMillis() {
        return mslMillis;
    }

    /** @return the cap on an I2_ACKNOWLEDGEMENT's requested wait */
    public long i2AckCeilingMillis() {
        return i2AckCeilingMillis;
    }

    /** @return the largest #K this host solves as Initiator; an R1 asking more is dropped ({@code PUZZLE_TOO_HARD}) */
    public int initiatorMaxPuzzleK() {
        return initiatorMaxPuzzleK;
    }

    /** @return the time one puzzle may take to solve, off the engine thread, before the attempt is given up */
    public long puzzleSolveBudgetMillis() {
        return puzzleSolveBudgetMillis;
    }

    /** @return how long E-FAILED lasts before the association is forgotten */
    public long failedHoldDownMillis() {
        return failedHoldDownMillis;
    }

    /** @return EC, the R2-SENT to ESTABLISHED timeout: I2_RETRIES_MAX x RTO */
    public long exchangeCompleteMillis() {
        return Math.max(1, i2RetriesMax) * rtoMillis;
    }

    private static int range(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    private static long positive(String what, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return v;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private List<SseSuite> suites = List.of(SseSuite.AES_CCM_16, SseSuite.AES_GCM_16, SseSuite.CHACHA20_POLY1305,
                SseSuite.ASCON_AEAD128, SseSuite.AES_CCM_8, SseSuite.AES_GCM_8);
        private List<SseFormat> formats = List.of(SseFormat.COMPACT, SseFormat.LARGE, SseFormat.EXTREME);
        private boolean compression = true;
        private int maxChunkSize = 1024;
        private int maxFragmentSize;
        private boolean allowIntegrityOnly;
        private boolean allowOpportunistic;
        private int puzzleK;
        private int loadPuzzleK = 10;
        private int loadThresholdPerSecond = 100;
        private long rtoMillis = 1000;
        private long rtoMaxMillis = 30_000;
        private int i1RetriesMax = 5;
        private int i2RetriesMax = 5;
        private int updateRetriesMax = 5;
        private long unusedAssociationLifetimeMillis = 15 * 60_000L;
        private long mslMillis = 120_000;
        private long i2AckCeilingMillis = 30_000;
        private long failedHoldDownMillis = 10_000;
        private int initiatorMaxPuzzleK = 16;
        private long puzzleSolveBudgetMillis = 10_000;

        private Builder() {
        }

        /** Sets the offered suites, most preferred first (at most 6). */
        public Builder suites(List<SseSuite> value) {
            this.suites = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the offered formats, most preferred first (at most 6). */
        public Builder formats(List<SseFormat> value) {
            this.formats = Objects.requireNonNull(value);
            return this;
        }

        /** Offers (responder) or asks for (initiator) DEFLATE compression. */
        public Builder compression(boolean value) {
            this.compression = value;
            return this;
        }

        /** Sets our maximum chunk size (0 = off). */
        public Builder maxChunkSize(int value) {
            this.maxChunkSize = value;
            return this;
        }

        /** Sets our maximum fragment size (0 = off, else at least 48). */
        public Builder maxFragmentSize(int value) {
            this.maxFragmentSize = value;
            return this;
        }

        /** Allows the integrity-only suite 14. */
        public Builder allowIntegrityOnly(boolean value) {
            this.allowIntegrityOnly = value;
            return this;
        }

        /** Answers opportunistic I1s (NULL receiver HIT). */
        public Builder allowOpportunistic(boolean value) {
            this.allowOpportunistic = value;
            return this;
        }

        /** Sets #K in normal operation (0..24). */
        public Builder puzzleK(int value) {
            this.puzzleK = value;
            return this;
        }

        /** Sets #K under I1 load. */
        public Builder loadPuzzleK(int value) {
            this.loadPuzzleK = value;
            return this;
        }

        /** Sets the I1 rate per second above which #K is raised. */
        public Builder loadThresholdPerSecond(int value) {
            this.loadThresholdPerSecond = value;
            return this;
        }

        /** Sets the initial RTO and its cap. */
        public Builder rto(long initialMillis, long maxMillis) {
            this.rtoMillis = initialMillis;
            this.rtoMaxMillis = maxMillis;
            return this;
        }

        /** Sets the retry budgets. */
        public Builder retries(int i1, int i2, int update) {
            this.i1RetriesMax = i1;
            this.i2RetriesMax = i2;
            this.updateRetriesMax = update;
            return this;
        }

        /** Sets UAL (0 = never close idle associations). */
        public Builder unusedAssociationLifetimeMillis(long value) {
            this.unusedAssociationLifetimeMillis = value;
            return this;
        }

        /** Sets MSL. */
        public Builder mslMillis(long value) {
            this.mslMillis = value;
            return this;
        }

        /** Sets the I2_ACKNOWLEDGEMENT ceiling. */
        public Builder i2AckCeilingMillis(long value) {
            this.i2AckCeilingMillis = value;
            return this;
        }

        /** Sets the largest #K solved as Initiator (0..24, default 16). */
        public Builder initiatorMaxPuzzleK(int value) {
            this.initiatorMaxPuzzleK = value;
            return this;
        }

        /** Sets the time budget for solving one puzzle (default 10 s). */
        public Builder puzzleSolveBudgetMillis(long value) {
            this.puzzleSolveBudgetMillis = value;
            return this;
        }

        /** Sets the E-FAILED hold-down. */
        public Builder failedHoldDownMillis(long value) {
            this.failedHoldDownMillis = value;
            return this;
        }

        /** @return the configuration */
        public DexConfig build() {
            return new DexConfig(this);
        }
    }
}
