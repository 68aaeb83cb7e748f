package org.sslskura.crypto.internal;

import org.sslskura.crypto.AesCmac;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/**
 * Suite 14, AES-CMAC-96, integrity only (decisions §6.3): the payload stays in clear and the ICV is the first 12 bytes
 * of AES-CMAC(key, header-as-sent || payload). No nonce.
 */
final class CmacSseAead extends AbstractSseAead {
    private final AesCmac cmac;
    private final byte[] tag = new byte[AesCmac.LENGTH];

    CmacSseAead(SseSuite suite, byte[] keyMaterial) {
        super(suite, keyMaterial);
        byte[] k = keyOf(suite, keyMaterial);
        cmac = new AesCmac(k);
        Bytes.wipe(k);
    }

    @Override
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        computeTag(aad, aadOff, aadLen, in, inOff, inLen);
        System.arraycopy(in, inOff, out, outOff, inLen);
        System.arraycopy(tag, 0, out, outOff + inLen, suite().tagLength());
        return inLen + suite().tagLength();
    }

    @Override
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        int len = inLen - suite().tagLength();
        computeTag(aad, aadOff, aadLen, in, inOff, len);
        if (!Bytes.constantTimeEquals(tag, 0, in, inOff + len, suite().tagLength())) {
            return -1;
        }
        System.arraycopy(in, inOff, out, outOff, len);
        return len;
    }

    private void computeTag(byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len) {
        cmac.update(aad, aadOff, aadLen).update(in, inOff, len).doFinal(tag, 0);
    }

    @Override
    void wipe() {
        cmac.close();
        Bytes.wipe(tag);
    }
}
