package org.sslskura.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ssls} commands in-process with captured streams. */
final class Cli {
    private Cli() {
    }

    /** The outcome of a finished command. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs a command to completion. */
    static Result run(String... args) {
        Lines out = new Lines();
        Lines err = new Lines();
        int code = Main.run(args, out.stream(), err.stream());
        return new Result(code, out.text(), err.text());
    }

    /** A command running on its own thread (the collector), its output readable while it runs. */
    static final class Running implements AutoCloseable {
        final Lines out = new Lines();
        final Lines err = new Lines();
        private final Thread thread;
        private volatile int code = -1;

        private Running(String... args) {
            thread = new Thread(() -> code = Main.run(args, out.stream(), err.stream()), "ssls-" + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        static Running start(String... args) {
            return new Running(args);
        }

        /** Waits until stderr contains {@code text}. */
        void awaitErr(String text, long millis) throws InterruptedException {
            Nodes.await(() -> err.text().contains(text) || !thread.isAlive(), millis, "'" + text + "' on stderr:\n"
                    + err.text());
            if (!err.text().contains(text)) {
                throw new AssertionError("command ended with " + code + " before printing '" + text + "':\n"
                        + err.text());
            }
        }

        boolean alive() {
            return thread.isAlive();
        }

        /** Stops it as a signal would (the command's thread is interrupted) and returns its exit code. */
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(20));
            if (thread.isAlive()) {
                throw new AssertionError("command did not stop:\n" + err.text());
            }
            return code;
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    /** A thread-safe output stream whose complete lines can be read at any time. */
    static final class Lines extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** @return the complete lines so far */
        List<String> lines() {
            String t = text();
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int nl = t.indexOf('\n'); nl >= 0; nl = t.indexOf('\n', start)) {
                out.add(t.substring(start, nl));
                start = nl + 1;
            }
            return out;
        }
    }
}
