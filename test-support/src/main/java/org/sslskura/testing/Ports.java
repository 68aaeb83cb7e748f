package org.sslskura.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/** Loopback port helpers shared by the brokers. */
final class Ports {

    /** 127.0.0.1 explicitly: {@code getLoopbackAddress()} may be ::1 when IPv6 is preferred. */
    static final InetAddress LOOPBACK = ipv4Loopback();

    private Ports() {
    }

    /** @return a port that was free on 127.0.0.1 a moment ago */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** @return true once {@code port} accepts a TCP connection, false if it did not within {@code timeout} */
    static boolean awaitAccepting(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (accepts(port)) {
                return true;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static String tcpUrl(int port) {
        return "tcp://" + LOOPBACK.getHostAddress() + ":" + port;
    }
}
