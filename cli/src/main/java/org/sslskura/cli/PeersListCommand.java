package org.sslskura.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.identity.FileIdentityStore;

/** {@code ssls peers list}: the trusted peers. */
final class PeersListCommand extends Command {
    @Override
    String path() {
        return "peers list";
    }

    @Override
    String summary() {
        return "list the trusted peers";
    }

    @Override
    String help() {
        return """
                usage: ssls peers list --dir D [--json]

                Lists the peers D trusts (the peers file; with trust-on-first-use also the learned ones), one per
                line: name, HIT, curve, public key. With --json, one JSON array of objects
                {"name", "hit", "curve", "public_key", "source": "peers"|"learned"}.

                options:
                  --dir D          the identity directory
                  --json           print JSON instead of text
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--dir");
    }

    @Override
    Set<String> flags() {
        return Set.of("--json");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Identities.dir(args);
        try (FileIdentityStore store = Identities.openExisting(dir)) {
            List<TrustedPeer> file = store.filePeers();
            List<TrustedPeer> learned = store.learnedPeers();
            if (args.has("--json")) {
                StringBuilder b = new StringBuilder("[");
                for (TrustedPeer p : file) {
                    b.append(b.length() > 1 ? ", " : "").append(json(p, "peers"));
                }
                for (TrustedPeer p : learned) {
                    b.append(b.length() > 1 ? ", " : "").append(json(p, "learned"));
                }
                out.println(b.append(']'));
            } else {
                if (file.isEmpty() && learned.isEmpty()) {
                    err.println("no trusted peers in " + store.directory()
                            + " (add one with: ssls peers add --dir D --public-key HEX)");
                }
                for (TrustedPeer p : file) {
                    out.println(text(p, ""));
                }
                for (TrustedPeer p : learned) {
                    out.println(text(p, "  (learned)"));
                }
            }
        }
        return OK;
    }

    private static String json(TrustedPeer p, String source) {
        return Json.object().field("name", p.name()).field("hit", p.hit().toHex())
                .field("curve", Identities.curveName(p.hostIdentity()))
                .field("public_key", Bytes.toHex(p.hostIdentity().publicKey())).field("source", source).toString();
    }

    private static String text(TrustedPeer p, String suffix) {
        return String.format("%-16s %s %-6s %s%s", p.name().isEmpty() ? "-" : p.name(), p.hit().toHex(),
                Identities.curveName(p.hostIdentity()), Bytes.toHex(p.hostIdentity().publicKey()), suffix);
    }
}
