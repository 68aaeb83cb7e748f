package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4493 §4 examples, and incremental use against one-shot use. */
class AesCmacRfc4493Test {
    private static final byte[] KEY = Bytes.fromHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] M = Bytes.fromHex("6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710");

    @ParameterizedTest
    @CsvSource({
        "0,  bb1d6929e95937287fa37d129b756746",
        "16, 070a16b46b4d4144f79bdd9dd04a287c",
        "40, dfa66747de9ae63030ca32611497c827",
        "64, 51f0bebf7e3b9d92fc49741779363cfe"})
    void rfc4493Examples(int length, String tag) {
        assertArrayEquals(Bytes.fromHex(tag), AesCmac.compute(KEY, Arrays.copyOf(M, length)));
    }

    @Test
    void instanceIsReusableAndIncrementalMatchesOneShot() {
        Random random = new Random(4493);
        try (AesCmac cmac = new AesCmac(KEY)) {
            for (int len = 0; len < 3000; len += 1 + random.nextInt(97)) {
                byte[] msg = new byte[len];
                random.nextBytes(msg);
                byte[] oneShot = AesCmac.compute(KEY, msg);
                int split = random.nextInt(len + 1);
                cmac.update(msg, 0, split).update(msg, split, len - split);
                assertArrayEquals(oneShot, cmac.doFinal(), "length " + len);
            }
        }
    }

    @Test
    void rejectsWrongKeyLengthAndUseAfterClose() {
        assertThrows(IllegalArgumentException.class, () -> new AesCmac(new byte[24]));
        AesCmac cmac = new AesCmac(KEY);
        cmac.close();
        assertThrows(IllegalStateException.class, () -> cmac.update(new byte[1]));
    }
}
