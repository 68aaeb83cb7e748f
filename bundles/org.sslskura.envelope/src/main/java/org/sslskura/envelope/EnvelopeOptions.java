package org.sslskura.envelope;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.sslskura.wire.sse.SseFormat;

/**
 * The validated, immutable settings of an {@link SseEnvelope}: replay window size, integrity-only policy, rekey
 * thresholds, grace period of retired SAs and the clock. {@link #defaults()} gives the values of docs/PROTOCOL.md §7.
 */
public final class EnvelopeOptions {
    /** Default replay window (decisions §2.5). */
    public static final int DEFAULT_REPLAY_WINDOW = 64;
    /** Smallest accepted replay window. */
    public static final int MIN_REPLAY_WINDOW = 32;
    /** Largest accepted replay window. */
    public static final int MAX_REPLAY_WINDOW = 4096;
    /** Default grace period during which a retired SA pair still opens late PDUs and seals ACKs. */
    public static final Duration DEFAULT_RETIRED_GRACE = Duration.ofSeconds(60);
    /** Longest accepted grace period. */
    public static final Duration MAX_RETIRED_GRACE = Duration.ofDays(1);
    /** Default rekey threshold, compact: 2^20 - 2^12 (4096 PDUs before the 20-bit field is used up). */
    public static final long DEFAULT_REKEY_COMPACT = (1L << 20) - (1L << 12);
    /** Default rekey threshold, large: 2^32 - 2^16. */
    public static final long DEFAULT_REKEY_LARGE = (1L << 32) - (1L << 16);
    /** Default rekey threshold, extreme: 2^63 (unsigned). */
    public static final long DEFAULT_REKEY_EXTREME = 1L << 63;

    private final int replayWindow;
    private final boolean allowIntegrityOnly;
    private final Map<SseFormat, Long> rekeyThresholds;
    private final Duration retiredGrace;
    private final Clock clock;

    private EnvelopeOptions(Builder b) {
        this.replayWindow = b.replayWindow;
        this.allowIntegrityOnly = b.allowIntegrityOnly;
        this.rekeyThresholds = new EnumMap<>(b.rekeyThresholds);
        this.retiredGrace = b.retiredGrace;
        this.clock = b.clock;
    }

    /** @return the defaults: window 64, integrity-only refused, thresholds of §7, grace 60 s, the UTC system clock */
    public static EnvelopeOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.replayWindow = replayWindow;
        b.allowIntegrityOnly = allowIntegrityOnly;
        b.rekeyThresholds.putAll(rekeyThresholds);
        b.retiredGrace = retiredGrace;
        b.clock = clock;
        return b;
    }

    /** @return the replay window size of SAs installed from now on */
    public int replayWindow() {
        return replayWindow;
    }

    /** @return true if SA pairs with the integrity-only suite AES-CMAC-96 may be installed */
    public boolean allowIntegrityOnly() {
        return allowIntegrityOnly;
    }

    /** @return the sequence number (unsigned) at which the envelope asks for a rekey of a pair of this format */
    public long rekeyThreshold(SseFormat format) {
        return rekeyThresholds.get(format);
    }

    /** @return how long a retired SA pair stays usable after a rekey */
    public Duration retiredGrace() {
        return retiredGrace;
    }

    /** @return the clock that times retired SA pairs */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "EnvelopeOptions[window=" + replayWindow + ", integrityOnly=" + allowIntegrityOnly + ", rekey="
                + rekeyThresholds + ", grace=" + retiredGrace + "]";
    }

    /** Builder for {@link EnvelopeOptions}; {@link #build()} validates. */
    public static final class Builder {
        private int replayWindow = DEFAULT_REPLAY_WINDOW;
        private boolean allowIntegrityOnly;
        private final Map<SseFormat, Long> rekeyThresholds = new EnumMap<>(SseFormat.class);
        private Duration retiredGrace = DEFAULT_RETIRED_GRACE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
            rekeyThresholds.put(SseFormat.COMPACT, DEFAULT_REKEY_COMPACT);
            rekeyThresholds.put(SseFormat.LARGE, DEFAULT_REKEY_LARGE);
            rekeyThresholds.put(SseFormat.EXTREME, DEFAULT_REKEY_EXTREME);
        }

        /** @param size replay window of SAs installed afterwards, 32..4096 */
        public Builder replayWindow(int size) {
            this.replayWindow = size;
            return this;
        }

        /** @param allow true to accept SA pairs with AES-CMAC-96 (payloads in clear) */
        public Builder allowIntegrityOnly(boolean allow) {
            this.allowIntegrityOnly = allow;
            return this;
        }

        /**
         * @param format the format the threshold applies to
         * @param seq the outbound or inbound sequence number (unsigned) that triggers a rekey, 1..the format's maximum
         */
        public Builder rekeyThreshold(SseFormat format, long seq) {
            rekeyThresholds.put(Objects.requireNonNull(format, "format"), seq);
            return this;
        }

        /** @param grace how long a retired pair stays usable, 0..1 day */
        public Builder retiredGrace(Duration grace) {
            this.retiredGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** @param value the clock timing retired pairs */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the first invalid value
         */
        public EnvelopeOptions build() {
            if (replayWindow < MIN_REPLAY_WINDOW || replayWindow > MAX_REPLAY_WINDOW) {
                throw new IllegalArgumentException("replay window " + replayWindow + " outside " + MIN_REPLAY_WINDOW
                        + ".." + MAX_REPLAY_WINDOW);
            }
            for (Map.Entry<SseFormat, Long> e : rekeyThresholds.entrySet()) {
                long t = e.getValue();
                if (t == 0 || Long.compareUnsigned(t, e.getKey().maxSeq()) > 0) {
                    throw new IllegalArgumentException("rekey threshold " + Long.toUnsignedString(t) + " outside 1.."
                            + Long.toUnsignedString(e.getKey().maxSeq()) + " for " + e.getKey());
                }
            }
            if (retiredGrace.isNegative() || retiredGrace.compareTo(MAX_RETIRED_GRACE) > 0) {
                throw new IllegalArgumentException("retired SA grace " + retiredGrace + " outside 0..1 day");
            }
            return new EnvelopeOptions(this);
        }
    }
}
