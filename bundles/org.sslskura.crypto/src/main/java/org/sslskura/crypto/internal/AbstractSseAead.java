package org.sslskura.crypto.internal;

import org.sslskura.crypto.AuthenticationException;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseAead;
import org.sslskura.crypto.SseSuite;

/**
 * What every suite shares: splitting key || salt, the nonce salt || seq64 (decisions §2.3), bounds checks and the
 * closed state. Subclasses implement the cipher on a ready nonce.
 */
abstract class AbstractSseAead implements SseAead {
    private final SseSuite suite;
    private final byte[] nonce;
    private boolean closed;

    AbstractSseAead(SseSuite suite, byte[] keyMaterial) {
        if (keyMaterial == null || keyMaterial.length != suite.keyMaterialLength()) {
            throw new IllegalArgumentException(suite + " needs " + suite.keyMaterialLength() + " bytes of key material");
        }
        this.suite = suite;
        this.nonce = new byte[suite.nonceLength()];
        System.arraycopy(keyMaterial, suite.keyLength(), nonce, 0, suite.saltLength());
    }

    /** @return a fresh copy of the key part of the key material (the caller wipes it after use) */
    static byte[] keyOf(SseSuite suite, byte[] keyMaterial) {
        return java.util.Arrays.copyOf(keyMaterial, suite.keyLength());
    }

    @Override
    public final SseSuite suite() {
        return suite;
    }

    @Override
    public final int seal(long seq, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                          byte[] out, int outOff) {
        checkOpen();
        Bytes.checkRange(aad, aadOff, aadLen);
        Bytes.checkRange(in, inOff, inLen);
        Bytes.checkRange(out, outOff, inLen + suite.tagLength());
        return seal(nonce(seq), aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public final int open(long seq, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                          byte[] out, int outOff) throws AuthenticationException {
        checkOpen();
        Bytes.checkRange(aad, aadOff, aadLen);
        Bytes.checkRange(in, inOff, inLen);
        if (inLen < suite.tagLength()) {
            throw new AuthenticationException("input shorter than the tag");
        }
        Bytes.checkRange(out, outOff, inLen - suite.tagLength());
        int n = open(nonce(seq), aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
        if (n < 0) {
            throw new AuthenticationException("tag mismatch");
        }
        return n;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            Bytes.wipe(nonce);
            wipe();
        }
    }

    /** Seals with a ready nonce; returns bytes written. */
    abstract int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                      byte[] out, int outOff);

    /** Opens with a ready nonce; returns the plaintext length or -1 if the tag does not verify. */
    abstract int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                      byte[] out, int outOff);

    /** Wipes the suite's key state. */
    abstract void wipe();

    private byte[] nonce(long seq) {
        if (nonce.length > 0) {
            Bytes.putLong(nonce, nonce.length - Long.BYTES, seq);
        }
        return nonce;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
    }
}
