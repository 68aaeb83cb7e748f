package org.sslskura.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM (a JVM shutdown) into a signal the command's thread waits for, and holds the shutdown until the
 * command has closed its node (at most 10 s), so that the MQTT session ends and the queue is closed cleanly. Close it
 * after the node.
 */
final class ShutdownSignal implements AutoCloseable {
    private static final long HOLD_SECONDS = 10;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;

    ShutdownSignal() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                released.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ssls-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Waits up to {@code millis} for a shutdown.
     *
     * @return true if one was requested
     */
    boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** @return true once a shutdown was requested */
    boolean requested() {
        return requested.getCount() == 0;
    }

    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and now returns
        }
    }
}
