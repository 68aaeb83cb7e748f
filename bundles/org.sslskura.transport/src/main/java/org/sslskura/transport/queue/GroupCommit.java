package org.sslskura.transport.queue;

import java.io.IOException;

/**
 * Group commit for the queue log: appenders that wrote their record share one {@code force}.
 *
 * <p>Every write gets a sequence number ({@link #markWritten()}, called right after the write, under the queue's
 * lock, so sequence order is file order). {@link #awaitDurable} returns once a force that started after that write
 * has completed: the first waiter becomes the leader and forces everything written so far; writers arriving while it
 * forces wait and are usually covered by that force or by the next one, which one of them leads. Compaction and close
 * run as an {@link #exclusive} step, so they never swap or close the file under a force in progress.
 *
 * <p>A failed force leaves the file's durable state unknown (the kernel may have dropped the dirty pages), so it is
 * final: every later call throws until the queue is reopened and its log replayed.
 */
final class GroupCommit {
    /** An I/O step run as the leader; returns true if everything written before it started is now durable. */
    @FunctionalInterface
    interface Step {
        boolean run() throws IOException;
    }

    private final Object monitor = new Object();
    private long written;
    private long durable;
    private boolean busy;
    private IOException failure;

    /** @return the sequence number of the write that just completed */
    long markWritten() {
        synchronized (monitor) {
            return ++written;
        }
    }

    /**
     * Returns once write {@code seq} is durable, forcing with {@code force} if no other thread is doing so. Not
     * interruptible (an append must not return half done); the interrupt status is kept.
     *
     * @throws IOException if the force failed, now or earlier
     */
    void awaitDurable(long seq, Step force) throws IOException {
        long target;
        synchronized (monitor) {
            boolean interrupted = false;
            try {
                while (true) {
                    throwIfFailed();
                    if (durable >= seq) {
                        return;
                    }
                    if (!busy) {
                        break;
                    }
                    interrupted |= waitOnMonitor();
                }
            } finally {
                restoreInterrupt(interrupted);
            }
            busy = true;
            target = written;
        }
        lead(target, force);
    }

    /**
     * Runs {@code step} while no force is in progress and none can start. Call it with the queue's lock held, so
     * that nothing is written meanwhile. An exception from {@code step} is final (see the class comment): a step
     * with a recoverable failure returns false instead.
     */
    void exclusive(Step step) throws IOException {
        long target;
        synchronized (monitor) {
            boolean interrupted = false;
            try {
                while (busy) {
                    interrupted |= waitOnMonitor();
                }
            } finally {
                restoreInterrupt(interrupted);
            }
            throwIfFailed();
            busy = true;
            target = written;
        }
        lead(target, step);
    }

    /** Makes the queue unusable after an I/O failure whose effect on the file is unknown. */
    void fail(IOException cause) {
        synchronized (monitor) {
            if (failure == null) {
                failure = cause;
            }
            monitor.notifyAll();
        }
    }

    /** @throws IOException if an earlier I/O failure made the queue unusable */
    void throwIfFailed() throws IOException {
        synchronized (monitor) {
            if (failure != null) {
                throw new IOException("offline queue unusable after an earlier I/O failure (" + failure
                        + "); reopen it", failure);
            }
        }
    }

    boolean failed() {
        synchronized (monitor) {
            return failure != null;
        }
    }

    private void lead(long target, Step step) throws IOException {
        boolean done = false;
        IOException error = null;
        try {
            done = step.run();
        } catch (IOException e) {
            error = e;
            throw e;
        } catch (RuntimeException | Error e) {
            error = new IOException("unexpected failure during a log force or compaction", e);
            throw e;
        } finally {
            synchronized (monitor) {
                busy = false;
                if (done) {
                    durable = Math.max(durable, target);
                }
                if (error != null && failure == null) {
                    failure = error;
                }
                monitor.notifyAll();
            }
        }
    }

    /** @return true if interrupted */
    private boolean waitOnMonitor() {
        try {
            monitor.wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
