package org.sslskura.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;

/**
 * Every socket the link's factories create has TCP_NODELAY on (plain ones buffer their input), and Paho really connects
 * through them.
 */
class NoDelaySocketsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void theSocketPahoConnectedWith_hasTcpNoDelay() throws Exception {
        try (Broker broker = Brokers.moquette().start(); PahoMessageLink link = Links.started(broker.url())) {
            Links.awaitConnected(link);
            Socket socket = NoDelaySockets.lastCreated(link.socketFactory()).orElseThrow();
            assertTrue(socket.isConnected() && !socket.isClosed(), "the connected socket: " + socket);
            assertEquals(broker.port(), socket.getPort());
            assertTrue(socket.getTcpNoDelay());
            assertInstanceOf(BufferedInputStream.class, socket.getInputStream(),
                    "Paho reads headers byte by byte: unbuffered, each byte is a system call");
        }
    }

    @Test
    void tlsFactory_setsTcpNoDelayOnEverySocket_includingLayeredOnes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            int port = server.getLocalPort();
            SocketFactory factory = NoDelaySockets.forUrl("ssl://localhost:" + port);
            SSLSocketFactory tls = assertInstanceOf(SSLSocketFactory.class, factory, "Paho requires one for ssl://");

            try (Socket unconnected = tls.createSocket()) { // what Paho 1.2.5 calls, then connect()
                unconnected.connect(new InetSocketAddress(LOOPBACK, port));
                assertTrue(unconnected.getTcpNoDelay());
                assertInstanceOf(SSLSocket.class, unconnected);
            }
            try (Socket connected = tls.createSocket(LOOPBACK, port)) {
                assertTrue(connected.getTcpNoDelay());
            }
            try (Socket plain = new Socket(LOOPBACK, port)) {
                assertFalse(plain.getTcpNoDelay(), "the JVM default, or this test proves nothing");
                Socket layered = tls.createSocket(plain, "localhost", port, true);
                assertTrue(layered.getTcpNoDelay());
                assertSame(layered, NoDelaySockets.lastCreated(factory).orElseThrow());
                layered.close();
            }
            try (Socket plain = new Socket(LOOPBACK, port);
                    Socket layered = tls.createSocket(plain, new ByteArrayInputStream(new byte[0]), true)) {
                assertTrue(layered.getTcpNoDelay());
            }
        }
    }

    @Test
    void plainFactory_setsTcpNoDelay() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            SocketFactory factory = NoDelaySockets.forUrl("tcp://localhost:" + server.getLocalPort());
            assertFalse(factory instanceof SSLSocketFactory);
            try (Socket socket = factory.createSocket(LOOPBACK, server.getLocalPort())) {
                assertTrue(socket.getTcpNoDelay());
                assertTrue(socket.isConnected());
                assertInstanceOf(BufferedInputStream.class, socket.getInputStream());
            }
        }
    }
}
