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
import org.sslskura.crypto.internal.AesCcm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wycheproof {@code aes_ccm_test.json}.
 * <ul>
 * <li>All 128-bit-key groups (184 cases) run on the {@link AesCcm} engine directly:
 * <ul>
 * <li>nonce 7..13 bytes and tag 4..16 even (valid 135, invalid "ModifiedTag" 27): encrypt gives ct || tag exactly,
 * decrypt gives msg (also in place); an invalid case's decrypt returns -1 and leaves the output untouched;</li>
 * <li>invalid tag sizes 2, 3, 5, 7, 9, 11, 13, 15 bytes (9 cases): the constructor throws
 * {@link IllegalArgumentException};</li>
 * <li>invalid nonce sizes 0, 1, 2, 4, 6, 14, 15, 16, 20, 32, 64, 128, 268 bytes (13 cases): encrypt and decrypt throw
 * {@link IllegalArgumentException}.</li>
 * </ul>
 * </li>
 * <li>In addition, the 128-bit cases with an 11-byte nonce and an 8- or 16-byte tag (in this file: 6 valid, tag 16)
 * run through {@link SseAeads} as AES_CCM_8 / AES_CCM_16 with key material = key || iv[0..3) and
 * seq = iv[3..11) big-endian.</li>
 * <li>Skipped: the 192- and 256-bit-key groups (368 cases): the project implements AES-128 only.</li>
 * </ul>
 * The file has no {@code acceptable} case. Note (README): no group has a 13-byte nonce with an 8-byte tag; the RFC
 * 3610 packet vectors in {@link RfcVectorsTest} cover that.
 */
class AesCcmWycheproofTest {
    private static final String FILE = "aes_ccm_test.json";
    private static final String SKIP_KEY_SIZE = "key size other than 128 bits (AES-128 only)";
    private static final byte SENTINEL = (byte) 0xA5;

    @TestFactory
    List<DynamicTest> wycheproof() {
        JsonNode root = WycheproofVectors.load(FILE);
        assertEquals("AES-CCM", root.get("algorithm").asText());
        WycheproofVectors.Tally tally = new WycheproofVectors.Tally(FILE, root);
        WycheproofVectors.Tally sse = new WycheproofVectors.Tally(FILE + " via SseAeads", root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            int keySize = group.get("keySize").asInt();
            int ivBytes = group.get("ivSize").asInt() / 8;
            int tagBytes = group.get("tagSize").asInt() / 8;
            for (JsonNode t : group.get("tests")) {
                if (keySize != 128) {
                    tally.skip(SKIP_KEY_SIZE);
                    continue;
                }
                String name = WycheproofVectors.name(t) + " iv " + ivBytes + " tag " + tagBytes;
                tests.add(DynamicTest.dynamicTest(name, () -> tally.ran(engine(t))));
                if (ivBytes == 11 && (tagBytes == 8 || tagBytes == 16)) {
                    tests.add(DynamicTest.dynamicTest(name + " via SseAeads", () -> sse.ran(viaSse(t, tagBytes))));
                }
            }
        }
        tests.add(tally.summary(Map.of(SKIP_KEY_SIZE, 368), () -> {
            assertEquals(135, tally.executed("valid"));
            assertEquals(27, tally.executed("invalid: tag mismatch"));
            assertEquals(9, tally.executed("invalid: tag size refused"));
            assertEquals(13, tally.executed("invalid: nonce size refused"));
            assertEquals(6, sse.executed("valid AES_CCM_16"), "cases run through SseAeads");
            System.out.println("[wycheproof] " + FILE + " via SseAeads: " + sse.executedTotal() + " cases, "
                    + sse.executed("valid AES_CCM_16") + " valid AES_CCM_16");
        }));
        return tests;
    }

