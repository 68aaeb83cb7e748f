package org.sslskura.envelope;

import org.sslskura.api.SecureSession;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.api.SessionParameters;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseAead;
import org.sslskura.crypto.SseAeads;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;

/**
 * Turns the SA pair of a {@link SecureSession} into keyed ciphers, after the policy and sanity checks, and destroys the
 * session's key material in every case (the envelope owns it once handed over).
 */
final class SaKeying {
    /** Inbound SPIs are drawn from this range so that the first byte tells compact from the rest (§6.15). */
    static final long MIN_INBOUND_SPI = 0x010000;
    static final long MAX_INBOUND_SPI = 0xFFFFFF;

    private SaKeying() {
    }

    /** An SA pair that may not be installed; the message names why, without key material. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * @return the keyed pair
     * @throws RefusedException if policy or the SA values forbid installing it (the key material is destroyed too)
     */
    static SaPair key(SecureSession session, EnvelopeOptions options) throws RefusedException {
        SecurityAssociation out = session.outbound();
        SecurityAssociation in = session.inbound();
        try {
            check(session, options);
            SseFormat format = session.format();
            SseSuite suite = out.suite();
            SessionParameters parameters = new SessionParameters(suite, format, session.compression(),
                    session.chunkSize(), session.fragmentSize(), session.generation());
            SseAead outAead = aead(out);
            SseAead inAead;
            try {
                inAead = aead(in);
            } catch (RuntimeException e) {
                outAead.close();
                throw e;
            }
            return new SaPair(session.peerHit(), parameters,
                    new OutboundSa(Integer.toUnsignedLong(out.spi()), format, session.generation(), outAead),
                    new InboundSa(Integer.toUnsignedLong(in.spi()), format, inAead, options.replayWindow()),
                    options.rekeyThreshold(format));
        } finally {
            out.destroy();
            in.destroy();
        }
    }

    private static void check(SecureSession s, EnvelopeOptions options) throws RefusedException {
        SecurityAssociation out = s.outbound();
        SecurityAssociation in = s.inbound();
        if (out.suite() != in.suite()) {
            throw new RefusedException("outbound suite " + out.suite() + " differs from inbound suite " + in.suite());
        }
        if (!out.suite().confidential() && !options.allowIntegrityOnly()) {
            throw new RefusedException("the integrity-only suite " + out.suite()
                    + " (payload in clear) is not allowed by policy");
        }
        if (out.isDestroyed() || in.isDestroyed()) {
            throw new RefusedException("the key material was already destroyed");
        }
        long inSpi = Integer.toUnsignedLong(in.spi());
        if (inSpi < MIN_INBOUND_SPI || inSpi > MAX_INBOUND_SPI) {
            throw new RefusedException("inbound SPI " + Long.toHexString(inSpi) + " outside 010000..ffffff");
        }
        long outSpi = Integer.toUnsignedLong(out.spi());
        if (outSpi == 0 || outSpi > s.format().maxSpi()) {
            throw new RefusedException("outbound SPI " + Long.toHexString(outSpi) + " does not fit " + s.format());
        }
    }

    private static SseAead aead(SecurityAssociation sa) {
        byte[] keyMaterial = sa.keyMaterial();
        try {
            return SseAeads.create(sa.suite(), keyMaterial);
        } finally {
            Bytes.wipe(keyMaterial);
        }
    }
}
