package org.sslskura.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.sslskura.crypto.Bytes;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.wire.hip.HostIdentity;

/** {@code ssls identity show}: the HIT, its IPv6 form, the curve and the public key. */
final class IdentityShowCommand extends Command {
    @Override
    String path() {
        return "identity show";
    }

    @Override
    String summary() {
        return "show the identity: HIT, public key, curve";
    }

    @Override
    String help() {
        return """
                usage: ssls identity show --dir D [--json]

                Shows the identity in D. With --json, one JSON object:
                  {"hit": 32 hex digits, "hit_ipv6": the HIT as IPv6, "curve": "X25519"|"X448",
                   "public_key": hex of the raw public key, "directory": the absolute directory}
                Give the public key to peers: ssls peers add --dir THEIR_DIR --public-key HEX --name NAME

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
            HostIdentity hi = store.hostIdentity();
            String key = Bytes.toHex(hi.publicKey());
            if (args.has("--json")) {
                out.println(Json.object().field("hit", hi.hit().toHex()).field("hit_ipv6", hi.hit().toIpv6())
                        .field("curve", Identities.curveName(hi)).field("public_key", key)
                        .field("directory", store.directory().toString()));
            } else {
                out.println("hit:        " + hi.hit().toHex());
                out.println("hit_ipv6:   " + hi.hit().toIpv6());
                out.println("curve:      " + Identities.curveName(hi));
                out.println("public_key: " + key);
                out.println("directory:  " + store.directory());
            }
        }
        return OK;
    }
}
