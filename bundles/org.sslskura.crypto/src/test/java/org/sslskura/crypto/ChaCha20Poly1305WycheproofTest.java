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
 * Wycheproof {@code chacha20_poly1305_test.json} through {@link SseAeads} suite CHACHA20_POLY1305.
 * <ul>
 * <li>96-bit IV (256 valid, 60 invalid "ModifiedTag"): key material = key || iv[0..4), seq = iv[4..12) big-endian;
 * valid: seal gives ct || tag exactly and open gives msg; invalid: open throws {@link AuthenticationException}.
 * Each case gets NEW instances, one that seals and one that opens (as the two ends of an SA): SunJCE's ChaCha20
 * refuses to be initialised twice in a row with the same key and nonce, and many cases share both.</li>
 * <li>Skipped: the 9 invalid "InvalidNonceSize" cases (IV 0, 8, 11, 13, 14, 16, 20, 24, 32 bytes): the SSE nonce is
 * always salt(4) || seq(8), so no other IV length can reach the implementation.</li>
 * </ul>
 * The file has no {@code acceptable} case.
 */
class ChaCha20Poly1305WycheproofTest {
    private static final String FILE = "chacha20_poly1305_test.json";
    private static final String SKIP_IV_SIZE = "IV size other than 96 bits (not expressible as salt || seq)";

    @TestFactory
    List<DynamicTest> wycheproof() {
        JsonNode root = WycheproofVectors.load(FILE);
        assertEquals("CHACHA20-POLY1305", root.get("algorithm").asText());
        WycheproofVectors.Tally tally = new WycheproofVectors.Tally(FILE, root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            assertEquals(256, group.get("keySize").asInt());
            assertEquals(128, group.get("tagSize").asInt());
            int ivSize = group.get("ivSize").asInt();
            for (JsonNode t : group.get("tests")) {
                if (ivSize != 96) {
                    assertEquals("invalid", t.get("result").asText());
                    tally.skip(SKIP_IV_SIZE);
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(WycheproofVectors.name(t), () -> tally.ran(run(t))));
            }
        }
        tests.add(tally.summary(Map.of(SKIP_IV_SIZE, 9), () -> {
            assertEquals(256, tally.executed("valid"));
            assertEquals(60, tally.executed("invalid"));
        }));
        return tests;
    }

    private static String run(JsonNode t) throws AuthenticationException {
        byte[] iv = hex(t, "iv");
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] ctTag = concat(hex(t, "ct"), hex(t, "tag"));
        byte[] keyMaterial = concat(hex(t, "key"), Arrays.copyOf(iv, 4));
        long seq = WycheproofVectors.longBe(iv, 4);
        String result = t.get("result").asText();
        // a sender and a receiver, as on a real SA: each direction either seals or opens
        try (SseAead sender = SseAeads.create(SseSuite.CHACHA20_POLY1305, keyMaterial);
             SseAead receiver = SseAeads.create(SseSuite.CHACHA20_POLY1305, keyMaterial)) {
            switch (result) {
                case "valid":
                    assertArrayEquals(ctTag, sender.seal(seq, aad, msg), "seal");
                    assertArrayEquals(msg, receiver.open(seq, aad, ctTag), "open");
                    break;
                case "invalid":
                    assertThrows(AuthenticationException.class, () -> receiver.open(seq, aad, ctTag));
                    break;
                default:
                    fail("no policy for result " + result);
            }
        }
        return result;
    }
}
