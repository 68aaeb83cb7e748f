package org.sslskura.crypto;

import java.nio.charset.StandardCharsets;

/**
 * CKDF: HKDF with AES-CMAC in place of HMAC (draft-agl-ckdf-01), and the HIP DEX form of it (draft-ietf-hip-dex-24
 * §6.3), which appends sortHITs and a label to the Extract input and to the Expand info.
 */
public final class Ckdf {
    /** Largest Expand output: 255 blocks. */
    public static final int MAX_OUTPUT = 255 * AesCmac.LENGTH;
    private static final byte[] EXTRACT_LABEL = "CKDF-Extract".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXPAND_LABEL = "CKDF-Expand".getBytes(StandardCharsets.US_ASCII);
    private static final int HIT_LENGTH = 16;

    private Ckdf() {
    }

    /** draft-agl-ckdf-01 Extract: PRK = CMAC(salt, ikm). */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        return AesCmac.compute(salt, ikm);
    }

    /** draft-agl-ckdf-01 Expand: T(n) = CMAC(PRK, T(n-1) || info || n); the first {@code length} bytes. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > MAX_OUTPUT) {
            throw new IllegalArgumentException("CKDF output length must be 0.." + MAX_OUTPUT);
        }
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        try (AesCmac cmac = new AesCmac(prk)) {
            for (int n = 1, done = 0; done < length; n++) {
                cmac.update(t).update(info).update(n);
                Bytes.wipe(t);
                t = cmac.doFinal();
                int take = Math.min(t.length, length - done);
                System.arraycopy(t, 0, okm, done, take);
                done += take;
            }
        } finally {
            Bytes.wipe(t);
        }
        return okm;
    }

    /** DEX Extract: PRK = CMAC(key = #I, IKM || sortHITs || "CKDF-Extract"). */
    public static byte[] dexExtract(byte[] puzzleI, byte[] ikm, byte[] sortedHits) {
        checkSortedHits(sortedHits);
        try (AesCmac cmac = new AesCmac(puzzleI)) {
            return cmac.mac(ikm, sortedHits, EXTRACT_LABEL);
        }
    }

    /** DEX Expand: CKDF Expand with info = sortHITs || "CKDF-Expand". */
    public static byte[] dexExpand(byte[] prk, byte[] sortedHits, int length) {
        checkSortedHits(sortedHits);
        byte[] info = new byte[sortedHits.length + EXPAND_LABEL.length];
        System.arraycopy(sortedHits, 0, info, 0, sortedHits.length);
        System.arraycopy(EXPAND_LABEL, 0, info, sortedHits.length, EXPAND_LABEL.length);
        return expand(prk, info, length);
    }

    /** @return min(a, b) || max(a, b) as unsigned 128-bit big-endian numbers (DEX sortHITs) */
    public static byte[] sortHits(byte[] hitA, byte[] hitB) {
        if (hitA.length != HIT_LENGTH || hitB.length != HIT_LENGTH) {
            throw new IllegalArgumentException("HITs are 16 bytes");
        }
        boolean aFirst = java.util.Arrays.compareUnsigned(hitA, hitB) <= 0;
        byte[] out = new byte[2 * HIT_LENGTH];
        System.arraycopy(aFirst ? hitA : hitB, 0, out, 0, HIT_LENGTH);
        System.arraycopy(aFirst ? hitB : hitA, 0, out, HIT_LENGTH, HIT_LENGTH);
        return out;
    }

    private static void checkSortedHits(byte[] sortedHits) {
        if (sortedHits.length != 2 * HIT_LENGTH) {
            throw new IllegalArgumentException("sortHITs is 32 bytes");
        }
    }
}
