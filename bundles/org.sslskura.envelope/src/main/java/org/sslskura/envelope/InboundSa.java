package org.sslskura.envelope;

import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.SseAead;
import org.sslskura.envelope.internal.ReplayWindow;
import org.sslskura.wire.sse.SseFormat;

/**
 * The receiving half of an SA pair: SPI, format, cipher and replay window, behind one lock (the cipher is not
 * thread-safe, and check, open and mark must not interleave). Order per RFC 4303 §3.4.3 and decisions §2.5: window
 * pre-check, AEAD, and only then the window update. It never takes any other lock.
 */
final class InboundSa {
    private final long spi;
    private final SseFormat format;
    private final SseAead aead;
    private final ReplayWindow window;
    private boolean closed;

    /** The plaintext of an authentic PDU and whether its sequence number had been accepted before. */
    record Opened(byte[] payload, boolean duplicate) {
    }

    InboundSa(long spi, SseFormat format, SseAead aead, int windowSize) {
        this.spi = spi;
        this.format = format;
        this.aead = aead;
        this.window = new ReplayWindow(windowSize);
    }

    /**
     * Opens a whole PDU whose header (already parsed and length-checked) takes the first {@code headerLength} bytes.
     *
     * @throws EnvelopeException UNKNOWN_SPI once closed, OUT_OF_WINDOW (no AEAD run), AUTHENTICATION_FAILED; in
     *         every case the window is unchanged
     */
    synchronized Opened open(byte[] pdu, int headerLength, long seq) throws EnvelopeException {
        if (closed) {
            throw new EnvelopeException(Reason.UNKNOWN_SPI, "the SA was retired or closed");
        }
        if (window.check(seq) == ReplayWindow.Verdict.TOO_OLD) {
            throw new EnvelopeException(Reason.OUT_OF_WINDOW, "sequence number " + Long.toUnsignedString(seq)
                    + " is older than the window (highest " + Long.toUnsignedString(window.highest()) + ")");
        }
        int bodyLength = pdu.length - headerLength;
        byte[] plain = new byte[bodyLength - aead.suite().tagLength()];
        try {
            aead.open(seq, pdu, 0, headerLength, pdu, headerLength, bodyLength, plain, 0);
        } catch (AuthenticationException e) {
            throw new EnvelopeException(Reason.AUTHENTICATION_FAILED, "decryption failed");
        }
        return new Opened(plain, window.mark(seq) == ReplayWindow.Verdict.DUPLICATE);
    }

    /** Wipes the key; later opens fail with UNKNOWN_SPI. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            aead.close();
        }
    }

    /** @return the highest sequence number accepted so far */
    synchronized long highestSeq() {
        return window.highest();
    }

    long spi() {
        return spi;
    }

    SseFormat format() {
        return format;
    }

    int tagLength() {
        return aead.suite().tagLength();
    }
}
