package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sslskura.crypto.WycheproofVectors.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wycheproof {@code aes_cmac_test.json} against {@link AesCmac} (AES-128 only).
 * <ul>
 * <li>128-bit keys (21 valid, 81 invalid "ModifiedTag"): the tag must equal the first {@code tag.length} bytes of our
 * CMAC (valid) or differ from them (invalid); valid cases are also computed incrementally in two pieces.</li>
 * <li>every other key size (0, 8, 64, 160, 192, 256, 320 bits; 208 cases, valid and invalid alike): the constructor
 * must throw {@link IllegalArgumentException}, since AesCmac is AES-128 only.</li>
 * </ul>
 * No case is skipped; the file has no {@code acceptable} case.
 */
class AesCmacWycheproofTest {
    private static final String FILE = "aes_cmac_test.json";

    @TestFactory
    List<DynamicTest> wycheproof() {
        JsonNode root = WycheproofVectors.load(FILE);
        assertEquals("AES-CMAC", root.get("algorithm").asText());
        WycheproofVectors.Tally tally = new WycheproofVectors.Tally(FILE, root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            int keySize = group.get("keySize").asInt();
            for (JsonNode t : group.get("tests")) {
                String result = t.get("result").asText();
                tests.add(DynamicTest.dynamicTest(WycheproofVectors.name(t) + " key " + keySize + " bits", () -> {
                    byte[] key = hex(t, "key");
                    byte[] msg = hex(t, "msg");
                    byte[] tag = hex(t, "tag");
                    assertEquals(keySize, key.length * 8);
                    if (keySize != 128) {
                        assertThrows(IllegalArgumentException.class, () -> new AesCmac(key),
                                "AES-CMAC must refuse a " + keySize + "-bit key");
                        tally.ran("rejected key size " + result);
                        return;
                    }
                    byte[] mac = Arrays.copyOf(AesCmac.compute(key, msg), tag.length);
                    switch (result) {
                        case "valid":
                            assertArrayEquals(tag, mac);
                            try (AesCmac cmac = new AesCmac(key)) {
                                int half = msg.length / 2;
                                cmac.update(msg, 0, half).update(msg, half, msg.length - half);
                                assertArrayEquals(tag, Arrays.copyOf(cmac.doFinal(), tag.length), "incremental");
                            }
                            break;
                        case "invalid":
                            assertFalse(Arrays.equals(tag, mac), "a modified tag must not verify");
                            break;
                        default:
                            fail("no policy for result " + result);
                    }
                    tally.ran(result);
                }));
            }
        }
        tests.add(tally.summary(Map.of(), () -> {
            assertEquals(21, tally.executed("valid"));
            assertEquals(81, tally.executed("invalid"));
        }));
        return tests;
    }
}
