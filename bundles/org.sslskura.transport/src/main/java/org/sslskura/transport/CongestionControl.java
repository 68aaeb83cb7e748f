package org.sslskura.transport;

/**
 * The send window and retransmission timeout towards one peer (docs/PROTOCOL.md §8.6). The window counts wire PDUs
 * (each fragment is one): slow start from {@link #INITIAL_WINDOW}, one more per acknowledged wire PDU until the slow
 * start threshold, then about one more per window's worth (additive increase); halved on loss (not below
 * {@link #MIN_WINDOW}), at most once per round trip. The retransmission timeout follows RFC 6298 (SRTT, RTTVAR, RTO = SRTT + max(G, 4 RTTVAR), at least the
 * configured minimum, at most {@link #MAX_RTO_MILLIS}), sampled only from PDUs sent once (Karn's rule); each
 * retransmission of a PDU doubles its own timeout up to the same cap.
 */
final class CongestionControl {
    /** Wire PDUs that may be unacknowledged before the first acknowledgment. */
    static final int INITIAL_WINDOW = 10;
    /**
     * The window is never halved below this: losses on an MQTT path are mostly a broker dropping a burst or a lossy
     * last hop, not a shared bottleneck, and a window of one or two turns every loss into a full timeout.
     */
    static final int MIN_WINDOW = 8;
    /** Upper bound of the window in wire PDUs. */
    static final int MAX_WINDOW = 2048;
    /** Upper bound of any retransmission timeout. */
    static final long MAX_RTO_MILLIS = 60_000;
    private static final long CLOCK_GRANULARITY_MILLIS = 1;

    private final long minRtoMillis;
    private double window = INITIAL_WINDOW;
    private double threshold = MAX_WINDOW;
    private long srtt = -1;
    private long rttvar;
    private long rto;
    /** No second halving before this time: one loss event per round trip. */
    private long recoveryUntil = Long.MIN_VALUE;

    /** @param minRtoMillis the first and smallest retransmission timeout (docs: 1 s by default) */
    CongestionControl(long minRtoMillis) {
        this.minRtoMillis = minRtoMillis;
        this.rto = minRtoMillis;
    }

    /** @return the wire PDUs that may be unacknowledged now */
    int window() {
        return (int) window;
    }

    /** @return the current retransmission timeout */
    long rto() {
        return rto;
    }

    /** @return the smoothed round-trip time, or -1 before the first sample */
    long srtt() {
        return srtt;
    }

    /** {@code wirePdus} more wire PDUs were acknowledged; {@code rttSample} is -1 unless Karn's rule allows one. */
    void acknowledged(int wirePdus, long rttSample) {
        if (rttSample >= 0) {
            sample(rttSample);
        }
        for (int i = 0; i < wirePdus; i++) {
            window += window < threshold ? 1 : 1 / window;
        }
        window = Math.min(window, MAX_WINDOW);
    }

    /** A loss was detected at {@code now} (a hole in the acknowledgments, or a retransmission timer). */
    void lost(long now) {
        if (now < recoveryUntil) {
            return;
        }
        threshold = Math.max(MIN_WINDOW, window / 2);
        window = threshold;
        recoveryUntil = now + (srtt < 0 ? rto : srtt);
    }

    /** @return the timeout of a PDU's {@code retransmissions}-th retransmission: doubled per try, capped */
    long backedOff(int retransmissions) {
        long t = rto;
        for (int i = 0; i < retransmissions && t < MAX_RTO_MILLIS; i++) {
            t *= 2;
        }
        return Math.min(MAX_RTO_MILLIS, t);
    }

    private void sample(long r) {
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        rto = Math.min(MAX_RTO_MILLIS, Math.max(minRtoMillis, srtt + Math.max(CLOCK_GRANULARITY_MILLIS, 4 * rttvar)));
    }
}
