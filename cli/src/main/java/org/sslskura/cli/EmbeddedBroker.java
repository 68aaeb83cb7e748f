package org.sslskura.cli;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;

/**
 * An MQTT broker inside the {@code ssls demo} process: Moquette 0.17 on 127.0.0.1 and a free port, anonymous clients
 * allowed, no persistence, telemetry off (Moquette reports usage to its authors unless told not to), no websocket
 * listener, messages flushed at once, packets up to 2 MiB (Moquette's default limit is 8092 bytes).
 */
final class EmbeddedBroker implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private static final int MAX_PACKET_BYTES = 2 * 1024 * 1024;
    private static final long ACCEPT_TIMEOUT_MILLIS = 5_000;

    private final int port;
    private Server server;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    /**
     * Starts a broker on a free port, trying another port if the chosen one was taken in the meantime.
     *
     * @throws IOException if no attempt succeeded
     */
    static EmbeddedBroker start() throws IOException {
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            EmbeddedBroker b = new EmbeddedBroker(freePort());
            try {
                b.launch();
                return b;
            } catch (IOException | RuntimeException e) {
                b.close();
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        throw new IOException("the embedded MQTT broker did not start: " + last.getMessage(), last);
    }

    /** @return {@code tcp://127.0.0.1:PORT} */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private void launch() throws IOException {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_PACKET_BYTES));
        p.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server s = new Server();
        server = s;
        s.startServer(new MemoryConfig(p));
        long deadline = System.currentTimeMillis() + ACCEPT_TIMEOUT_MILLIS;
        while (!accepting()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the broker does not accept connections on port " + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the broker");
            }
        }
    }

    private boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Stops the broker (Moquette waits about 2 s for Netty's quiet period). */
    @Override
    public void close() {
        Server s = server;
        server = null;
        if (s != null) {
            try {
                s.stopServer();
            } catch (RuntimeException e) {
                // stopping a broker that failed half-way through its start
            }
        }
    }
}
