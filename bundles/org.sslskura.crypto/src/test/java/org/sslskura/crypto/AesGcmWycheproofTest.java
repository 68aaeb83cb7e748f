package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sslskura.crypto.WycheproofVectors.concat;
import static org.sslskura.crypto.WycheproofVectors.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wycheproof {@code aes_gcm_test.json} through {@link SseAeads}.
 * <ul>
 * <li>128-bit key, 96-bit IV, 128-bit tag (40 valid, 27 invalid "ModifiedTag"): AES_GCM_16 with key material =
 * key || iv[0..4) and seq = iv[4..12) big-endian; valid: seal gives ct || tag exactly and open gives msg; invalid:
 * open throws {@link AuthenticationException}.</li>
 * <li>The same 67 cases through AES_GCM_8 (tag = first 8 bytes): valid: seal gives ct || tag[0..8) and open of that
 * gives msg. Invalid: the truncated Wycheproof tag must be rejected exactly when its first 8 bytes differ from the
 * genuine tag's (taken from AES_GCM_16's seal of msg, itself checked against every valid case); a modification that
 * only touches tag bytes 8..15 is invisible after truncation and must be accepted.</li>
 * <li>Skipped: 192- and 256-bit keys (208 cases; AES-128 only) and the 41 128-bit cases whose IV is not 96 bits
 * (0, 1, 2, 4, 6, 8, 10, 15, 16, 20, 32, 64, 128, 257 bytes): the SSE nonce is always salt(4) || seq(8), so no other
 * IV length can reach the implementation.</li>
 * </ul>
 * The file has no {@code acceptable} case.
 */
class AesGcmWycheproofTest {
    private static final String FILE = "aes_gcm_test.json";
    private static final String SKIP_KEY_SIZE = "key size other than 128 bits (AES-128 only)";
    private static final String SKIP_IV_SIZE = "IV size other than 96 bits (not expressible as salt || seq)";

    @TestFactory
    List<DynamicTest> wycheproof() {
        JsonNode root = WycheproofVectors.load(FILE);
        assertEquals("AES-GCM", root.get("algorithm").asText());
        WycheproofVectors.Tally tally = new WycheproofVectors.Tally(FILE, root);
        WycheproofVectors.Tally gcm8 = new WycheproofVectors.Tally(FILE + " via AES_GCM_8", root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            int keySize = group.get("keySize").asInt();
            int ivSize = group.get("ivSize").asInt();
            int tagSize = group.get("tagSize").asInt();
            for (JsonNode t : group.get("tests")) {
                if (keySize != 128) {
                    tally.skip(SKIP_KEY_SIZE);
                    continue;
                }
                if (ivSize != 96) {
                    tally.skip(SKIP_IV_SIZE);
                    continue;
                }
                assertEquals(128, tagSize, "unexpected group in " + FILE);
                String name = WycheproofVectors.name(t);
                tests.add(DynamicTest.dynamicTest(name + " AES_GCM_16", () -> tally.ran(gcm16(t))));
                tests.add(DynamicTest.dynamicTest(name + " AES_GCM_8", () -> gcm8.ran(gcm8(t))));
            }
        }
        tests.add(tally.summary(Map.of(SKIP_KEY_SIZE, 208, SKIP_IV_SIZE, 41), () -> {
            assertEquals(40, tally.executed("valid"));
            assertEquals(27, tally.executed("invalid"));
            assertEquals(67, gcm8.executedTotal(), "AES_GCM_8 pass");
            assertEquals(40, gcm8.executed("valid"), "AES_GCM_8 valid");
            System.out.println("[wycheproof] " + FILE + " via AES_GCM_8: " + gcm8.executedTotal() + " cases: valid="
                    + gcm8.executed("valid") + " invalid rejected=" + gcm8.executed("invalid: rejected")
                    + " invalid but modification only in tag bytes 8..15 (accepted)="
                    + gcm8.executed("invalid: truncated tag still genuine"));
        }));
        return tests;
    }

    private static byte[] keyMaterial(JsonNode t) {
        return concat(hex(t, "key"), Arrays.copyOf(hex(t, "iv"), 4));
    }

    private static long seq(JsonNode t) {
        return WycheproofVectors.longBe(hex(t, "iv"), 4);
    }

    private static String gcm16(JsonNode t) throws AuthenticationException {
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] ctTag = concat(hex(t, "ct"), hex(t, "tag"));
        String result = t.get("result").asText();
        try (SseAead aead = SseAeads.create(SseSuite.AES_GCM_16, keyMaterial(t))) {
            switch (result) {
                case "valid":
                    assertArrayEquals(ctTag, aead.seal(seq(t), aad, msg), "seal");
                    assertArrayEquals(msg, aead.open(seq(t), aad, ctTag), "open");
                    break;
                case "invalid":
                    assertThrows(AuthenticationException.class, () -> aead.open(seq(t), aad, ctTag));
                    break;
                default:
                    fail("no policy for result " + result);
            }
        }
        return result;
    }

    private static String gcm8(JsonNode t) throws AuthenticationException {
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] ct = hex(t, "ct");
        byte[] truncated = concat(ct, Arrays.copyOf(hex(t, "tag"), 8));
        String result = t.get("result").asText();
        try (SseAead aead = SseAeads.create(SseSuite.AES_GCM_8, keyMaterial(t))) {
            switch (result) {
                case "valid":
                    assertArrayEquals(truncated, aead.seal(seq(t), aad, msg), "seal");
                    assertArrayEquals(msg, aead.open(seq(t), aad, truncated), "open");
                    return "valid";
                case "invalid": {
                    byte[] genuine;
                    try (SseAead full = SseAeads.create(SseSuite.AES_GCM_16, keyMaterial(t))) {
                        genuine = Arrays.copyOf(full.seal(seq(t), aad, msg), ct.length + 8);
                    }
                    if (Arrays.equals(genuine, truncated)) {
                        assertArrayEquals(msg, aead.open(seq(t), aad, truncated));
                        return "invalid: truncated tag still genuine";
                    }
                    assertThrows(AuthenticationException.class, () -> aead.open(seq(t), aad, truncated));
                    return "invalid: rejected";
                }
                default:
                    fail("no policy for result " + result);
                    return null;
            }
        }
    }
}
