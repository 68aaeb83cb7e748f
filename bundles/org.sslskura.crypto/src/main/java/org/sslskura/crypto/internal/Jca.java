package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Obtains JCA ciphers from SunJCE by name: with Bouncy Castle registered first (as on Kura), a plain
 * {@code getInstance} would silently return its pure-Java AES and lose the JDK's AES intrinsics.
 */
public final class Jca {
    private static final String SUN_JCE = "SunJCE";

    private Jca() {
    }

    /** @return a new cipher for the transformation, from SunJCE where present */
    public static Cipher cipher(String transformation) {
        try {
            try {
                return Cipher.getInstance(transformation, SUN_JCE);
            } catch (NoSuchProviderException e) {
                return Cipher.getInstance(transformation);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA transformation unavailable: " + transformation, e);
        }
    }

    /** @return an AES cipher in the given mode, initialised for encryption without an IV (ECB) */
    public static Cipher aesEcbEncrypt(SecretKeySpec key) {
        Cipher c = cipher("AES/ECB/NoPadding");
        try {
            c.init(Cipher.ENCRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad AES key", e);
        }
        return c;
    }

    /** Wraps an unexpected JCA failure (a bug or a broken provider, never bad input). */
    public static IllegalStateException unexpected(GeneralSecurityException e) {
        return new IllegalStateException("JCA failure", e);
    }
}
