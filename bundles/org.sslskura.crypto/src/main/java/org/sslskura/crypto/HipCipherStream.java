package org.sslskura.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sslskura.crypto.internal.Jca;

/**
 * HIP_CIPHER 5 (AES-128-CTR) as DEX uses it for ENCRYPTED_KEY: counter block = FOLD(#I || #J, 112) || 16-bit block
 * counter. One instance per sending direction: the block counter starts at 0 on first use and advances across every
 * parameter that direction encrypts (G7); it never wraps.
 */
public final class HipCipherStream implements AutoCloseable {
    /** Length of the per-exchange IV: FOLD(#I || #J, 112). */
    public static final int IV_LENGTH = 14;
    /** Blocks one direction may encrypt before a new base exchange is needed. */
    public static final int MAX_BLOCKS = 1 << 16;
    private static final int BLOCK = 16;

    private final SecretKeySpec key;
    private final byte[] counterBlock = new byte[BLOCK];
    private final Cipher ctr = Jca.cipher("AES/CTR/NoPadding");
    private int blocksUsed;
    private boolean closed;

    /**
     * @param key the sender's 16-byte HIP encryption key (copied)
     * @param iv FOLD(#I || #J, 112): 14 bytes
     */
    public HipCipherStream(byte[] key, byte[] iv) {
        if (key.length != 16 || iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("HIP_CIPHER needs a 16-byte key and a 14-byte IV");
        }
        this.key = new SecretKeySpec(key, "AES");
        System.arraycopy(iv, 0, counterBlock, 0, IV_LENGTH);
    }

    /** @return FOLD(#I || #J, 112) for the puzzle of an exchange */
    public static byte[] ivFor(byte[] puzzleI, byte[] puzzleJ) {
        byte[] ij = new byte[puzzleI.length + puzzleJ.length];
        System.arraycopy(puzzleI, 0, ij, 0, puzzleI.length);
        System.arraycopy(puzzleJ, 0, ij, puzzleI.length, puzzleJ.length);
        return Fold.fold(ij, IV_LENGTH * 8);
    }

    /**
     * Encrypts (or, identically, decrypts) the next parameter value of this direction.
     *
     * @throws IllegalStateException when the 16-bit block counter would wrap
     */
    public byte[] apply(byte[] in) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        int blocks = (in.length + BLOCK - 1) / BLOCK;
        if (blocks > MAX_BLOCKS - blocksUsed) {
            throw new IllegalStateException("HIP_CIPHER block counter exhausted: run a new base exchange");
        }
        counterBlock[14] = (byte) (blocksUsed >>> 8);
        counterBlock[15] = (byte) blocksUsed;
        blocksUsed += blocks;
        return transform(ctr, key, counterBlock, in);
    }

    /** @return 16-byte blocks consumed so far (the value to persist with the association) */
    public int blocksUsed() {
        return blocksUsed;
    }

    /** Plain AES-CTR over {@code in} from a full 16-byte initial counter block (RFC 3686 engine). */
    public static byte[] transform(byte[] key, byte[] counterBlock, byte[] in) {
        return transform(Jca.cipher("AES/CTR/NoPadding"), new SecretKeySpec(key, "AES"), counterBlock, in);
    }

    private static byte[] transform(Cipher ctr, SecretKeySpec key, byte[] counterBlock, byte[] in) {
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
            return ctr.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw Jca.unexpected(e);
        }
    }

    /** Drops the key; later use throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        java.util.Arrays.fill(counterBlock, (byte) 0);
    }
}
