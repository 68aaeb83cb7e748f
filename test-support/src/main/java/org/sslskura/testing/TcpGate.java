package org.sslskura.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of a broker port that a test can shut and open, to decide <em>when</em> a client
 * reaches the broker: while shut, the gate's port refuses connections and the connections through it are cut. Used to
 * order reconnections deterministically (for example: the subscriber is back before the publisher is).
 * <p>
 * Shut means "connection refused", not "accepted and closed": Paho 1.2.5 leaks its connect thread (a 100 ms poll
 * loop in {@code CommsReceiver.start}) when the peer closes a TCP connection right after accepting it.
 */
public final class TcpGate implements AutoCloseable {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private boolean closed;

    private TcpGate(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
    }

    /** @return an open gate forwarding to {@code broker}'s port */
    public static TcpGate in(Broker broker) {
        try {
            return new TcpGate(broker.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the gate", e);
        }
    }

    /** @return the URL clients use instead of the broker's */
    public String url() {
        return Ports.tcpUrl(port);
    }

    /** Accepts connections again (on the same port) and forwards them to the broker. */
    public synchronized void open() {
        if (closed) {
            throw new IllegalStateException("gate closed");
        }
        if (server == null) {
            try {
                server = listen(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on port " + port + " again", e);
            }
        }
    }

    /** Refuses new connections and cuts the existing ones. */
    public synchronized void shut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        sockets.forEach(TcpGate::closeQuietly);
        sockets.clear();
    }

    @Override
    public synchronized void close() {
        shut();
        closed = true;
    }

    private ServerSocket listen(int localPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(Ports.LOOPBACK, localPort), 50);
        Thread acceptor = new Thread(() -> acceptLoop(socket), "tcp-gate-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                connect(listening.accept());
            } catch (IOException e) {
                if (listening.isClosed()) {
                    return;
                }
            }
        }
    }
    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(Ports.LOOPBACK, targetPort), 1000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side or shut() closed the connection: nothing left to forward
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-gate-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on a best-effort basis
        }
    }
}
