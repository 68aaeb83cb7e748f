package org.sslskura.transport;

import java.util.ArrayList;
import java.util.List;
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
    /**
     * Sessions of earlier generations whose SA pair the envelope still keeps (retired by a rekey, for its grace
     * period): their PDUs in flight may still be acknowledged, and their late PDUs are still received.
     */
    final List<Session> retired = new ArrayList<>();
    /** When the peer last acknowledged anything, in any session. */
    long lastAckAt = Long.MIN_VALUE;

    /** @return the current session (if any) and the retired ones */
    List<Session> sessions() {
        List<Session> all = new ArrayList<>(retired.size() + 1);
        if (session != null) {
            all.add(session);
        }
        all.addAll(retired);
        return all;
    }

    /** @return the current or retired session of {@code generation}, or null */
    Session session(int generation) {
        if (session != null && session.generation == generation) {
            return session;
        }
        for (Session s : retired) {
            if (s.generation == generation) {
                return s;
            }
        }
        return null;
    }

    Peer(Hit hit, CongestionControl congestion) {
        this.hit = hit;
        this.congestion = congestion;
    }
}
