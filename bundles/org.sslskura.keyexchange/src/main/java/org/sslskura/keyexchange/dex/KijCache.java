package org.sslskura.keyexchange.dex;

import java.security.InvalidKeyException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * Kij of trusted peers (decisions §6.14): static-static ECDH gives the same value for a pair of Host Identities, so a
 * trusted peer costs one scalar multiplication per local identity, and a replayed or forged I2 in its name costs
 * only CMACs. Only a HI that the identity store trusts at the time is cached or served; an entry whose peer is no
 * longer trusted, or that was computed with a replaced local identity, is wiped. At most {@link #MAX_ENTRIES} are
 * kept (least recently used evicted and wiped).
 */
final class KijCache implements AutoCloseable {
    /** Cached peers at most. */
    static final int MAX_ENTRIES = 1024;

    private final LinkedHashMap<HostIdentity, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private Hit localHit;
    private long scalarMultiplications;

    /**
     * @return a fresh copy of Kij for {@code peer} (the caller wipes it), from the cache if the peer is trusted
     * @throws InvalidKeyException if the peer's public key fails validation
     */
    byte[] agree(IdentityStore identity, HostIdentity peer) throws InvalidKeyException {
        if (!identity.hit().equals(localHit)) {
            clear(); // our key pair changed: every cached value is stale
            localHit = identity.hit();
        }
        boolean trusted = trusted(identity, peer);
        byte[] cached = cache.get(peer);
        if (cached != null) {
            if (trusted) {
                return cached.clone();
            }
            Bytes.wipe(cache.remove(peer));
        }
        scalarMultiplications++;
        byte[] kij = identity.agree(peer);
        if (trusted) {
            if (cache.size() >= MAX_ENTRIES) {
                Iterator<Map.Entry<HostIdentity, byte[]>> eldest = cache.entrySet().iterator();
                Bytes.wipe(eldest.next().getValue());
                eldest.remove();
            }
            cache.put(peer, kij.clone());
        }
        return kij;
    }

    /** @return true if Kij for {@code peer} is cached and the peer is still trusted (no ECDH needed) */
    boolean has(IdentityStore identity, HostIdentity peer) {
        return identity.hit().equals(localHit) && cache.containsKey(peer) && trusted(identity, peer);
    }

    /** Wipes the entries of peers no longer trusted (after a change of the trusted list or policy). */
    void retainTrusted(IdentityStore identity) {
        Iterator<Map.Entry<HostIdentity, byte[]>> it = cache.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<HostIdentity, byte[]> e = it.next();
            if (!identity.hit().equals(localHit) || !trusted(identity, e.getKey())) {
                Bytes.wipe(e.getValue());
                it.remove();
            }
        }
    }

    /** @return how many X25519/X448 agreements ran */
    long scalarMultiplications() {
        return scalarMultiplications;
    }

    /** @return how many peers are cached */
    int size() {
        return cache.size();
    }

    private static boolean trusted(IdentityStore identity, HostIdentity peer) {
        Optional<TrustedPeer> p = identity.peer(peer.hit());
        return p.isPresent() && p.get().hostIdentity().equals(peer);
    }

    private void clear() {
        cache.values().forEach(Bytes::wipe);
        cache.clear();
    }

    @Override
    public void close() {
        clear();
    }
}
