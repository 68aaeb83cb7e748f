package org.sslskura.identity;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.testing.ComponentConfigs;
import org.sslskura.wire.hip.HostIdentity;

/** Shared helpers of the identity tests. */
final class TestStores {
    private TestStores() {
    }

    static FileIdentityStore open(Path dir) throws IdentityException {
        return open(dir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of());
    }

    static FileIdentityStore open(Path dir, EcdhCurve curve, TrustPolicy policy, List<TrustedPeer> peers)
            throws IdentityException {
        return FileIdentityStore.open(dir, curve, policy, peers, new SecureRandom());
    }

    /** A random valid public key of {@code curve}, as its Host Identity. */
    static HostIdentity randomPeer(EcdhCurve curve) {
        LocalKey k = LocalKey.generate(curve, new SecureRandom());
        k.destroy();
        return k.hostIdentity();
    }

    /** A configuration annotation instance as DS would build it (see {@link ComponentConfigs}). */
    static IdentityStoreConfig config(Map<String, Object> props) {
        return ComponentConfigs.of(IdentityStoreConfig.class, props);
    }
}
