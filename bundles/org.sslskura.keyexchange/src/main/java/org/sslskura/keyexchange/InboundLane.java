package org.sslskura.keyexchange;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded queue of received packets in front of a single-threaded consumer: the receiving thread never blocks and
 * never queues more than {@code maxPackets} packets or {@code maxBytes} bytes; the excess is dropped and counted. The
 * consumer runs on {@code executor} in batches of at most {@link #BATCH} packets, so the executor's other work
 * (timers, API calls) interleaves with a flood instead of waiting behind it.
 */
final class InboundLane {
    /** Packets handled per task on the executor before it yields to other tasks. */
    static final int BATCH = 32;

    private final Executor executor;
    private final Consumer<byte[]> consumer;
    private final int maxPackets;
    private final long maxBytes;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private long queuedBytes;
    private boolean drainScheduled;

    /**
     * @param executor runs the consumer (a single thread)
     * @param consumer handles one packet
     * @param maxPackets packets queued at most
     * @param maxBytes bytes queued at most
     */
    InboundLane(Executor executor, Consumer<byte[]> consumer, int maxPackets, long maxBytes) {
        if (maxPackets < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.executor = Objects.requireNonNull(executor);
        this.consumer = Objects.requireNonNull(consumer);
        this.maxPackets = maxPackets;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues one packet, or drops it if the lane is full.
     *
     * @return true if queued
     */
    boolean offer(byte[] packet) {
        boolean schedule;
        synchronized (this) {
            if (queue.size() >= maxPackets || queuedBytes + packet.length > maxBytes) {
                dropped.incrementAndGet();
                return false;
            }
            queue.addLast(packet);
            queuedBytes += packet.length;
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (schedule) {
            schedule();
        }
        return true;
    }

    /** @return how many packets were dropped because the lane was full */
    long dropped() {
        return dropped.get();
    }

    /** @return how many packets wait now */
    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        for (int n = 0; n < BATCH; n++) {
            byte[] packet;
            synchronized (this) {
                packet = queue.pollFirst();
                if (packet == null) {
                    drainScheduled = false;
                    return;
                }
                queuedBytes -= packet.length;
            }
            consumer.accept(packet);
        }
        schedule(); // more may wait: go to the back of the executor's queue
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) { // the consumer has stopped: nothing will read the queue again
            synchronized (this) {
                dropped.addAndGet(queue.size());
                queue.clear();
                queuedBytes = 0;
                drainScheduled = false;
            }
        }
    }
}
