package org.sslskura.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.SendOptions;
import org.sslskura.transport.TransportOptions;
import org.sslskura.wire.hip.Hit;

/**
 * {@code ssls send}: the device side. Sends messages to one collector, reliably: each message is in the persistent
 * queue before it is sent, and the command waits for every acknowledgment. Messages left in the queue (timeout, kill)
 * go out again with the next node started on the same directory, e.g. {@code ssls send --count 0}.
 */
final class SendCommand extends Command {
    private static final long POLL_MILLIS = 100;
    private static final long PROGRESS_MILLIS = 5_000;

    @Override
    String path() {
        return "send";
    }

    @Override
    String summary() {
        return "send messages to a collector and wait for acknowledgments (the device)";
    }

    @Override
    String help() {
        return """
                usage: ssls send --dir D --broker URL --to HIT|NAME --topic T (--message TEXT | --file F) [--count N] [--prefix P] [--timeout SECONDS]

                Sends N messages under the application topic T to the trusted peer given by --to (a peer name from
                'ssls peers list' or its HIT), end-to-end encrypted, and waits until every one is acknowledged.
                With --count N > 1 and --message, message i (1..N) is TEXT followed by " #i"; with --file every
                message is the file's bytes unchanged.

                Each message is written to the persistent queue D/queue before it is sent. Messages that are not
                acknowledged (timeout, Ctrl-C, kill, power loss) stay there and are sent again by the next node
                started on D: any later 'ssls send' sends them too and waits for them. --count 0 sends nothing new: it
                only delivers what is queued and waits for its acknowledgments (--topic/--message/--file not allowed).

                Exit code 0 only when every message (the new ones and those queued before) is acknowledged; 1 if
                one failed or the timeout passed (the rest stays queued); 2 on a usage error. Progress on stderr;
                a summary line on stdout.

                options:
                  --dir D           the identity directory (create it with 'ssls identity init')
                  --broker URL      the MQTT broker, tcp://HOST:PORT or ssl://HOST:PORT
                  --to HIT|NAME     the collector: a trusted peer's name or HIT
                  --topic T         the application topic
                  --message TEXT    the payload as UTF-8 text
                  --file F          the payload: the bytes of file F (at most 1 MiB)
                  --count N         how many messages (default 1; 0 = only the queued ones)
                  --prefix P        the topic prefix (default ssls/v1)
                  --timeout SECONDS how long to wait for the acknowledgments (default 60)
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--dir", "--broker", "--to", "--topic", "--message", "--file", "--count", "--prefix",
                "--timeout");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Identities.dir(args);
        String broker = Identities.broker(args);
        String prefix = Identities.prefix(args);
        String to = args.required("--to");
        int count = args.intValue("--count", 1, 0, 1_000_000);
        int timeoutSeconds = args.intValue("--timeout", 60, 1, 7 * 24 * 3600);
        String topic = null;
        byte[] file = null;
        String text = null;
        if (count == 0) {
            for (String o : List.of("--topic", "--message", "--file")) {
                if (args.has(o)) {
                    throw new UsageException(o + " is not allowed with --count 0 (which only sends the queued messages)");
                }
            }
        } else {
            topic = args.required("--topic");
            if (args.has("--message") == args.has("--file")) {
                throw new UsageException("give exactly one of --message TEXT and --file F");
            }
            if (args.has("--message")) {
                text = args.get("--message").orElseThrow();
            } else {
                file = readFile(args.required("--file"));
            }
        }
        Identities.requireExisting(dir);
        NodeSettings settings = NodeSettings.builder(dir, broker).prefix(prefix).collectors(List.of(to)).build();
        long started = System.nanoTime();
        try (ShutdownSignal shutdown = new ShutdownSignal(); SslsNode node = start(settings)) {
            Hit peerHit = SslsNode.resolve(node.identity(), List.of(to)).get(0);
            String peer = to.equalsIgnoreCase(peerHit.toHex()) ? peerHit.toHex() : to + " (" + peerHit.toHex() + ")";
            Map<String, Long> before = node.messaging().counters();
            long earlier = before.getOrDefault("queue.messages", 0L);
            if (earlier > 0) {
                err.println(earlier + " message(s) queued by an earlier run are being sent again");
            }
            List<CompletableFuture<MessageReceipt>> sent = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                byte[] payload = file != null ? file
                        : (count > 1 ? text + " #" + i : text).getBytes(StandardCharsets.UTF_8);
                sent.add(node.messaging().sendToCollectors(topic, payload, SendOptions.RELIABLE).toCompletableFuture());
            }
            if (count > 0) {
                long refused = sent.stream().filter(CompletableFuture::isCompletedExceptionally).count();
                err.println("queued " + (count - refused) + " message(s) for " + peer
                        + (refused > 0 ? " (" + refused + " refused)" : ""));
                err.flush();
            } else if (earlier == 0) {
                out.println("nothing queued in " + dir + ": nothing to send");
                return OK;
            }
            long deadline = started + timeoutSeconds * 1_000_000_000L;
            long nextProgress = System.nanoTime() + PROGRESS_MILLIS * 1_000_000L;
            long queued = earlier + count;
            boolean interrupted = false;
            while (true) {
                queued = node.messaging().counters().getOrDefault("queue.messages", 0L);
                if (queued == 0 && sent.stream().allMatch(CompletableFuture::isDone)) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
                try {
                    if (shutdown.await(POLL_MILLIS)) {
                        interrupted = true;
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.interrupted();
                    interrupted = true;
                    break;
                }
                if (System.nanoTime() - nextProgress > 0) {
                    err.println("waiting: " + acknowledged(sent) + " of " + count + " new message(s) acknowledged, "
                            + queued + " still queued" + (node.connected() ? "" : "; not connected to " + broker));
                    err.flush();
                    nextProgress = System.nanoTime() + PROGRESS_MILLIS * 1_000_000L;
                }
            }
            int acked = acknowledged(sent);
            List<String> failures = failures(sent);
            long lost = node.messaging().counters().getOrDefault("messages.lost", 0L);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (queued == 0 && failures.isEmpty() && lost == 0 && acked == count) {
                out.printf(Locale.ROOT, "sent %s to %s: all acknowledged in %.1f s%n", count == 0
                        ? earlier + " queued message(s)" : count + " message(s)" + (earlier > 0 ? " and " + earlier
                        + " queued earlier" : ""), peer, seconds);
                return OK;
            }
            StringBuilder why = new StringBuilder();
            if (!failures.isEmpty()) {
                why.append(failures.size()).append(" message(s) failed (").append(failures.get(0)).append(")");
            }
            if (lost > 0 && failures.isEmpty()) {
                why.append(lost).append(" queued message(s) were lost (no acknowledgment after every retry)");
            }
            if (queued > 0) {
                why.append(why.length() > 0 ? "; " : "")
                        .append(interrupted ? "interrupted" : "timed out after " + timeoutSeconds + " s")
                        .append(": ").append(acked).append(" of ").append(count)
                        .append(" new message(s) acknowledged; ").append(queued)
                        .append(" message(s) stay queued in ").append(dir.resolve("queue"))
                        .append(" and are sent again by the next 'ssls send --dir ").append(dir).append('\'');
                if (!node.connected()) {
                    why.append(" (not connected to ").append(broker).append(')');
                } else if (node.keyExchange().session(peerHit).isEmpty()) {
                    why.append(" (no key exchange with ").append(peer).append(" completed: is its collector running?)");
                }
            }
            if (why.length() == 0) {
                why.append(interrupted ? "interrupted" : "timed out after " + timeoutSeconds + " s").append(": ")
                        .append(acked).append(" of ").append(count).append(" new message(s) acknowledged");
            }
            // printed here, before the node closes and a pending SIGINT/SIGTERM lets the JVM halt
            err.println("ssls " + path() + ": " + why);
            return FAILED;
        }
    }

    private static SslsNode start(NodeSettings settings) throws CommandFailure, IOException {
        try {
            return SslsNode.start(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--to: " + e.getMessage() + " (see 'ssls peers list')");
        }
    }

    private static byte[] readFile(String name) throws CommandFailure {
        Path f = Path.of(name);
        try {
            long size = Files.size(f);
            if (size > TransportOptions.DEFAULTS.maxMessageBytes()) {
                throw new CommandFailure("file " + f + " has " + size + " bytes; a message holds at most "
                        + TransportOptions.DEFAULTS.maxMessageBytes());
            }
            return Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such file: " + f);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + f + ": " + e.getMessage());
        }
    }

    private static int acknowledged(List<CompletableFuture<MessageReceipt>> sent) {
        return (int) sent.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    private static List<String> failures(List<CompletableFuture<MessageReceipt>> sent) {
        List<String> out = new ArrayList<>();
        for (CompletableFuture<MessageReceipt> f : sent) {
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    out.add(c.getMessage());
                } catch (java.util.concurrent.CancellationException e) {
                    out.add("cancelled");
                }
            }
        }
        return out;
    }
}
