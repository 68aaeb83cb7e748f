package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.Cipher;

/**
 * Initialises a cipher whose provider refuses two consecutive inits with the same key and nonce (SunJCE does so for
 * GCM encryption and for every ChaCha20-Poly1305 init). Used only where a repeat is legitimate: opening a PDU again
 * after a forgery with its sequence number, or recomputing a tag. A different nonce is interposed first.
 */
final class RepeatableInit {
    private final Cipher cipher;
    private final Function<byte[], AlgorithmParameterSpec> params;
    private byte[] lastNonce = new byte[0];

    RepeatableInit(Cipher cipher, Function<byte[], AlgorithmParameterSpec> params) {
        this.cipher = cipher;
        this.params = params;
    }

    /** Initialises the cipher with {@code nonce}, interposing another nonce when it repeats the previous one. */
    Cipher init(int mode, Key key, byte[] nonce) throws GeneralSecurityException {
        if (Arrays.equals(nonce, lastNonce)) {
            byte[] other = nonce.clone();
            other[0] ^= 1;
            cipher.init(mode, key, params.apply(other));
        }
        cipher.init(mode, key, params.apply(nonce));
        lastNonce = nonce.clone();
        return cipher;
    }
}
