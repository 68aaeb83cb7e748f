package org.sslskura.envelope;

import java.util.concurrent.atomic.AtomicBoolean;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.hip.Hit;

/**
 * The two SAs drawn at one KEYMAT index for one peer (one generation), with the session services negotiated for
 * them. A pair is current until a rekey retires it; a retired pair opens late PDUs and seals ACKs until its grace
 * period ends, then it is closed.
 */
final class SaPair {
    private static final long CURRENT = Long.MAX_VALUE;

    final Hit peer;
    final SessionParameters parameters;
    final OutboundSa outbound;
    final InboundSa inbound;
    final long rekeyThreshold;
    private final AtomicBoolean rekeyRequested = new AtomicBoolean();
    private volatile long retiredUntil = CURRENT;

    SaPair(Hit peer, SessionParameters parameters, OutboundSa outbound, InboundSa inbound, long rekeyThreshold) {
        this.peer = peer;
        this.parameters = parameters;
        this.outbound = outbound;
        this.inbound = inbound;
        this.rekeyThreshold = rekeyThreshold;
    }

    int generation() {
        return parameters.generation();
    }

    boolean isRetired() {
        return retiredUntil != CURRENT;
    }

    /** @param untilMillis the instant (clock millis) from which the pair is unusable */
    void retire(long untilMillis) {
        retiredUntil = Math.min(untilMillis, CURRENT - 1);
    }

    boolean expired(long nowMillis) {
        return nowMillis >= retiredUntil;
    }

    /**
     * @return true if {@code seq} (unsigned) of this current pair reached the threshold and no rekey has been asked
     *         for this generation yet (the caller then asks, once)
     */
    boolean claimRekey(long seq) {
        return !isRetired() && Long.compareUnsigned(seq, rekeyThreshold) >= 0 && rekeyRequested.compareAndSet(false,
                true);
    }

    /** Allows another rekey request (the previous one failed). */
    void releaseRekey() {
        rekeyRequested.set(false);
    }

    /** Wipes both keys. */
    void close() {
        outbound.close();
        inbound.close();
    }

    @Override
    public String toString() {
        return "SaPair[" + peer.toHex() + ", generation " + generation() + ", out " + Long.toHexString(outbound.spi())
                + ", in " + Long.toHexString(inbound.spi()) + (isRetired() ? ", retired" : "") + "]";
    }
}
