package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.sslskura.crypto.Bytes;

/**
 * AES-CCM (RFC 3610, NIST SP 800-38C) for any nonce length 7..13 and tag length 4..16 (even), on the JDK's AES:
 * the CBC-MAC on one never re-initialised AES/CBC cipher ({@link ChainedCbcMac}), the CTR keystream from one AES/ECB
 * call over the counter blocks. No {@code Cipher.init} per message. Not thread-safe.
 */
public final class AesCcm {
    private static final int BLOCK = 16;
    private static final int KEYSTREAM_CHUNK = 4096;

    private final int tagLength;
    private final ChainedCbcMac cbcMac;
    private final Cipher ecb;
    private final byte[] header = new byte[3 * BLOCK];
    private final byte[] counters = new byte[KEYSTREAM_CHUNK];
    private final byte[] keystream = new byte[KEYSTREAM_CHUNK];
    private final byte[] s0 = new byte[BLOCK];
    private final byte[] tail = new byte[BLOCK];
    private byte[] aadScratch = new byte[64];
    private byte[] plain = new byte[256];

    /**
     * @param key a 16-, 24- or 32-byte AES key (copied by the JCA)
     * @param tagLength the tag length M: 4, 6, 8, 10, 12, 14 or 16
     */
    public AesCcm(byte[] key, int tagLength) {
        if (tagLength < 4 || tagLength > 16 || tagLength % 2 != 0) {
            throw new IllegalArgumentException("CCM tag length must be even, 4..16");
        }
        this.tagLength = tagLength;
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        cbcMac = new ChainedCbcMac(spec);
        ecb = Jca.aesEcbEncrypt(spec);
    }

    /** @return the tag length M in bytes */
    public int tagLength() {
        return tagLength;
    }

    /**
     * Encrypts and writes ciphertext || tag. {@code out} may be {@code in} at the same offset.
     *
     * @return {@code inLen + tagLength}
     */
    public int encrypt(byte[] nonce, int nonceLen, byte[] aad, int aadOff, int aadLen,
                       byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        checkLengths(nonceLen, inLen);
        byte[] mac = cbcMac(nonce, nonceLen, aad, aadOff, aadLen, in, inOff, inLen);
        ctr(nonce, nonceLen, in, inOff, out, outOff, inLen);
        for (int i = 0; i < tagLength; i++) {
            out[outOff + inLen + i] = (byte) (mac[i] ^ s0[i]);
        }
        return inLen + tagLength;
    }

