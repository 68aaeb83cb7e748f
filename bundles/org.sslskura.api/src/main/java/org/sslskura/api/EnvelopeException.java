package org.sslskura.api;

/** A PDU could not be sealed or opened; {@link #reason()} says why. Never carries secret data. */
public final class EnvelopeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why sealing or opening failed. */
    public enum Reason {
        /** No SA pair with the peer (or not of the requested generation). */
        NO_SESSION,
        /** The outbound sequence space is used up; a rekey was requested. */
        SEQUENCE_EXHAUSTED,
        /** The payload does not fit the format. */
        TOO_LARGE,
        /** Not a valid SSE PDU. */
        MALFORMED,
        /** No inbound SA has this SPI. */
        UNKNOWN_SPI,
        /** The sequence number is older than the replay window. */
        OUT_OF_WINDOW,
        /** The AEAD tag (or ICV) did not verify. */
        AUTHENTICATION_FAILED,
        /** The PDU violates local policy (for example the C bit without negotiated compression). */
        POLICY
    }

    private final Reason reason;

    /** @param reason why; @param message details without secret data */
    public EnvelopeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
