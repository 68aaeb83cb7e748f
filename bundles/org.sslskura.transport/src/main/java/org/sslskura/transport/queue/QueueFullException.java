package org.sslskura.transport.queue;

import java.io.IOException;

/**
 * An {@link OutboundQueue#append append} refused because the queue is at one of its {@link QueueLimits}. Nothing was
 * written and no message id was used. Acknowledgments free space; a message larger than the whole byte bound never
 * fits ({@link #neverFits()}).
 */
public final class QueueFullException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which bound was hit. */
    public enum Limit {
        /** {@link QueueLimits#maxMessages()}. */
        MESSAGES,
        /** {@link QueueLimits#maxBytes()}. */
        BYTES
    }

    private final Limit limit;
    private final boolean neverFits;

    private QueueFullException(String message, Limit limit, boolean neverFits) {
        super(message);
        this.limit = limit;
        this.neverFits = neverFits;
    }

    static QueueFullException messages(int maxMessages) {
        return new QueueFullException("offline queue full: " + maxMessages + " messages", Limit.MESSAGES, false);
    }

    static QueueFullException bytes(long maxBytes) {
        return new QueueFullException("offline queue full: " + maxBytes + " bytes", Limit.BYTES, false);
    }

    static QueueFullException tooLarge(long messageBytes, long maxBytes) {
        return new QueueFullException("message of " + messageBytes + " bytes (topic + body) can never fit the "
                + "offline queue limit of " + maxBytes + " bytes", Limit.BYTES, true);
    }

    /** @return the bound that was hit */
    public Limit limit() {
        return limit;
    }

    /** @return true if the message alone is larger than the byte bound, so retrying after acknowledgments is useless */
    public boolean neverFits() {
        return neverFits;
    }
}
