package org.sslskura.transport;

import java.util.Map;
import java.util.Optional;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseAck;

/**
 * The node's {@link Envelope}: the real {@code SseEnvelope}, with every seal and every successful open reported to the
 * {@link SimOracle} (key/nonce uniqueness, opened PDUs match sealed ones, ACKs after journal sync).
 */
final class SimEnvelope implements Envelope {
    private final Envelope delegate;
    private final SimNode node;

    SimEnvelope(Envelope delegate, SimNode node) {
        this.delegate = delegate;
        this.node = node;
    }

    @Override
    public SealedPdu seal(Hit peer, int flags, byte[] payload, int generation) throws EnvelopeException {
        SealedPdu pdu;
        try {
            pdu = delegate.seal(peer, flags, payload, generation);
        } catch (EnvelopeException e) {
            node.world.trace.add(node.name, "seal refused: " + e.reason() + " (generation " + generation + ")");
            throw e;
        }
        if ((flags >>> 3) == FRAG_ACK) {
            node.world.trace.add(node.name, "seal ACK g" + pdu.generation() + " seq=" + pdu.seq() + " "
                    + ackEntries(pdu, payload));
        }
        node.world.oracle.sealed(node, pdu, flags, payload);
        return pdu;
    }

    @Override
    public OpenedPdu open(byte[] pdu) throws EnvelopeException {
        OpenedPdu opened;
        try {
            opened = delegate.open(pdu);
        } catch (EnvelopeException e) {
            node.world.trace.add(node.name, "open dropped " + pdu.length + "B: " + e.reason());
            throw e;
        }
        if (!opened.isAck()) {
            node.world.trace.add(node.name, "opened g" + opened.generation() + " seq=" + opened.seq()
                    + (opened.duplicate() ? " (duplicate)" : ""));
        } else {
            node.world.trace.add(node.name, "opened ACK g" + opened.generation() + " seq=" + opened.seq());
        }
        node.world.oracle.opened(node, pdu, opened);
        return opened;
    }

    /** @return the entries of an ACK payload as seq:bitmap (bitmap in hex, 40000000 = a whole PDU) */
    static String ackEntries(SealedPdu pdu, byte[] payload) {
        try {
            StringBuilder sb = new StringBuilder("[");
            for (SseAck.Entry e : SseAck.parse(pdu.format(), payload, 0, payload.length).entries()) {
                sb.append(sb.length() > 1 ? " " : "").append(e.seq()).append(':')
                        .append(Integer.toHexString(e.bitmap()));
            }
            return sb.append(']').toString();
        } catch (WireException e) {
            return "[unparseable]";
        }
    }

    /**
     * Notes a fragment that arrives on an inbound SA other than the current one (a retired pair after a rekey): the
     * pipeline acknowledges partial reassemblies under the current generation, so such a fragment's bitmap lands on
     * the current generation's PDU with the same sequence number.
     */
    @Override
    public PduHeader peek(byte[] pdu) throws EnvelopeException {
        PduHeader h = delegate.peek(pdu);
        if (h.frag() >= 1 && h.frag() <= 30) {
            Integer g = node.inboundGeneration(h.spi());
            Optional<SessionParameters> current = delegate.parameters(h.peer());
            if (g != null && current.isPresent() && current.get().generation() != g) {
                node.world.oracle.count("fragments.of.non-current.generation");
                node.world.trace.add(node.name, "fragment " + h.frag() + " of g" + g + " seq=" + h.seq()
                        + " while g" + current.get().generation() + " is current");
            }
        }
        return h;
    }

    @Override
    public Optional<SessionParameters> parameters(Hit peer) {
        return delegate.parameters(peer);
    }

    @Override
    public boolean hasGeneration(Hit peer, int generation) {
        return delegate.hasGeneration(peer, generation);
    }

    @Override
    public Map<String, Long> counters() {
        return delegate.counters();
    }
}
