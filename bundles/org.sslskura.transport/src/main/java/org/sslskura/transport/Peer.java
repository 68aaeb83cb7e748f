package org.sslskura.transport;

import java.util.TreeMap;
import org.sslskura.wire.hip.Hit;

/**
 * What the pipeline keeps per peer beyond any one session: the messages waiting to be sent (lowest id first, so a
 * message sent again after a session ended goes before newer ones), the congestion state, and the current
 * {@link Session}, which holds everything tied to one SA generation.
 */
final class Peer {
    final Hit hit;
    final TreeMap<Long, OutboundMessage> backlog = new TreeMap<>();
    final CongestionControl congestion;
    /** The session of the peer's current SA generation, or null. */
    Session session;
    /** When the peer last acknowledged anything, in any session. */
    long lastAckAt = Long.MIN_VALUE;

    Peer(Hit hit, CongestionControl congestion) {
        this.hit = hit;
        this.congestion = congestion;
    }
}
