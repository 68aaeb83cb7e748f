package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/**
 * Suite 12: AES-128-GCM with the tag truncated to its first 8 bytes (decisions §6.2). SunJCE will not verify tags
 * shorter than 12 bytes, so open recomputes the full tag: decrypt with AES-CTR from counter 2 (GCM's J0 + 1), then
 * GCM-encrypt that plaintext again and compare the first 8 tag bytes in constant time. The plaintext stays in scratch
 * until the tag verifies.
 */
final class Gcm8SseAead extends AbstractSseAead {
    private static final int FULL_TAG = 16;
    private static final int TAG = 8;

    private final SecretKeySpec key;
    private final Cipher gcm = Jca.cipher("AES/GCM/NoPadding");
    private final RepeatableInit tagGcm = new RepeatableInit(Jca.cipher("AES/GCM/NoPadding"),
            nonce -> new GCMParameterSpec(128, nonce));
    private final Cipher ctr = Jca.cipher("AES/CTR/NoPadding");
    private final byte[] counterBlock = new byte[16];
    private byte[] scratch = new byte[256];
    private byte[] plain = new byte[256];

    Gcm8SseAead(SseSuite suite, byte[] keyMaterial) {
        super(suite, keyMaterial);
        byte[] k = keyOf(suite, keyMaterial);
        key = new SecretKeySpec(k, "AES");
        Bytes.wipe(k);
    }

    @Override
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad, aadOff, aadLen);
            byte[] full = scratch(inLen + FULL_TAG);
            gcm.doFinal(in, inOff, inLen, full, 0);
            System.arraycopy(full, 0, out, outOff, inLen + TAG);
            return inLen + TAG;
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("sequence number reused under this key", e);
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    @Override
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        int len = inLen - TAG;
        try {
            System.arraycopy(nonce, 0, counterBlock, 0, 12);
            counterBlock[12] = 0;
            counterBlock[13] = 0;
            counterBlock[14] = 0;
            counterBlock[15] = 2;
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
            if (plain.length < len) {
                Bytes.wipe(plain);
                plain = new byte[Math.max(len, 2 * plain.length)];
            }
            ctr.doFinal(in, inOff, len, plain, 0);
            Cipher tagCipher = tagGcm.init(Cipher.ENCRYPT_MODE, key, nonce);
            tagCipher.updateAAD(aad, aadOff, aadLen);
            byte[] full = scratch(len + FULL_TAG);
            tagCipher.doFinal(plain, 0, len, full, 0);
            if (!Bytes.constantTimeEquals(full, len, in, inOff + len, TAG)) {
                return -1;
            }
            System.arraycopy(plain, 0, out, outOff, len);
            return len;
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, 2 * scratch.length)];
        }
        return scratch;
    }

    @Override
    void wipe() {
        Bytes.wipe(plain);
        Bytes.wipe(scratch);
        Bytes.wipe(counterBlock);
    }
}
