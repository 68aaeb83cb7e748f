package org.sslskura.crypto;

/** FOLD(X, K) of HIP DEX: XOR of the K-bit segments of X, the last segment right-padded with zero bits. */
public final class Fold {
    private Fold() {
    }

    /**
     * @param input the bytes to fold
     * @param bits the output size K in bits, a positive multiple of 8
     * @return K/8 bytes
     */
    public static byte[] fold(byte[] input, int bits) {
        if (bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("bits must be a positive multiple of 8");
        }
        byte[] out = new byte[bits / 8];
        for (int i = 0; i < input.length; i++) {
            out[i % out.length] ^= input[i];
        }
        return out;
    }
}
