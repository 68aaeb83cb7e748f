package org.sslskura.identity;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
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

    /**
     * A configuration annotation instance as DS would build it: each method returns the property named by the method
     * (single '_' mapped to '.'), else the method's default.
     */
    static IdentityStoreConfig config(Map<String, Object> props) {
        return (IdentityStoreConfig) Proxy.newProxyInstance(IdentityStoreConfig.class.getClassLoader(),
                new Class<?>[] {IdentityStoreConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                            return "config" + props;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            String key = method.getName().replace('_', '.');
                            return props.containsKey(key) ? props.get(key) : method.getDefaultValue();
                    }
                });
    }
}
