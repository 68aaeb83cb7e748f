package org.sslskura.crypto.internal;

import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/** Suites 10 and 11: AES-128-CCM with an 11-byte nonce (L = 4) and M = 8 or 16. */
final class CcmSseAead extends AbstractSseAead {
    private final AesCcm ccm;

    CcmSseAead(SseSuite suite, byte[] keyMaterial) {
        super(suite, keyMaterial);
        byte[] key = keyOf(suite, keyMaterial);
        ccm = new AesCcm(key, suite.tagLength());
        Bytes.wipe(key);
    }

    @Override
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return ccm.encrypt(nonce, nonce.length, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return ccm.decrypt(nonce, nonce.length, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    void wipe() {
        ccm.wipe();
    }
}
