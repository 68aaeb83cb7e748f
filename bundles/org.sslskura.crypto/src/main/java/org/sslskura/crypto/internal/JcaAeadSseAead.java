package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/**
 * Suites whose full-length tag the JDK computes and checks itself: 13 AES-128-GCM-16 and 0xFF01 ChaCha20-Poly1305.
 * The JDK verifies the tag before it releases any plaintext.
 */
final class JcaAeadSseAead extends AbstractSseAead {
    private final Cipher sealCipher;
    private final RepeatableInit openCipher;
    private final SecretKeySpec key;

    JcaAeadSseAead(SseSuite suite, byte[] keyMaterial) {
        super(suite, keyMaterial);
        byte[] k = keyOf(suite, keyMaterial);
        boolean gcm = suite == SseSuite.AES_GCM_16;
        key = new SecretKeySpec(k, gcm ? "AES" : "ChaCha20");
        Bytes.wipe(k);
        String transformation = gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
        sealCipher = Jca.cipher(transformation);
        openCipher = new RepeatableInit(Jca.cipher(transformation), this::params);
    }

    @Override
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        try {
            sealCipher.init(Cipher.ENCRYPT_MODE, key, params(nonce));
            sealCipher.updateAAD(aad, aadOff, aadLen);
            return sealCipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
            // the JDK refuses a repeated (key, nonce) for encryption: a caller reused a sequence number
            throw new IllegalStateException("sequence number reused under this key", e);
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    @Override
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        try {
            Cipher cipher = openCipher.init(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(aad, aadOff, aadLen);
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    private AlgorithmParameterSpec params(byte[] nonce) {
        return suite() == SseSuite.AES_GCM_16 ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }

    @Override
    void wipe() {
        // SecretKeySpec cannot be destroyed on Java 17; the JCA round keys are released to the GC.
        try {
            SecretKeySpec zero = new SecretKeySpec(new byte[suite().keyLength()], key.getAlgorithm());
            sealCipher.init(Cipher.DECRYPT_MODE, zero, params(new byte[suite().nonceLength()]));
            openCipher.init(Cipher.DECRYPT_MODE, zero, new byte[suite().nonceLength()]);
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }
}
