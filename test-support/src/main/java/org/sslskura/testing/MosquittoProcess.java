package org.sslskura.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto as a child process: {@code mosquitto -c CONFIG} with a temporary configuration that listens on
 * 127.0.0.1 only, allows anonymous access, keeps no persistence, and sets {@code TCP_NODELAY} on client sockets (as a
 * production broker should: without it every small packet written while one is unacknowledged waits for the
 * client's delayed ACK, about 40 ms on Linux). Its output goes to a temporary log file whose tail is quoted when it
 * fails to start. A JVM shutdown hook kills any process a test left running.
 */
public final class MosquittoProcess implements Broker {

    private static final Path DEBIAN_PATH = Paths.get("/usr/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 20;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "mosquitto-reaper"));
    }

    private final Path executable;
    private final int port;
    private final Path log;
    private final Path config;
    private Process process;
    private boolean closed;

    private MosquittoProcess(Path executable, int port, Path log, Path config) {
        this.executable = executable;
        this.port = port;
        this.log = log;
        this.config = config;
    }

    /** @return true if {@code /usr/sbin/mosquitto} or a {@code mosquitto} on the PATH is executable */
    public static boolean available() {
        return executable().isPresent();
    }

    /** @return the Mosquitto binary: Debian's location first, then the PATH */
    public static Optional<Path> executable() {
        if (Files.isExecutable(DEBIAN_PATH)) {
            return Optional.of(DEBIAN_PATH);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Paths.get(dir, "mosquitto");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Mosquitto on a free port and waits (at most 5 s) until it accepts connections.
     *
     * @throws IllegalStateException if Mosquitto is not installed or does not start
     */
    public static MosquittoProcess start() {
        Path exe = executable().orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = Ports.freePort();
            MosquittoProcess broker = new MosquittoProcess(exe, port, tempFile(".log"), writeConfig(port));
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
        if (process == null) {
            return;
        }
        Process running = process;
        process = null;
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(running);
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

    @Override
    public synchronized void close() {
        stop();
        closed = true;
        try {
            Files.deleteIfExists(log);
            Files.deleteIfExists(config);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    @Override
    public String toString() {
        return "mosquitto " + url();
    }

    private synchronized void launch() {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        }
        RUNNING.add(process);
        try {
            if (!awaitReady()) {
                stop();
                throw new IllegalStateException("mosquitto did not accept connections on port " + port
                        + " within " + START_TIMEOUT.toSeconds() + " s; its log ends with:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting mosquitto", e);
        }
    }

    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (Ports.accepts(port)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** @return the configuration of a broker on {@code port} (see the class doc) */
    private static String config(int port) {
        return String.join("\n",
                "listener " + port + " " + Ports.LOOPBACK.getHostAddress(),
                "allow_anonymous true",
                "persistence false",
                "set_tcp_nodelay true",
                "");
    }

    private static Path writeConfig(int port) {
        Path file = tempFile(".conf");
        try {
            Files.writeString(file, config(port), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mosquitto configuration " + file, e);
        }
        return file;
    }

    private static Path tempFile(String suffix) {
        try {
            return Files.createTempFile("mosquitto-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary mosquitto file", e);
        }
    }
}
