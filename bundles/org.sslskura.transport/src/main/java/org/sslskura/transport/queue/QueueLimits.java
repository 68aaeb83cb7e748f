package org.sslskura.transport.queue;

/**
 * The bounds of an {@link OutboundQueue}: how many unacknowledged messages it holds at most, and how many bytes of
 * topics (UTF-8) plus bodies. Appending beyond either bound fails with {@link QueueFullException}.
 *
 * <p>Both values are validated on construction: {@code maxMessages} in 1..{@value #MAX_MESSAGES_CEILING}, {@code
 * maxBytes} in 1..{@value #MAX_BYTES_CEILING}. The ceilings exist because the pending messages are held in memory as
 * well as on disk, and because {@code maxBytes} also bounds every length read back from the log.
 *
 * @param maxMessages the largest number of unacknowledged messages
 * @param maxBytes the largest sum over unacknowledged messages of topic (UTF-8) and body lengths
 */
public record QueueLimits(int maxMessages, long maxBytes) {
    /** Default message bound: 10,000. */
    public static final int DEFAULT_MAX_MESSAGES = 10_000;
    /** Default byte bound: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** Largest accepted {@code maxMessages}. */
    public static final int MAX_MESSAGES_CEILING = 1_000_000;
    /** Largest accepted {@code maxBytes}: 256 MiB. */
    public static final long MAX_BYTES_CEILING = 256L << 20;

    /**
     * @throws IllegalArgumentException if a value is out of its range (the message names the value)
     */
    public QueueLimits {
        if (maxMessages < 1 || maxMessages > MAX_MESSAGES_CEILING) {
            throw new IllegalArgumentException(
                    "maxMessages must be in 1.." + MAX_MESSAGES_CEILING + ", not " + maxMessages);
        }
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw new IllegalArgumentException("maxBytes must be in 1.." + MAX_BYTES_CEILING + ", not " + maxBytes);
        }
    }

    /** @return 10,000 messages and 16 MiB */
    public static QueueLimits defaults() {
        return new QueueLimits(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_BYTES);
    }
}
