package org.sslskura.transport;

import java.util.HashSet;
import java.util.Set;
import org.sslskura.wire.hip.Hit;

/**
 * A message on its way to one peer: what to send, until when, and the PDUs of its current attempt still
 * unacknowledged. An attempt belongs to one session (one SA generation): all its chunks are sealed there, and if that
 * session ends first, the whole message is sent again in the next one.
 */
final class OutboundMessage {
    final long id;
    final Hit peer;
    final String topic;
    final byte[] body;
    final boolean fireAndForget;
    /** Opaque to the pipeline: the caller's handle (completion, queue entry). */
    final Object handle;
    /** When the message is reported {@code EXPIRED} if not acknowledged by then. */
    final long expiresAt;
    /** Times the message was sealed as new PDUs. */
    int attempts;
    /** Chunks (PDUs) of the current attempt. */
    int chunks;
    /** The PDUs of the current attempt not yet acknowledged in full. */
    final Set<OutboundPdu> unacknowledged = new HashSet<>();

    OutboundMessage(long id, Hit peer, String topic, byte[] body, boolean fireAndForget, Object handle,
                    long expiresAt) {
        this.id = id;
        this.peer = peer;
        this.topic = topic;
        this.body = body;
        this.fireAndForget = fireAndForget;
        this.handle = handle;
        this.expiresAt = expiresAt;
    }
}
