package org.sslskura.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zero-IV CBC-MAC over a sequence of whole blocks on one AES/CBC cipher that is never re-initialised:
 * {@code Cipher.init} costs more than MACing a short message. The cipher's chaining register still holds the last
 * output block of the previous message, so XOR-ing that block into the first input block cancels it.
 * Shared by CMAC and CCM. Not thread-safe.
 */
public final class ChainedCbcMac {
    public static final int BLOCK = 16;
    private static final int CHUNK = 4096;

    private final Cipher cbc;
    private final byte[] chain = new byte[BLOCK];
    private final byte[] sink = new byte[CHUNK];
    private boolean first;

    public ChainedCbcMac(SecretKeySpec key) {
        cbc = Jca.cipher("AES/CBC/NoPadding");
        try {
            cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[BLOCK]));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("bad AES key", e);
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    /** Starts a new MAC computation. */
    public void begin() {
        first = true;
    }

    /**
     * Absorbs whole blocks. The first block of a message is modified in place to cancel the chaining value,
     * so {@code buf} must be scratch the caller owns.
     */
    public void absorbScratch(byte[] buf, int off, int len) {
        if (len == 0) {
            return;
        }
        if (first) {
            for (int i = 0; i < BLOCK; i++) {
                buf[off + i] ^= chain[i];
            }
            first = false;
        }
        absorbChained(buf, off, len);
    }

    /**
     * Absorbs whole blocks from a buffer that must not be modified. The first block of a message must have gone
     * through {@link #absorbScratch} already.
     */
    public void absorbReadOnly(byte[] buf, int off, int len) {
        if (first) {
            throw new IllegalStateException("first block must come from scratch");
        }
        absorbChained(buf, off, len);
    }

    private void absorbChained(byte[] buf, int off, int len) {
        try {
            while (len > 0) {
                int n = Math.min(len, CHUNK);
                cbc.update(buf, off, n, sink, 0);
                System.arraycopy(sink, n - BLOCK, chain, 0, BLOCK);
                off += n;
                len -= n;
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the running MAC value (valid after at least one block): the last CBC output block */
    public byte[] value() {
        return chain;
    }

    /** Drops the key schedule reference as far as JCA allows. */
    public void wipe() {
        try {
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[BLOCK], "AES"), new IvParameterSpec(new byte[BLOCK]));
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
        java.util.Arrays.fill(chain, (byte) 0);
        java.util.Arrays.fill(sink, (byte) 0);
    }
}
