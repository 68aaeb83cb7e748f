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
 * Debian's Mosquitto as a child process: {@code mosquitto -p PORT} without a configuration file, which Mosquitto 2.x
 * binds to the loopback interface only, with anonymous access and no persistence. Its output goes to a temporary log
 * file whose tail is quoted when it fails to start. A JVM shutdown hook kills any process a test left running.
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
    private Process process;
    private boolean closed;

    private MosquittoProcess(Path executable, int port, Path log) {
        this.executable = executable;
        this.port = port;
        this.log = log;
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
            MosquittoProcess broker = new MosquittoProcess(exe, Ports.freePort(), tempLog());
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
        } catch (IOException e) {
            // a leftover temporary log file is harmless
        }
    }

    @Override
    public String toString() {
        return "mosquitto " + url();
    }

    private synchronized void launch() {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-p", Integer.toString(port))
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

    private static Path tempLog() {
        try {
            return Files.createTempFile("mosquitto-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mosquitto log file", e);
        }
    }
}
