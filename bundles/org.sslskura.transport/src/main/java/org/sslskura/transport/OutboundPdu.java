package org.sslskura.transport;

import java.util.List;

/** One sealed PDU of a message attempt, with the fragments the peer reported holding and its retransmission timer. */
final class OutboundPdu {
    final OutboundMessage message;
    final int generation;
    final long seq;
    final List<byte[]> fragments;
    final int fullBitmap;
    final long firstSentAt;
    long lastSentAt;
    int held;
    int tries;
    long rto;
    long deadline;

    OutboundPdu(OutboundMessage message, int generation, long seq, List<byte[]> fragments, long rto, long now) {
        this.message = message;
        this.generation = generation;
        this.seq = seq;
        this.fragments = fragments;
        this.fullBitmap = Fragments.fullBitmap(fragments.size());
        this.rto = rto;
        this.deadline = now + rto;
        this.firstSentAt = now;
        this.lastSentAt = now;
    }

    /** @return true once every fragment (or the whole PDU) is acknowledged */
    boolean complete() {
        return (held & fullBitmap) == fullBitmap;
    }
}
