package org.sslskura.api;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * The device's own identity (an ECDH key pair whose private key never leaves the implementation) and the peers it
 * trusts. Peers are authorised by Host Identity; the HIT/HI binding is always recomputed.
 */
@ProviderType
public interface IdentityStore {

    /** @return our Host Identity (curve || public key) */
    HostIdentity hostIdentity();

    /** @return our HIT, folded from {@link #hostIdentity()} */
    default Hit hit() {
        return hostIdentity().hit();
    }

    /**
     * Static-static ECDH with our private key (Kij of HIP DEX), after validating the peer key.
     *
     * @param peer the peer's Host Identity; its curve must be ours
     * @return the shared secret; the caller wipes it after use
     * @throws InvalidKeyException if the peer key has another curve, the wrong length, small order, or gives an
     *         all-zero secret
     */
    byte[] agree(HostIdentity peer) throws InvalidKeyException;

    /**
     * Decides whether {@code peer} may complete a key exchange, under the configured {@link TrustPolicy}. With
     * trust-on-first-use an unknown peer is recorded and accepted; a different HI for an already recorded HIT is refused.
     *
     * @param peer the peer's HI as received
     * @param claimedHit the HIT the peer used in the packet header
     * @return the trusted peer, or empty if refused (including when {@code claimedHit} is not the fold of {@code peer})
     */
    Optional<TrustedPeer> authorize(HostIdentity peer, Hit claimedHit);

    /** @return the trusted peers known now (listed, configured and learned) */
    List<TrustedPeer> trustedPeers();

    /** @return the trusted peer with this HIT, if any */
    default Optional<TrustedPeer> peer(Hit hit) {
        return trustedPeers().stream().filter(p -> p.hit().equals(hit)).findFirst();
    }

    /** @return the trusted peer with this local name, if any */
    default Optional<TrustedPeer> peer(String name) {
        return trustedPeers().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return the policy in force */
    TrustPolicy trustPolicy();

    /**
     * Replaces our identity with a freshly generated one. The old key pair is archived in the identity directory,
     * never deleted. Existing sessions keep running until they are closed; new exchanges use the new identity.
     *
     * @return the new Host Identity
     * @throws IOException if the new key cannot be written; the old identity then stays in force
     */
    HostIdentity rotate() throws IOException;
}
