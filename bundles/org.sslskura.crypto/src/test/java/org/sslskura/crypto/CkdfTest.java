package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CKDF against draft-agl-ckdf-01 §3, and the DEX labels and HIT sorting. */
class CkdfTest {
    private static final byte[] RFC4493_KEY = Bytes.fromHex("2b7e151628aed2a6abf7158809cf4f3c");

    @Test
    void extractVectors() {
        assertArrayEquals(Bytes.fromHex("bb1d6929e95937287fa37d129b756746"), Ckdf.extract(RFC4493_KEY, new byte[0]));
        assertArrayEquals(Bytes.fromHex("070a16b46b4d4144f79bdd9dd04a287c"),
                Ckdf.extract(RFC4493_KEY, Bytes.fromHex("6bc1bee22e409f96e93d7e117393172a")));
        assertArrayEquals(Bytes.fromHex("6f79b401ea761a0100b7ca60c178b69d"),
                Ckdf.extract(new byte[16], "secret key".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void expandVectors() {
        byte[] prk = Bytes.fromHex("6f79b401ea761a0100b7ca60c178b69d");
        assertArrayEquals(Bytes.fromHex("922da31d7e1955f06a56464b5feb70328f7e6f60aaea5735c2772e3317d0a288"),
                Ckdf.expand(prk, new byte[0], 32));
        byte[] long256 = Ckdf.expand(prk, "info string".getBytes(StandardCharsets.US_ASCII), 256);
        assertArrayEquals(Bytes.fromHex("6174e67212e1234b6e05bfd31043422cdf1e34cd29ee09f5bd5edb90db39dcd4"),
                Arrays.copyOf(long256, 32));
    }

    @Test
    void expandIsPrefixConsistentAndBounded() {
        byte[] prk = Bytes.fromHex("6f79b401ea761a0100b7ca60c178b69d");
        byte[] full = Ckdf.expand(prk, new byte[3], Ckdf.MAX_OUTPUT);
        assertArrayEquals(Arrays.copyOf(full, 37), Ckdf.expand(prk, new byte[3], 37));
        assertThrows(IllegalArgumentException.class, () -> Ckdf.expand(prk, new byte[0], Ckdf.MAX_OUTPUT + 1));
    }

    @Test
    void dexFormsAppendSortedHitsAndLabels() {
        byte[] hitLow = Bytes.fromHex("2001002437bd0ce6b977a28977cd274a");
        byte[] hitHigh = Bytes.fromHex("200100244dbdd676d8d0e7b5494e2228");
        byte[] sorted = Ckdf.sortHits(hitHigh, hitLow);
        assertArrayEquals(Bytes.fromHex("2001002437bd0ce6b977a28977cd274a200100244dbdd676d8d0e7b5494e2228"), sorted);
        assertArrayEquals(sorted, Ckdf.sortHits(hitLow, hitHigh));

        byte[] salt = new byte[16];
        byte[] ikm = Bytes.fromHex("0102");
        byte[] label = "CKDF-Extract".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = AesCmac.compute(salt, ikm, sorted, label);
        assertArrayEquals(expected, Ckdf.dexExtract(salt, ikm, sorted));

        byte[] info = new byte[32 + 11];
        System.arraycopy(sorted, 0, info, 0, 32);
        System.arraycopy("CKDF-Expand".getBytes(StandardCharsets.US_ASCII), 0, info, 32, 11);
        assertArrayEquals(Ckdf.expand(expected, info, 64), Ckdf.dexExpand(expected, sorted, 64));
    }
}
