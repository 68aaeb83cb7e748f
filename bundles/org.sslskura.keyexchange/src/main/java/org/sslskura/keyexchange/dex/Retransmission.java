package org.sslskura.keyexchange.dex;

/**
 * One packet that is resent until answered: deadline, tries and the doubling timeout (G21: initial RTO, doubled per
 * retry, capped; resend while the counter is at most the maximum, fail beyond it).
 */
final class Retransmission {
    private final byte[] packet;
    private final int retriesMax;
    private final long rtoMax;
    private long rto;
    private long deadline;
    private int retries;

    Retransmission(byte[] packet, long now, long rto, long rtoMax, int retriesMax) {
        this.packet = packet;
        this.rto = rto;
        this.rtoMax = rtoMax;
        this.retriesMax = retriesMax;
        this.deadline = now + rto;
    }

    /** @return the packet to (re)send */
    byte[] packet() {
        return packet;
    }

    /** @return when the next retransmission is due */
    long deadline() {
        return deadline;
    }

    /** Moves the deadline (an I2_ACKNOWLEDGEMENT asks for more time). */
    void postponeTo(long when) {
        deadline = Math.max(deadline, when);
    }

    /**
     * Called at the deadline.
     *
     * @return true if the packet should be sent again, false if the retry budget is spent
     */
    boolean fire(long now) {
        retries++;
        if (retries > retriesMax) {
            return false;
        }
        rto = Math.min(rtoMax, rto * 2);
        deadline = now + rto;
        return true;
    }

    /** @return the current timeout */
    long rto() {
        return rto;
    }
}
