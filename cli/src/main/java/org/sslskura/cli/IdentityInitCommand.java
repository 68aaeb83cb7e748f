package org.sslskura.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;

/** {@code ssls identity init}: creates the identity, or keeps and shows an existing one. */
final class IdentityInitCommand extends Command {
    @Override
    String path() {
        return "identity init";
    }

    @Override
    String summary() {
        return "create this endpoint's identity (an existing one is kept)";
    }

    @Override
    String help() {
        return """
                usage: ssls identity init --dir D [--curve X25519|X448]

                Creates a new key pair (the Host Identity) in directory D and prints its HIT (32 hex digits) on
                stdout. Idempotent: if D already holds an identity, it is kept (never replaced) and its HIT printed.
                The private key is written to D/identity.key with mode 0600.

                options:
                  --dir D          the identity directory (created if missing)
                  --curve C        X25519 (default) or X448; ignored for an existing identity
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--dir", "--curve");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Identities.dir(args);
        EcdhCurve curve = Identities.curve(args.get("--curve").orElse("X25519"));
        boolean existed = Files.isRegularFile(dir.resolve(FileIdentityStore.KEY_FILE));
        try (FileIdentityStore store = FileIdentityStore.open(dir, curve, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom())) {
            if (existed) {
                err.println("identity in " + store.directory() + " already exists and is kept (" + store.curve()
                        + ")");
                if (args.has("--curve") && store.curve() != curve) {
                    err.println("note: --curve " + curve + " ignored: the existing identity is " + store.curve());
                }
            } else {
                err.println("created a new " + store.curve() + " identity in " + store.directory());
            }
            out.println(store.hit().toHex());
        }
        return OK;
    }
}
