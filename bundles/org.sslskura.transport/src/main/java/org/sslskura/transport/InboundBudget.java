package org.sslskura.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what received payloads may wait for the transport thread: at most {@code maxPayloads} payloads and
 * {@code maxBytes} bytes. The receiving thread takes a share before queuing a payload and never blocks; a payload that
 * does not fit is dropped and counted. The transport thread gives the share back when it has handled the payload.
 */
final class InboundBudget {
    private final int maxPayloads;
    private final long maxBytes;
    private final AtomicLong payloads = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param maxPayloads payloads waiting at most
     * @param maxBytes bytes waiting at most (at least one largest PDU)
     */
    InboundBudget(int maxPayloads, long maxBytes) {
        if (maxPayloads < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxPayloads = maxPayloads;
        this.maxBytes = maxBytes;
    }

    /** @return true if a payload of {@code length} bytes may wait; false if it was dropped (and counted) */
    boolean tryTake(int length) {
        if (payloads.incrementAndGet() > maxPayloads) {
            payloads.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        if (bytes.addAndGet(length) > maxBytes) {
            bytes.addAndGet(-length);
            payloads.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back the share of a handled payload of {@code length} bytes. */
    void giveBack(int length) {
        bytes.addAndGet(-length);
        payloads.decrementAndGet();
    }

    /** @return how many payloads were dropped because the budget was spent */
    long dropped() {
        return dropped.get();
    }
}
