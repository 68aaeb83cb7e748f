package org.sslskura.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * Moquette 0.17 inside the test JVM, on 127.0.0.1 and a free port: anonymous clients allowed, no persistence (a
 * restart loses every session), telemetry off (Moquette phones home by default), messages flushed immediately, and
 * messages up to 8 MiB (Moquette's default limit is 8092 bytes).
 * <p>
 * Known quirk: Moquette 0.17 drops a PUBACK when the client's connection is above Netty's write high-water mark
 * ({@code MQTTConnection.sendIfWritableElseDrop}), e.g. right after it forwarded a large message to that same client.
 * A client that subscribes to its own large publications can then wait for its PUBACK until it reconnects: publish
 * and subscribe through separate clients when payloads are large.
 */
public final class EmbeddedMoquette implements Broker {

    /** Largest MQTT packet the broker accepts; the tests send 64 KiB payloads. */
    private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 5;

    private final int port;
    private Server server;
    private boolean closed;

    private EmbeddedMoquette(int port) {
        this.port = port;
    }

    /** Starts a broker on a free port (retrying on another port if that one was taken meanwhile). */
    public static EmbeddedMoquette start() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            EmbeddedMoquette broker = new EmbeddedMoquette(Ports.freePort());
            try {
                broker.launch();
                return broker;
            } catch (IllegalStateException e) {
                broker.close();
                last = e;
            }
        }
        throw last;
    }

    @Override
    public String url() {
        return Ports.tcpUrl(port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("broker closed");
        }
        stop();
        launch();
    }

    /**
     * Stops the broker in the background: Moquette's stop waits about 2 s for Netty's quiet period, which would
     * otherwise add up over a test class. The port is closed at once either way.
     */
    @Override
    public synchronized void close() {
        closed = true;
        Server running = server;
        server = null;
        if (running != null) {
            Thread stopper = new Thread(running::stopServer, "moquette-stop-" + port);
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    @Override
    public String toString() {
        return "moquette " + url();
    }

    private synchronized void launch() {
        Server started = new Server();
        try {
            started.startServer(new MemoryConfig(config(port)));
            if (!Ports.awaitAccepting(port, START_TIMEOUT)) {
                started.stopServer();
                throw new IllegalStateException("Moquette did not accept connections on port " + port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Moquette did not start on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.stopServer();
            throw new IllegalStateException("interrupted while starting Moquette", e);
        }
        server = started;
    }

    private static Properties config(int port) {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, Ports.LOOPBACK.getHostAddress());
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        return p;
    }
}
