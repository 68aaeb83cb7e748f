package org.sslskura.testing;

/**
 * An MQTT broker that a test owns: reachable at {@link #url()} on the loopback interface, stoppable and restartable on
 * the same port (so that clients can reconnect to it), closed at the end of the test.
 */
public interface Broker extends AutoCloseable {

    /** @return {@code tcp://127.0.0.1:PORT}; the same across {@link #restart()} */
    String url();

    /** @return the TCP port the broker listens on */
    int port();

    /** Stops the broker; every client connection drops. Does nothing if it is already stopped. */
    void stop();

    /**
     * Starts the broker again on the same port (stopping it first if it is running) and returns once the port accepts
     * connections. Sessions and queued messages are lost: neither broker is started with persistence.
     */
    void restart();

    /** Stops the broker for good and releases its resources. */
    @Override
    void close();
}
