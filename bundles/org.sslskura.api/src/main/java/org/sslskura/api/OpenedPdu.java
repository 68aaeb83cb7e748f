package org.sslskura.api;

import org.sslskura.wire.hip.Hit;

/**
 * An authentic SSE PDU after opening.
 *
 * @param peer the sender (the peer of the inbound SA)
 * @param seq the sequence number
 * @param flags the FLAGS byte as received (Frag 0 for data, 31 for ACK; C bit)
 * @param payload the plaintext
 * @param generation the generation of the inbound SA it arrived on
 * @param duplicate true if this sequence number was accepted before: acknowledge again, do not deliver again
 */
public record OpenedPdu(Hit peer, long seq, int flags, byte[] payload, int generation, boolean duplicate) {

    /** @return the Frag field (bits 7..3) */
    public int frag() {
        return (flags >>> 3) & 0x1F;
    }

    /** @return true for an ACK PDU */
    public boolean isAck() {
        return frag() == Envelope.FRAG_ACK;
    }

    /** @return true if the C bit is set */
    public boolean compressed() {
        return (flags & Envelope.FLAG_COMPRESSED) != 0;
    }
}
