package org.sslskura.transport;

import org.sslskura.api.MessagingException;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.wire.hip.Hit;

/** What the {@link MessagePipeline} asks its owner to do; called on the pipeline's thread. */
interface PipelineEvents {
    /** Publish {@code pdu} (a PDU or fragment) to {@code peer}'s SSE topic. */
    void publish(Hit peer, byte[] pdu, OutboundMessage forMessage);

    /**
     * Publish ACK PDUs to {@code peer}, but only after {@link DeliveredIds#sync()} returned (called after this
     * method was): they may acknowledge messages whose ids were just journaled. One sync may cover many calls. If the
     * sync fails, drop the PDUs and report it with {@link MessagePipeline#journalFailed}.
     */
    void publishAcks(Hit peer, java.util.List<byte[]> pdus);

    /**
     * Hand an application message over. Returning normally means the application took it: it is then journaled and
     * acknowledged. Throwing refuses it: nothing is journaled or acknowledged, and the sender sends it again.
     */
    void deliver(ReceivedMessage message);

    /** Every chunk of {@code message} was acknowledged in full (or handed to the carrier, for fire-and-forget). */
    void acknowledged(OutboundMessage message);

    /** {@code message} cannot be delivered (too large, or its time to live passed). */
    void failed(OutboundMessage message, MessagingException why);

    /** No SA pair with {@code peer}: run a key exchange (the messages wait). */
    void needSession(Hit peer);

    /**
     * {@code peer} acknowledged nothing while a PDU exhausted its retransmissions: it has probably lost the SAs (a
     * restart). Run a new base exchange; the peer's messages wait for it.
     */
    void sessionSuspect(Hit peer);

    /** The outbound sequence space with {@code peer} is used up: rekey (the messages wait). */
    void needRekey(Hit peer);

    /**
     * The delivered-ids journal could not be written or forced: its durable state is unknown, so the pipeline
     * delivers and acknowledges nothing more. The owner stops; messages not acknowledged are sent again to it later.
     */
    void storageFailed(java.io.IOException cause);
}
