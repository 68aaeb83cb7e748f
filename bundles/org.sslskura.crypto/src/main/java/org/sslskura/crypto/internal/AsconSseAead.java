package org.sslskura.crypto.internal;

import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/** Suite 0xFF02: Ascon-AEAD128 (NIST SP 800-232) with a 16-byte nonce = salt(8) || seq64. */
final class AsconSseAead extends AbstractSseAead {
    private final AsconAead128 ascon;

    AsconSseAead(SseSuite suite, byte[] keyMaterial) {
        super(suite, keyMaterial);
        byte[] k = keyOf(suite, keyMaterial);
        ascon = new AsconAead128(k);
        Bytes.wipe(k);
    }

    @Override
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return ascon.encrypt(nonce, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return ascon.decrypt(nonce, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    void wipe() {
        ascon.wipe();
    }
}
