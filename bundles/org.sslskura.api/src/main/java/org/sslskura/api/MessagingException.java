package org.sslskura.api;

/** A message was refused or lost; {@link #reason()} says which. */
public final class MessagingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a message did not get through. */
    public enum Reason {
        /** The offline queue is full. */
        QUEUE_FULL,
        /** The message cannot be carried with the negotiated sizes. */
        TOO_LARGE,
        /** The peer is not known (not a trusted peer or configured collector). */
        UNKNOWN_PEER,
        /** No key exchange with the peer could be completed. */
        NO_SESSION,
        /** Retransmissions were exhausted (fire-and-forget: the carrier refused the message). */
        LOST,
        /** The message's time to live passed before the peer acknowledged it; it is no longer sent. */
        EXPIRED,
        /** The service stopped before the message was acknowledged (it stays queued). */
        STOPPED,
        /** Writing the offline queue failed. */
        STORAGE
    }

    private final Reason reason;

    /** @param reason why; @param message details */
    public MessagingException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @param reason why; @param message details; @param cause the underlying failure */
    public MessagingException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
