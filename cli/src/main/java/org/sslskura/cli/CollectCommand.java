package org.sslskura.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.sslskura.api.TrustPolicy;

/** {@code ssls collect}: the collector, printing one JSON line per message until SIGINT/SIGTERM. */
final class CollectCommand extends Command {
    private static final long CONNECT_NOTICE_MILLIS = 10_000;
    private static final long FAILURE_CHECK_MILLIS = 200;

    @Override
    String path() {
        return "collect";
    }

    @Override
    String summary() {
        return "receive, decrypt and print messages (the collector)";
    }

    @Override
    String help() {
        return """
                usage: ssls collect --dir D --broker tcp://HOST:PORT [--prefix P] [--republish PREFIX] [--trust-on-first-use]

                Runs the collector with the identity in D: answers key exchanges from trusted peers, decrypts,
                de-duplicates (delivered ids are kept in D/delivered across restarts) and acknowledges messages, and
                prints one JSON line per message on stdout (flushed per line):
                  {"from": sender HIT, "topic": application topic, "id": message id, "payload": base64,
                   "text": the payload as text, present only when it is valid UTF-8}
                Runs until SIGINT or SIGTERM, then closes cleanly. Status and logs go to stderr.

                options:
                  --dir D                 the identity directory (create it with 'ssls identity init')
                  --broker URL            the MQTT broker, tcp://HOST:PORT or ssl://HOST:PORT
                  --prefix P              the topic prefix (default ssls/v1)
                  --republish PREFIX      also publish each clear payload to PREFIX/<sender HIT>/<topic>
                                          on the same broker (separate client, QoS 1)
                  --trust-on-first-use    accept any peer the first time and remember its key
                                          (default: only peers added with 'ssls peers add')
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--dir", "--broker", "--prefix", "--republish");
    }

    @Override
    Set<String> flags() {
        return Set.of("--trust-on-first-use");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Identities.dir(args);
        String broker = Identities.broker(args);
        String prefix = Identities.prefix(args);
        String republish = args.get("--republish").orElse(null);
        if (republish != null) {
            if (republish.isEmpty() || republish.contains("+") || republish.contains("#")
                    || republish.endsWith("/")) {
                throw new UsageException("invalid --republish prefix '" + republish
                        + "' (non-empty, no wildcards, no trailing '/')");
            }
        }
        Identities.requireExisting(dir);
        NodeSettings.Builder settings = NodeSettings.builder(dir, broker).prefix(prefix)
                .trustPolicy(args.has("--trust-on-first-use") ? TrustPolicy.TRUST_ON_FIRST_USE : TrustPolicy.ALLOWLIST);
        try (ShutdownSignal shutdown = new ShutdownSignal();
             Collector collector = Collector.start(settings, broker, out, republish)) {
            String hit = collector.node().identity().hit().toHex();
            try {
                long waited = 0;
                while (!collector.connected() && waited < CONNECT_NOTICE_MILLIS && !shutdown.await(50)) {
                    waited += 50;
                }
                if (!shutdown.requested()) {
                    err.println((collector.connected() ? "collector " : "collector (still connecting) ") + hit
                            + " listening on " + broker + " (" + prefix + "/" + hit + "/#)"
                            + (republish == null ? "" : ", re-publishing to " + republish + "/<HIT>/<topic>"));
                    err.flush();
                    while (!shutdown.await(FAILURE_CHECK_MILLIS)) {
                        // runs until SIGINT/SIGTERM (or, in-process, until interrupted), or until it cannot deliver
                        String failed = collector.failure().getNow(null);
                        if (failed != null) {
                            throw new CommandFailure("collector stopped: " + failed + "; messages not printed were"
                                    + " not acknowledged and will be sent again");
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.interrupted(); // a clean stop, as for a signal; the node closes below
            }
            err.println("collector stopping: " + collector.received() + " message(s) received");
        }
        return OK;
    }
}
