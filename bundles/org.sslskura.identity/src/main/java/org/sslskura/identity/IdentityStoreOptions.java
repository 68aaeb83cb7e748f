package org.sslskura.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;

/**
 * The validated, immutable form of {@link IdentityStoreConfig}.
 *
 * @param directory the identity directory, or null for the state directory's folder {@code identity}
 * @param curve the curve for new keys
 * @param policy the trust policy
 * @param peers the configured trusted peers
 */
record IdentityStoreOptions(Path directory, EcdhCurve curve, TrustPolicy policy, List<TrustedPeer> peers) {
    /** Configuration value of {@link TrustPolicy#ALLOWLIST}. */
    static final String ALLOWLIST = "allowlist";
    /** Configuration value of {@link TrustPolicy#TRUST_ON_FIRST_USE}. */
    static final String TRUST_ON_FIRST_USE = "trust-on-first-use";

    IdentityStoreOptions {
        peers = List.copyOf(peers);
    }

    /** @throws IllegalArgumentException naming the property and the bad value */
    static IdentityStoreOptions from(IdentityStoreConfig config) {
        String dir = config.identity_directory() == null ? "" : config.identity_directory().strip();
        return new IdentityStoreOptions(dir.isEmpty() ? null : Path.of(dir), curve(config.identity_curve()),
                policy(config.trust_policy()), peers(config.trusted_peers()));
    }

    private static EcdhCurve curve(String value) {
        String v = value == null ? "" : value.strip();
        for (EcdhCurve c : EcdhCurve.values()) {
            if (c.jcaName().equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException("identity.curve '" + PeerList.printable(v) + "': expected X25519 or X448");
    }

    private static TrustPolicy policy(String value) {
        switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case ALLOWLIST:
                return TrustPolicy.ALLOWLIST;
            case TRUST_ON_FIRST_USE:
                return TrustPolicy.TRUST_ON_FIRST_USE;
            default:
                throw new IllegalArgumentException("trust.policy '" + PeerList.printable(String.valueOf(value))
                        + "': expected " + ALLOWLIST + " or " + TRUST_ON_FIRST_USE);
        }
    }

    private static List<TrustedPeer> peers(String[] entries) {
        List<TrustedPeer> peers = new ArrayList<>();
        if (entries != null) {
            for (String e : entries) {
                if (e != null && !e.isBlank()) {
                    try {
                        peers.add(PeerList.parseConfigEntry(e));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("trusted.peers: " + ex.getMessage(), ex);
                    }
                }
            }
        }
        try {
            PeerList.checkUnique(peers);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("trusted.peers: " + ex.getMessage(), ex);
        }
        return peers;
    }

    @Override
    public String toString() {
        return "directory=" + (directory == null ? "<state directory>/identity" : directory) + ", curve=" + curve + ", policy="
                + policy + ", " + peers.size() + " configured peers";
    }
}
