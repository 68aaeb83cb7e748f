package org.sslskura.kura.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.TrustedPeer;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;

/** Peers named in configuration: a trusted peer's local name, or a HIT as 32 hex digits. */
final class Peers {
    private Peers() {
    }

    static boolean isHit(String entry) {
        return entry.length() == 32 && entry.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /**
     * @param identity the identity store, for names (may be null when only HITs are given)
     * @return the HITs
     * @throws IllegalArgumentException if a name is not a trusted peer
     */
    static List<Hit> resolve(IdentityStore identity, List<String> entries) {
        List<Hit> out = new ArrayList<>();
        for (String e : entries) {
            if (isHit(e)) {
                try {
                    out.add(Hit.parseHex(e.toLowerCase(Locale.ROOT)));
                } catch (WireException ex) {
                    throw new IllegalArgumentException("'" + e + "' is not a HIT: " + ex.getMessage(), ex);
                }
            } else {
                Optional<TrustedPeer> peer = identity == null ? Optional.empty() : identity.peer(e);
                out.add(peer.orElseThrow(() -> new IllegalArgumentException("no trusted peer named '" + e + "'"))
                        .hit());
            }
        }
        return out;
    }

    /** @return true if {@code from} is one of {@code entries} (by HIT, or by the name of its trusted peer) */
    static boolean contains(IdentityStore identity, List<String> entries, Hit from) {
        String hex = from.toHex();
        Optional<String> name = identity == null ? Optional.empty() : identity.peer(from).map(TrustedPeer::name);
        for (String e : entries) {
            if (isHit(e) ? e.equalsIgnoreCase(hex) : name.filter(e::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
