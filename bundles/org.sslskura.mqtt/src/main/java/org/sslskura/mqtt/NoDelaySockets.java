package org.sslskura.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JVM's default socket factories with {@code TCP_NODELAY} on (and, for plain TCP, buffered input). Paho writes a PUBLISH in two parts (header, then a
 * payload above its 8 KiB buffer); with Nagle's algorithm the second part waits for the peer's delayed ACK, about
 * 40 ms per message on Linux. For ssl:// URLs the factory is still the default {@link SSLSocketFactory} (JVM trust
 * store, {@code javax.net.ssl.*} properties), wrapped so that every socket it creates, including one layered over an
 * existing socket, has {@code TCP_NODELAY}; Paho keeps verifying the host name.
 *
 * <p>Each factory remembers the last socket it created (Paho creates one per connection attempt), so that a test can
 * check the socket a link really uses.
 */
final class NoDelaySockets {

    private NoDelaySockets() {
    }

    /** @return a factory for {@code brokerUrl}: an {@link SSLSocketFactory} for ssl://, a plain one otherwise */
    static SocketFactory forUrl(String brokerUrl) {
        return brokerUrl.toLowerCase(Locale.ROOT).startsWith("ssl:")
                ? new Tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                : new Plain();
    }

    /** @return the last socket {@code factory} (one of {@link #forUrl}) created, if any */
    static Optional<Socket> lastCreated(SocketFactory factory) {
        Made made = factory instanceof Plain ? ((Plain) factory).made
                : factory instanceof Tls ? ((Tls) factory).made : null;
        return made == null ? Optional.empty() : Optional.ofNullable(made.last);
    }

    /** Sets {@code TCP_NODELAY} on each socket a factory made, and remembers the last one. */
    private static final class Made {
        private volatile Socket last;

        Socket noDelay(Socket socket) throws IOException {
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException | RuntimeException e) {
                socket.close(); // not handed out: nobody else would close it
                throw e;
            }
            last = socket;
            return socket;
        }
    }

    /**
     * Plain TCP sockets whose input is buffered. Paho reads a packet's fixed header byte by byte from the socket's
     * stream; unbuffered, that is a system call per byte, several per MQTT packet.
     */
    private static final class Plain extends SocketFactory {
        private final Made made = new Made();

        @Override
        public Socket createSocket() throws IOException {
            return made.noDelay(new BufferedInputSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
        }

        private Socket createSocket(InetSocketAddress remote, InetSocketAddress local) throws IOException {
            Socket socket = new BufferedInputSocket();
            try {
                if (local != null) {
                    socket.bind(local);
                }
                socket.connect(remote);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            return made.noDelay(socket);
        }
    }

    /** A plain socket that hands out one buffered input stream. */
    private static final class BufferedInputSocket extends Socket {
        private static final int BUFFER_BYTES = 16 * 1024;
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final Made made = new Made();

        Tls(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return made.noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return made.noDelay(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
            return made.noDelay(delegate.createSocket(socket, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return made.noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return made.noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return made.noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return made.noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
