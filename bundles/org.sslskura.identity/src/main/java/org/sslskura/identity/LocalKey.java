package org.sslskura.identity;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import javax.security.auth.Destroyable;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.Xdh;
import org.sslskura.wire.hip.HostIdentity;

/**
 * Our ECDH key pair. The private key bytes live only here: there is no getter; {@link #agree} uses them and
 * {@link #destroy} overwrites them. Not thread-safe: {@link FileIdentityStore} guards it with its key lock.
 */
final class LocalKey implements Destroyable {
    private final EcdhCurve curve;
    private final byte[] privateKey;
    private final HostIdentity hostIdentity;
    private boolean destroyed;

    /** Takes ownership of {@code privateKey} (not copied; wiped by {@link #destroy}). */
    LocalKey(EcdhCurve curve, byte[] privateKey) {
        if (privateKey.length != curve.keyLength()) {
            throw new IllegalArgumentException(curve + " private keys are " + curve.keyLength() + " bytes");
        }
        this.curve = curve;
        this.privateKey = privateKey;
        this.hostIdentity = HostIdentity.of(curve.groupId(), Xdh.publicKey(curve, privateKey));
    }

    static LocalKey generate(EcdhCurve curve, SecureRandom random) {
        return new LocalKey(curve, Xdh.generatePrivateKey(curve, random));
    }

    EcdhCurve curve() {
        return curve;
    }

    HostIdentity hostIdentity() {
        return hostIdentity;
    }

    /**
     * @return the shared secret (the caller wipes it)
     * @throws InvalidKeyException on another curve, a wrong length, a small-order key or an all-zero secret
     */
    byte[] agree(HostIdentity peer) throws InvalidKeyException {
        checkAlive();
        if (peer.group() != curve.groupId()) {
            throw new InvalidKeyException("peer curve " + peer.curveLabel() + " is not our " + curve);
        }
        return Xdh.agree(curve, privateKey, peer.publicKey());
    }

    /** @return the private key file content (the caller wipes it after writing) */
    byte[] encodeKeyFile() {
        checkAlive();
        return KeyFile.encode(curve, privateKey, hostIdentity.publicKey());
    }

    @Override
    public void destroy() {
        Bytes.wipe(privateKey);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("the identity store is closed");
        }
    }

    @Override
    public String toString() {
        return "LocalKey[" + curve + ", " + hostIdentity.hit().toHex() + "]";
    }
}
