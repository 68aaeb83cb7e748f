package org.sslskura.transport;

import java.util.List;

/**
 * One sealed PDU of a message attempt, with the fragments the peer last reported holding and its retransmission timer.
 * Only a full bitmap is receipt; a partial one only chooses which fragments the next retransmission sends, and is
 * forgotten when the retransmission timer fires.
 */
final class OutboundPdu {
    final OutboundMessage message;
    final long seq;
    final List<byte[]> fragments;
    final int fullBitmap;
    /** True for the PDU that carries the last chunk of its message. */
    final boolean lastChunk;
    final long firstSentAt;
    long lastSentAt;
    /** The fragments the latest partial ACK entry listed (0: none known; all are sent). */
    int partial;
    /** Retransmissions so far (timer-driven). */
    int retransmissions;
    /** True once any fragment was sent twice: no RTT sample from it (Karn's rule). */
    boolean resent;
    long deadline;

    OutboundPdu(OutboundMessage message, long seq, boolean lastChunk, List<byte[]> fragments, long now, long rto) {
        this.message = message;
        this.seq = seq;
        this.lastChunk = lastChunk;
        this.fragments = fragments;
        this.fullBitmap = Fragments.fullBitmap(fragments.size());
        this.firstSentAt = now;
        this.lastSentAt = now;
        this.deadline = now + rto;
    }

    /**
     * @return true if this is the last chunk of a message of several chunks and every other chunk was acknowledged: the
     *         peer holds it unacknowledged until its message is complete, so its silence says nothing about the path
     */
    boolean awaitsItsMessage() {
        return lastChunk && message.unacknowledged.size() == 1 && message.unacknowledged.contains(this)
                && message.chunks > 1;
    }

    /** @return the number of fragments still to send: those the latest partial bitmap does not list */
    int missingFragments() {
        return fragments.size() - Integer.bitCount(partial & fullBitmap);
    }
}