    /**
     * Verifies and decrypts ciphertext || tag; writes nothing to {@code out} unless the tag verifies.
     *
     * @return the plaintext length, or -1 if the input is shorter than a tag or the tag does not verify
     */
    public int decrypt(byte[] nonce, int nonceLen, byte[] aad, int aadOff, int aadLen,
                       byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (inLen < tagLength) {
            return -1;
        }
        int len = inLen - tagLength;
        checkLengths(nonceLen, len);
        if (plain.length < len) {
            Bytes.wipe(plain);
            plain = new byte[Math.max(len, 2 * plain.length)];
        }
        ctr(nonce, nonceLen, in, inOff, plain, 0, len);
        byte[] mac = cbcMac(nonce, nonceLen, aad, aadOff, aadLen, plain, 0, len);
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= (mac[i] ^ s0[i]) ^ in[inOff + len + i];
        }
        if (diff != 0) {
            return -1;
        }
        System.arraycopy(plain, 0, out, outOff, len);
        return len;
    }

    /** Wipes the scratch buffers and drops the key schedules as far as the JCA allows. */
    public void wipe() {
        cbcMac.wipe();
        Bytes.wipe(plain);
        Bytes.wipe(keystream);
        Bytes.wipe(s0);
        Bytes.wipe(aadScratch);
        Bytes.wipe(tail);
    }

    private void checkLengths(int nonceLen, int msgLen) {
        if (nonceLen < 7 || nonceLen > 13) {
            throw new IllegalArgumentException("CCM nonce length must be 7..13");
        }
        int q = 15 - nonceLen;
        if (q < 4 && msgLen >= (1 << (8 * q))) {
            throw new IllegalArgumentException("message too long for this CCM nonce length");
        }
    }

    /** CBC-MAC over B0 || encoded AAD || AAD padding || message padding (RFC 3610 §2.2). */
    private byte[] cbcMac(byte[] nonce, int nonceLen, byte[] aad, int aadOff, int aadLen,
                          byte[] msg, int msgOff, int msgLen) {
        int q = 15 - nonceLen;
        int aadHeader = aadLen == 0 ? 0 : aadLen < 0xFF00 ? 2 : 6;
        int first = BLOCK + roundUp(aadHeader + aadLen);
        byte[] b = first <= header.length ? header : growAad(first);
        Arrays.fill(b, 0, first, (byte) 0);
        b[0] = (byte) ((aadLen > 0 ? 0x40 : 0) | ((tagLength - 2) / 2) << 3 | (q - 1));
        System.arraycopy(nonce, 0, b, 1, nonceLen);
        for (int i = 0, v = msgLen; i < Math.min(q, 4); i++, v >>>= 8) {
            b[15 - i] = (byte) v;
        }
        if (aadHeader == 2) {
            b[16] = (byte) (aadLen >>> 8);
            b[17] = (byte) aadLen;
        } else if (aadHeader == 6) {
            b[16] = (byte) 0xFF;
            b[17] = (byte) 0xFE;
            for (int i = 0; i < 4; i++) {
                b[18 + i] = (byte) (aadLen >>> (24 - 8 * i));
            }
        }
        if (aadLen > 0) {
            System.arraycopy(aad, aadOff, b, BLOCK + aadHeader, aadLen);
        }
        cbcMac.begin();
        cbcMac.absorbScratch(b, 0, first);
        int whole = msgLen & ~(BLOCK - 1);
        if (whole > 0) {
            cbcMac.absorbReadOnly(msg, msgOff, whole);
        }
        if (whole < msgLen) {
            Arrays.fill(tail, (byte) 0);
            System.arraycopy(msg, msgOff + whole, tail, 0, msgLen - whole);
            cbcMac.absorbReadOnly(tail, 0, BLOCK);
        }
        return cbcMac.value();
    }

    /** S0 into {@link #s0}; the message XORed with S1, S2, ... into out. */
    private void ctr(byte[] nonce, int nonceLen, byte[] in, int inOff, byte[] out, int outOff, int len) {
        int q = 15 - nonceLen;
        int counter = 0;
        int done = -BLOCK; // the first keystream block is S0, for the tag
        try {
            while (done < len) {
                int blocks = Math.min(KEYSTREAM_CHUNK / BLOCK, (len - done + BLOCK - 1) / BLOCK);
                for (int j = 0; j < blocks; j++, counter++) {
                    int p = j * BLOCK;
                    Arrays.fill(counters, p, p + BLOCK, (byte) 0);
                    counters[p] = (byte) (q - 1);
                    System.arraycopy(nonce, 0, counters, p + 1, nonceLen);
                    for (int i = 0, v = counter; i < Math.min(q, 4); i++, v >>>= 8) {
                        counters[p + 15 - i] = (byte) v;
                    }
                }
                ecb.update(counters, 0, blocks * BLOCK, keystream, 0);
                int ksOff = 0;
                if (done < 0) {
                    System.arraycopy(keystream, 0, s0, 0, BLOCK);
                    ksOff = BLOCK;
                    done = 0;
                }
                int n = Math.min(blocks * BLOCK - ksOff, len - done);
                XorKeystream.xor(in, inOff + done, keystream, ksOff, out, outOff + done, n);
                done += n;
            }
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    private byte[] growAad(int size) {
        if (aadScratch.length < size) {
            aadScratch = new byte[size];
        }
        return aadScratch;
    }

    private static int roundUp(int n) {
        return (n + BLOCK - 1) & ~(BLOCK - 1);
    }
}
