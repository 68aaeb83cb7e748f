package org.sslskura.transport;

import java.util.HashSet;
import java.util.Set;
import org.sslskura.wire.hip.Hit;

/** A message on its way to one peer: what to send, and the PDUs of its current attempt still unacknowledged. */
final class OutboundMessage {
    final long id;
    final Hit peer;
    final String topic;
    final byte[] body;
    final boolean fireAndForget;
    /** Opaque to the pipeline: the caller's handle (completion, queue entry). */
    final Object handle;
    int attempts;
    final Set<OutboundPdu> unacknowledged = new HashSet<>();

    OutboundMessage(long id, Hit peer, String topic, byte[] body, boolean fireAndForget, Object handle) {
        this.id = id;
        this.peer = peer;
        this.topic = topic;
        this.body = body;
        this.fireAndForget = fireAndForget;
        this.handle = handle;
    }
}