    /** @return the outcome label */
    private static String engine(JsonNode t) {
        byte[] key = hex(t, "key");
        byte[] iv = hex(t, "iv");
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] ct = hex(t, "ct");
        byte[] tag = hex(t, "tag");
        byte[] ctTag = concat(ct, tag);
        String result = t.get("result").asText();
        boolean tagOk = tag.length >= 4 && tag.length <= 16 && tag.length % 2 == 0;
        boolean nonceOk = iv.length >= 7 && iv.length <= 13;
        if (!tagOk) {
            assertEquals("invalid", result, "a supported case would need this tag size");
            assertThrows(IllegalArgumentException.class, () -> new AesCcm(key, tag.length));
            return "invalid: tag size refused";
        }
        AesCcm ccm = new AesCcm(key, tag.length);
        if (!nonceOk) {
            assertEquals("invalid", result, "a supported case would need this nonce size");
            byte[] out = new byte[msg.length + tag.length];
            assertThrows(IllegalArgumentException.class,
                    () -> ccm.encrypt(iv, iv.length, aad, 0, aad.length, msg, 0, msg.length, out, 0));
            byte[] plain = new byte[msg.length];
            assertThrows(IllegalArgumentException.class,
                    () -> ccm.decrypt(iv, iv.length, aad, 0, aad.length, ctTag, 0, ctTag.length, plain, 0));
            return "invalid: nonce size refused";
        }
        switch (result) {
            case "valid": {
                byte[] out = new byte[ctTag.length];
                assertEquals(ctTag.length, ccm.encrypt(iv, iv.length, aad, 0, aad.length, msg, 0, msg.length, out, 0));
                assertArrayEquals(ctTag, out, "encrypt");
                byte[] plain = new byte[msg.length];
                assertEquals(msg.length, ccm.decrypt(iv, iv.length, aad, 0, aad.length, ctTag, 0, ctTag.length,
                        plain, 0));
                assertArrayEquals(msg, plain, "decrypt");
                // in place, at an offset
                byte[] buf = new byte[3 + ctTag.length];
                System.arraycopy(msg, 0, buf, 3, msg.length);
                ccm.encrypt(iv, iv.length, aad, 0, aad.length, buf, 3, msg.length, buf, 3);
                assertArrayEquals(ctTag, Arrays.copyOfRange(buf, 3, buf.length), "encrypt in place");
                assertEquals(msg.length, ccm.decrypt(iv, iv.length, aad, 0, aad.length, buf, 3, ctTag.length, buf, 3));
                assertArrayEquals(msg, Arrays.copyOfRange(buf, 3, 3 + msg.length), "decrypt in place");
                return "valid";
            }
            case "invalid": {
                byte[] plain = new byte[msg.length];
                Arrays.fill(plain, SENTINEL);
                assertEquals(-1, ccm.decrypt(iv, iv.length, aad, 0, aad.length, ctTag, 0, ctTag.length, plain, 0),
                        "an invalid case must not verify");
                byte[] untouched = new byte[msg.length];
                Arrays.fill(untouched, SENTINEL);
                assertArrayEquals(untouched, plain, "nothing may be written when the tag fails");
                return "invalid: tag mismatch";
            }
            default:
                fail("no policy for result " + result);
                return null;
        }
    }

    private static String viaSse(JsonNode t, int tagBytes) throws AuthenticationException {
        SseSuite suite = tagBytes == 8 ? SseSuite.AES_CCM_8 : SseSuite.AES_CCM_16;
        byte[] iv = hex(t, "iv");
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] ctTag = concat(hex(t, "ct"), hex(t, "tag"));
        byte[] keyMaterial = concat(hex(t, "key"), Arrays.copyOf(iv, suite.saltLength()));
        long seq = WycheproofVectors.longBe(iv, suite.saltLength());
        String result = t.get("result").asText();
        try (SseAead aead = SseAeads.create(suite, keyMaterial)) {
            switch (result) {
                case "valid":
                    assertArrayEquals(ctTag, aead.seal(seq, aad, msg), "seal");
                    assertArrayEquals(msg, aead.open(seq, aad, ctTag), "open");
                    return "valid " + suite;
                case "invalid":
                    assertThrows(AuthenticationException.class, () -> aead.open(seq, aad, ctTag));
                    return "invalid " + suite;
                default:
                    fail("no policy for result " + result);
                    return null;
            }
        }
    }
}
