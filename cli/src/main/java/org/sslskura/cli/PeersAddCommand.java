package org.sslskura.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.sslskura.api.TrustedPeer;
import org.sslskura.identity.FileIdentityStore;

/** {@code ssls peers add}: trusts a peer by its public key. */
final class PeersAddCommand extends Command {
    @Override
    String path() {
        return "peers add";
    }

    @Override
    String summary() {
        return "trust a peer by its public key";
    }

    @Override
    String help() {
        return """
                usage: ssls peers add --dir D --public-key HEX [--name N]

                Adds a trusted peer to D/peers. HEX is the peer's raw public key as printed by its
                'ssls identity show' (64 hex digits for X25519, 112 for X448). Prints the peer's name and HIT.

                options:
                  --dir D          the identity directory
                  --public-key HEX the peer's public key
                  --name N         a local name (1 to 64 of A-Z a-z 0-9 . _ @ : + -);
                                   default: the first 8 hex digits of the peer's HIT that
                                   tell HITs apart (digits 9-16: the first 8 are always
                                   20010024, the ORCHIDv2 prefix and HIT suite)
                """;
    }

    @Override
    Set<String> valued() {
        return Set.of("--dir", "--public-key", "--name");
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Identities.dir(args);
        String hex = args.required("--public-key").trim();
        TrustedPeer parsed;
        try {
            parsed = FileIdentityStore.parsePeerEntry(hex);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --public-key: " + e.getMessage());
        }
        String name = args.get("--name").orElse(defaultName(parsed));
        try (FileIdentityStore store = Identities.openExisting(dir)) {
            if (parsed.hit().equals(store.hit())) {
                throw new CommandFailure("that is this identity's own public key");
            }
            TrustedPeer added;
            try {
                added = store.addPeer(name, parsed.hostIdentity());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            out.println("added " + added.name() + " " + added.hit().toHex());
        }
        return OK;
    }

    /**
     * @return the first 8 hex digits of the HIT after its fixed part: every HIT starts with the 28-bit ORCHIDv2
     *         prefix 2001:20::/28 and the 4-bit HIT suite, i.e. "20010024" for all our peers
     */
    static String defaultName(TrustedPeer peer) {
        return peer.hit().toHex().substring(8, 16);
    }
}
