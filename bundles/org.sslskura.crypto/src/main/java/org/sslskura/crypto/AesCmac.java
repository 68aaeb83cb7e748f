package org.sslskura.crypto;

import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.BadPaddingException;
import javax.crypto.spec.SecretKeySpec;
import org.sslskura.crypto.internal.ChainedCbcMac;
import org.sslskura.crypto.internal.Jca;

/**
 * AES-128-CMAC (RFC 4493, NIST SP 800-38B): the RHASH, HIP_MAC, CKDF and puzzle primitive of HIP DEX.
 * Incremental: {@link #update} any number of times, then {@link #doFinal}; the instance is then ready for the next
 * message. Not thread-safe; {@link #close()} wipes the key.
 */
public final class AesCmac implements AutoCloseable {
    /** Key and tag length in bytes. */
    public static final int LENGTH = 16;
    private static final int BLOCK = ChainedCbcMac.BLOCK;
    private static final int BUFFER = 1024;

    private final ChainedCbcMac cbcMac;
    private final byte[] k1 = new byte[BLOCK];
    private final byte[] k2 = new byte[BLOCK];
    private final byte[] buf = new byte[BUFFER];
    private int bufLen;
    private boolean closed;

    /** @param key a 16-byte AES key (copied) */
    public AesCmac(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("AES-CMAC needs a 16-byte key");
        }
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        cbcMac = new ChainedCbcMac(spec);
        byte[] l = new byte[BLOCK];
        try {
            Cipher ecb = Jca.aesEcbEncrypt(spec);
            l = ecb.doFinal(l);
        } catch (IllegalBlockSizeException | BadPaddingException e) {
            throw Jca.unexpected(e);
        }
        doubleBlock(l, k1);
        doubleBlock(k1, k2);
        Bytes.wipe(l);
        cbcMac.begin();
    }

    /** One-shot CMAC of the concatenation of {@code parts}. */
    public static byte[] compute(byte[] key, byte[]... parts) {
        try (AesCmac cmac = new AesCmac(key)) {
            return cmac.mac(parts);
        }
    }

    /** @return the CMAC of the concatenation of {@code parts} */
    public byte[] mac(byte[]... parts) {
        for (byte[] p : parts) {
            update(p, 0, p.length);
        }
        return doFinal();
    }

    /** Absorbs {@code in[off..off+len)}. */
    public AesCmac update(byte[] in, int off, int len) {
        checkOpen();
        Bytes.checkRange(in, off, len);
        while (len > 0) {
            if (bufLen == BUFFER) {
                cbcMac.absorbScratch(buf, 0, BUFFER); // more data follows, so none of these is the last block
                bufLen = 0;
            }
            int n = Math.min(len, BUFFER - bufLen);
            System.arraycopy(in, off, buf, bufLen, n);
            bufLen += n;
            off += n;
            len -= n;
        }
        return this;
    }

    /** Absorbs all of {@code in}. */
    public AesCmac update(byte[] in) {
        return update(in, 0, in.length);
    }

    /** Absorbs one byte. */
    public AesCmac update(int b) {
        return update(new byte[] {(byte) b}, 0, 1);
    }

    /** Writes the 16-byte tag to {@code out} at {@code outOff} and resets for the next message. */
    public void doFinal(byte[] out, int outOff) {
        checkOpen();
        Bytes.checkRange(out, outOff, LENGTH);
        int padded;
        byte[] subkey;
        if (bufLen > 0 && bufLen % BLOCK == 0) {
            padded = bufLen;
            subkey = k1;
        } else {
            padded = (bufLen / BLOCK + 1) * BLOCK;
            buf[bufLen] = (byte) 0x80;
            java.util.Arrays.fill(buf, bufLen + 1, padded, (byte) 0);
            subkey = k2;
        }
        for (int i = 0; i < BLOCK; i++) {
            buf[padded - BLOCK + i] ^= subkey[i];
        }
        cbcMac.absorbScratch(buf, 0, padded);
        System.arraycopy(cbcMac.value(), 0, out, outOff, LENGTH);
        bufLen = 0;
        cbcMac.begin();
    }

    /** @return the 16-byte tag; the instance is reset for the next message */
    public byte[] doFinal() {
        byte[] out = new byte[LENGTH];
        doFinal(out, 0);
        return out;
    }

    /** Wipes subkeys and buffers; later use throws {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Bytes.wipe(k1);
            Bytes.wipe(k2);
            Bytes.wipe(buf);
            cbcMac.wipe();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
    }

    /** Multiplication by x in GF(2^128) with the CMAC polynomial (Rb = 0x87). */
    private static void doubleBlock(byte[] in, byte[] out) {
        int carry = 0;
        for (int i = BLOCK - 1; i >= 0; i--) {
            int b = in[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        out[BLOCK - 1] ^= (byte) (0x87 & -carry);
    }
}
