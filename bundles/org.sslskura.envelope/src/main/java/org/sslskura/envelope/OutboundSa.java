package org.sslskura.envelope;

import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.api.SealedPdu;
import org.sslskura.crypto.SseAead;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/**
 * The sending half of an SA pair: SPI, format, cipher and the sequence counter. One lock guards the counter and the
 * cipher (an {@link SseAead} is not thread-safe), so sequence numbers are handed out once each, starting at 1, and
 * never past the format's field (decisions §2.4, §6.4). It never takes any other lock.
 */
final class OutboundSa {
    private final long spi;
    private final SseFormat format;
    private final int generation;
    private final SseAead aead;
    private long lastSeq;
    private boolean closed;

    OutboundSa(long spi, SseFormat format, int generation, SseAead aead) {
        this.spi = spi;
        this.format = format;
        this.generation = generation;
        this.aead = aead;
    }

    /**
     * Seals {@code payload} with the next sequence number; the AAD is the header exactly as written (Frag 0 or 31).
     *
     * @throws EnvelopeException NO_SESSION once closed, SEQUENCE_EXHAUSTED when the next number would not fit the
     *         format's field (the counter is not moved)
     */
    synchronized SealedPdu seal(int frag, boolean compressed, byte[] payload) throws EnvelopeException {
        if (closed) {
            throw new EnvelopeException(Reason.NO_SESSION, "the SA was retired or closed");
        }
        if (lastSeq == format.maxSeq()) {
            throw new EnvelopeException(Reason.SEQUENCE_EXHAUSTED, "SPI " + Long.toHexString(spi)
                    + " used every " + format + " sequence number");
        }
        long seq = ++lastSeq; // committed first: a number is never handed out twice, even if sealing fails
        SseHeader header = SseHeader.of(format, spi, frag, compressed, payload.length, seq);
        int headerLength = format.headerLength();
        byte[] out = new byte[headerLength + payload.length + aead.suite().tagLength()];
        header.encode(out, 0);
        aead.seal(seq, out, 0, headerLength, payload, 0, payload.length, out, headerLength);
        return new SealedPdu(out, spi, seq, format, generation);
    }

    /** @return the last sequence number handed out (0 = none) */
    synchronized long lastSeq() {
        return lastSeq;
    }

    /** Wipes the key; later seals fail with NO_SESSION. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            aead.close();
        }
    }

    long spi() {
        return spi;
    }
}
