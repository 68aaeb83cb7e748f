package org.sslskura.api;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sslskura.wire.hip.Hit;

/**
 * The Session Security Envelope (docs/PROTOCOL.md §7): the SA table fed by the key exchange, sealing and opening of
 * whole SSE PDUs, sequence numbers and replay windows. Fragmentation and acknowledgment are the transport's: a
 * fragmented PDU is sealed here once (Frag bits 0) and reassembled before {@link #open}.
 */
@ProviderType
public interface Envelope {

    /** FLAGS bit C: the payload is DEFLATE-compressed. */
    int FLAG_COMPRESSED = 0x01;
    /** FLAGS value of the Frag field (bits 7..3) for an ACK PDU: 31. */
    int FRAG_ACK = 31;

    /**
     * Seals {@code payload} for {@code peer} under the current outbound SA, with the next sequence number.
     *
     * @param flags the FLAGS byte to send (Frag 0 or {@link #FRAG_ACK}, C bit); reserved bits must be 0
     * @param generation the SA generation to seal under (ACKs go out on the outbound SA paired with the inbound SA
     *        their PDUs arrived on), or -1 for the current one
     * @throws EnvelopeException with {@code NO_SESSION} if no (such) SA exists, {@code SEQUENCE_EXHAUSTED} if the
     *         outbound sequence space is used up (a rekey has been requested), {@code TOO_LARGE} if the payload does not
     *         fit the format's Length field
     */
    SealedPdu seal(Hit peer, int flags, byte[] payload, int generation) throws EnvelopeException;

    /**
     * Opens a complete PDU (header with Frag bits 0 for a reassembled one, or an ACK PDU). Updates the replay window
     * only after the AEAD check.
     *
     * @return the opened PDU; {@link OpenedPdu#duplicate()} is true for an authentic PDU seen before (to be
     *         acknowledged again, not delivered again)
     * @throws EnvelopeException with a reason ({@code MALFORMED}, {@code UNKNOWN_SPI}, {@code OUT_OF_WINDOW},
     *         {@code AUTHENTICATION_FAILED}, {@code POLICY}); every rejection is counted
     */
    OpenedPdu open(byte[] pdu) throws EnvelopeException;

    /**
     * Reads the header of a received PDU or fragment without opening it, using the SA table to tell the large and
     * extreme formats apart.
     *
     * @throws EnvelopeException with {@code MALFORMED} or {@code UNKNOWN_SPI}
     */
    PduHeader peek(byte[] pdu) throws EnvelopeException;

    /** @return the negotiated session services with {@code peer}, if an SA pair is installed */
    Optional<SessionParameters> parameters(Hit peer);

    /**
     * @return true while the SA pair of {@code generation} with {@code peer} is installed, current or retired (a
     *         retired pair still opens late PDUs and seals ACKs until its grace period ends)
     */
    boolean hasGeneration(Hit peer, int generation);

    /** @return counters of sealed, opened and rejected PDUs by reason */
    Map<String, Long> counters();
}
