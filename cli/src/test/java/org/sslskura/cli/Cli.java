package org.sslskura.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        final Lines out;
        final Lines err = new Lines();
        private final Thread thread;
        private volatile int code = -1;

        private Running(Lines out, String... args) {
            this.out = out;
            thread = new Thread(() -> code = Main.run(args, out.stream(), err.stream()), "ssls-" + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        static Running start(String... args) {
            return new Running(new Lines(), args);
        }

        /** Starts a command whose standard output fails (like a closed pipe) once it holds {@code lines} lines. */
        static Running withOutputFailingAfter(int lines, String... args) {
            Lines out = new Lines();
            out.failAfterLines = lines;
            return new Running(out, args);
        }

        /** Waits for the command to end by itself and returns its exit code. */
        int awaitExit(long millis) throws InterruptedException {
            thread.join(millis);
            if (thread.isAlive()) {
                throw new AssertionError("command still running after " + millis + " ms:\n" + err.text());
            }
            return code;
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
        /** Writes fail once this many complete lines are held. */
        volatile int failAfterLines = Integer.MAX_VALUE;

        PrintStream stream() {
            return stream;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            checkWritable();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            checkWritable();
            bytes.write(b, off, len);
        }

        private void checkWritable() throws IOException {
            if (failAfterLines != Integer.MAX_VALUE && lines().size() >= failAfterLines) {
                throw new IOException("Broken pipe");
            }
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
