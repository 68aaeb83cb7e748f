package org.sslskura.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sslskura.crypto.Bytes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AsconAead128Test {

    private static final String WYCHEPROOF_FILE = "ascon_sp800_232_aead128_test.json";
    private static final byte SENTINEL = (byte) 0xA5;

    // ---------------------------------------------------------------- Wycheproof

    @Test
    void wycheproof() throws IOException {
        String dir = System.getProperty("wycheproof.dir");
        Assumptions.assumeTrue(dir != null && !dir.isEmpty(),
                "wycheproof.dir not set: skipping the Wycheproof Ascon-AEAD128 vectors");
        Path file = Path.of(dir, WYCHEPROOF_FILE);
        assertTrue(Files.isRegularFile(file), "wycheproof.dir is set but " + file + " is missing");

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("ASCON-AEAD128", root.get("algorithm").asText());
        int valid = 0;
        int invalid = 0;
        int acceptable = 0;
        int total = 0;
        for (JsonNode group : root.get("testGroups")) {
            assertEquals(128, group.get("keySize").asInt());
            assertEquals(128, group.get("ivSize").asInt());
            assertEquals(128, group.get("tagSize").asInt());
            for (JsonNode t : group.get("tests")) {
                total++;
                String id = "tcId " + t.get("tcId").asInt() + " (" + t.get("comment").asText() + ")";
                byte[] key = hex(t, "key");
                byte[] iv = hex(t, "iv");
                byte[] aad = hex(t, "aad");
                byte[] msg = hex(t, "msg");
                byte[] ctTag = concat(hex(t, "ct"), hex(t, "tag"));
                String result = t.get("result").asText();
                switch (result) {
                    case "valid":
                        checkValid(id, key, iv, aad, msg, ctTag);
                        valid++;
                        break;
                    case "invalid":
                        checkInvalid(id, key, iv, aad, msg, ctTag);
                        invalid++;
                        break;
                    case "acceptable":
                        // None in this file. If one appears: either outcome is allowed, but a success must
                        // reproduce the message exactly.
                        checkAcceptable(id, key, iv, aad, msg, ctTag);
                        acceptable++;
                        break;
                    default:
                        fail(id + ": unknown result " + result);
                }
            }
        }
        assertEquals(root.get("numberOfTests").asInt(), total, "every test case must be run");
        System.out.printf("Ascon-AEAD128 Wycheproof: %d cases, %d valid, %d invalid, %d acceptable, all passed%n",
                total, valid, invalid, acceptable);
    }

    private static void checkValid(String id, byte[] key, byte[] iv, byte[] aad, byte[] msg, byte[] ctTag) {
        AsconAead128 c = new AsconAead128(key);
        byte[] out = new byte[msg.length + 16];
        assertEquals(msg.length + 16, c.encrypt(iv, aad, 0, aad.length, msg, 0, msg.length, out, 0), id);
        assertArrayEquals(ctTag, out, id + ": ct || tag");

        byte[] pt = new byte[msg.length];
        assertEquals(msg.length, c.decrypt(iv, aad, 0, aad.length, ctTag, 0, ctTag.length, pt, 0), id);
        assertArrayEquals(msg, pt, id + ": plaintext");

        // in place, at an offset
        byte[] buf = new byte[3 + ctTag.length];
        System.arraycopy(msg, 0, buf, 3, msg.length);
        c.encrypt(iv, aad, 0, aad.length, buf, 3, msg.length, buf, 3);
        assertArrayEquals(ctTag, Arrays.copyOfRange(buf, 3, buf.length), id + ": in-place ct || tag");
        assertEquals(msg.length, c.decrypt(iv, aad, 0, aad.length, buf, 3, ctTag.length, buf, 3), id);
        assertArrayEquals(msg, Arrays.copyOfRange(buf, 3, 3 + msg.length), id + ": in-place plaintext");
    }

    private static void checkInvalid(String id, byte[] key, byte[] iv, byte[] aad, byte[] msg, byte[] ctTag) {
        if (key.length != 16 || iv.length != 16) {
            assertThrows(IllegalArgumentException.class, () -> {
                AsconAead128 c = new AsconAead128(key);
                c.decrypt(iv, aad, 0, aad.length, ctTag, 0, ctTag.length, new byte[ctTag.length], 0);
            }, id);
            return;
        }
        AsconAead128 c = new AsconAead128(key);
        assertRejected(id, c, iv, aad, ctTag);
        if (ctTag.length >= 16) {
            byte[] out = new byte[ctTag.length];
            c.encrypt(iv, aad, 0, aad.length, msg, 0, msg.length, out, 0);
            assertFalse(Arrays.equals(ctTag, out), id + ": encryption reproduced an invalid vector");
        }
    }

    private static void checkAcceptable(String id, byte[] key, byte[] iv, byte[] aad, byte[] msg, byte[] ctTag) {
        if (key.length != 16 || iv.length != 16) {
            return;
        }
        AsconAead128 c = new AsconAead128(key);
        byte[] pt = new byte[Math.max(0, ctTag.length - 16)];
        int n = c.decrypt(iv, aad, 0, aad.length, ctTag, 0, ctTag.length, pt, 0);
        if (n >= 0) {
            assertArrayEquals(msg, pt, id + ": accepted acceptable case must decrypt to msg");
        }
    }

    // ---------------------------------------------------------------- known answers from ascon-c

    /**
     * Key 000102..0f, nonce 101112..1f, counts of crypto_aead/asconaead128/LWC_AEAD_KAT_128_128.txt of the
     * ascon-c reference implementation (final SP 800-232 variant); counts 1, 2, 10, 34, 35, 298 and 1016 as
     * also transcribed in NIST's ACVP-Server Ascon AEAD128 unit tests. Count = 33 * |PT| + |AD| + 1.
     */
    @ParameterizedTest(name = "ascon-c KAT Count = {0}")
    @CsvSource({
        "1, '', '', 4F9C278211BEC9316BF68F46EE8B2EC6",
        "2, 30, '', CCCB674FE18A09A285D6AB11B35675C0",
        "10, 303132333435363738, '', 24F13284A0F90F906B18C7E4061C0896",
        "34, '', 20, E8DD576ABA1CD3E6FC704DE02AEDB79588",
        "35, 30, 20, 962B8016836C75A7D86866588CA245D886",
        "298, '', 202122232425262728, E8C3DEEE246CC5EAE3329BC950AE101B9247F3605EBEDCBF6C",
        "529, '', 202122232425262728292A2B2C2D2E2F, "
                + "E8C3DEEE246CC5EAE3E872313897A2BB9EAA915C9DD3245D77048F24D46D27A7",
        "545, 303132333435363738393A3B3C3D3E3F, 202122232425262728292A2B2C2D2E2F, "
                + "6373EBB28BE97C9BAC090CF399C13EF13ABFC0D209E8F4844C90814D13F32C59",
        "1016, 303132333435363738393A3B3C3D3E3F404142434445464748, "
                + "202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D, "
                + "16CB13E5853541E2F36B38240366ACEE48E0B21D8A3424739FCD62AC2DDEB2D36A792BA208D4158CDF4E968FA99F",
        "1057, '', 202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F, "
                + "E8C3DEEE246CC5EAE3E872313897A2BB6089AA3E15E80307970F2D1F006654C2AAA5FA172CB9F07D07463CEFC7440BC1",
    })
    void asconCKnownAnswers(int count, String adHex, String ptHex, String ctTagHex) {
        byte[] key = Bytes.fromHex("000102030405060708090A0B0C0D0E0F");
        byte[] nonce = Bytes.fromHex("101112131415161718191A1B1C1D1E1F");
        byte[] ad = Bytes.fromHex(adHex);
        byte[] pt = Bytes.fromHex(ptHex);
        byte[] expected = Bytes.fromHex(ctTagHex);
        assertEquals(count, 33 * pt.length + ad.length + 1, "Count numbering");
        checkValid("Count " + count, key, nonce, ad, pt, expected);
    }

    // ---------------------------------------------------------------- properties

    @Test
    void roundTripRandomLengthsInPlace() {
        Random rnd = new Random(0x5eed_a5c0L);
        for (int iter = 0; iter < 2000; iter++) {
            int len = rnd.nextInt(301);
            int aadLen = rnd.nextInt(301);
            int off = rnd.nextInt(20);
            byte[] key = bytes(rnd, 16);
            byte[] nonce = bytes(rnd, 16);
            byte[] aad = bytes(rnd, aadLen);
            byte[] msg = bytes(rnd, len);
            AsconAead128 c = new AsconAead128(key);

            byte[] separate = new byte[len + 16];
            c.encrypt(nonce, aad, 0, aadLen, msg, 0, len, separate, 0);

            byte[] buf = new byte[off + len + 16 + 5];
            rnd.nextBytes(buf);
            System.arraycopy(msg, 0, buf, off, len);
            assertEquals(len + 16, c.encrypt(nonce, aad, 0, aadLen, buf, off, len, buf, off));
            assertArrayEquals(separate, Arrays.copyOfRange(buf, off, off + len + 16), "aliased encrypt, len " + len);

            assertEquals(len, c.decrypt(nonce, aad, 0, aadLen, buf, off, len + 16, buf, off));
            assertArrayEquals(msg, Arrays.copyOfRange(buf, off, off + len), "aliased decrypt, len " + len);
        }
    }

    @Test
    void outputAtLowerOffsetOfSameArray() {
        Random rnd = new Random(7);
        byte[] key = bytes(rnd, 16);
        byte[] nonce = bytes(rnd, 16);
        AsconAead128 c = new AsconAead128(key);
        for (int len : new int[] {0, 1, 8, 15, 16, 17, 40, 100}) {
            byte[] msg = bytes(rnd, len);
            byte[] expected = new byte[len + 16];
            c.encrypt(nonce, null, 0, 0, msg, 0, len, expected, 0);
            byte[] buf = new byte[len + 16 + 9];
            System.arraycopy(msg, 0, buf, 9, len);
            c.encrypt(nonce, null, 0, 0, buf, 9, len, buf, 2);
            assertArrayEquals(expected, Arrays.copyOfRange(buf, 2, 2 + len + 16));
            System.arraycopy(expected, 0, buf, 9, len + 16);
            assertEquals(len, c.decrypt(nonce, null, 0, 0, buf, 9, len + 16, buf, 0));
            assertArrayEquals(msg, Arrays.copyOfRange(buf, 0, len));
        }
        byte[] buf = new byte[64];
        assertThrows(IllegalArgumentException.class, () -> c.encrypt(nonce, null, 0, 0, buf, 0, 20, buf, 4));
    }

    /** Lengths around and above the scratch limit take the two-pass decryption path. */
    @Test
    void longMessagesBothDecryptionPaths() {
        Random rnd = new Random(99);
        byte[] key = bytes(rnd, 16);
        byte[] nonce = bytes(rnd, 16);
        byte[] aad = bytes(rnd, 37);
        AsconAead128 c = new AsconAead128(key);
        int lim = AsconAead128.SCRATCH_LIMIT;
        for (int len : new int[] {lim - 1, lim, lim + 1, lim + 8, 3 * lim + 13}) {
            byte[] msg = bytes(rnd, len);
            byte[] ct = new byte[len + 16];
            c.encrypt(nonce, aad, 0, aad.length, msg, 0, len, ct, 0);

            byte[] buf = ct.clone();
            assertEquals(len, c.decrypt(nonce, aad, 0, aad.length, buf, 0, buf.length, buf, 0), "len " + len);
            assertArrayEquals(msg, Arrays.copyOf(buf, len), "len " + len);

            for (int bit : new int[] {0, 8 * (len / 2) + 3, 8 * len - 1, 8 * len + 77}) {
                byte[] bad = ct.clone();
                bad[bit >>> 3] ^= (byte) (1 << (bit & 7));
                byte[] before = bad.clone();
                assertEquals(-1, c.decrypt(nonce, aad, 0, aad.length, bad, 0, bad.length, bad, 0));
                assertArrayEquals(before, bad, "failed in-place decryption must leave the buffer untouched");
            }
        }
    }

    @Test
    void everySingleBitFlipIsRejected() {
        Random rnd = new Random(1234);
        int[][] sizes = {{0, 0}, {0, 5}, {1, 0}, {7, 16}, {15, 3}, {16, 16}, {17, 9}, {33, 1}};
        for (int[] size : sizes) {
            int len = size[0];
            int aadLen = size[1];
            byte[] key = bytes(rnd, 16);
            byte[] nonce = bytes(rnd, 16);
            byte[] aad = bytes(rnd, aadLen);
            byte[] msg = bytes(rnd, len);
            AsconAead128 c = new AsconAead128(key);
            byte[] ct = new byte[len + 16];
            c.encrypt(nonce, aad, 0, aadLen, msg, 0, len, ct, 0);
            String where = "msg " + len + ", aad " + aadLen;

            for (int bit = 0; bit < 8 * ct.length; bit++) {
                byte[] bad = flip(ct, bit);
                assertRejected(where + ", ct/tag bit " + bit, c, nonce, aad, bad);
            }
            for (int bit = 0; bit < 8 * aadLen; bit++) {
                assertRejected(where + ", aad bit " + bit, c, nonce, flip(aad, bit), ct);
            }
            for (int bit = 0; bit < 128; bit++) {
                assertRejected(where + ", nonce bit " + bit, c, flip(nonce, bit), aad, ct);
            }
            for (int bit = 0; bit < 128; bit++) {
                assertRejected(where + ", key bit " + bit, new AsconAead128(flip(key, bit)), nonce, aad, ct);
            }
            // extra or missing trailing associated-data / ciphertext bytes
            byte[] longerAad = Arrays.copyOf(aad, aadLen + 1);
            assertRejected(where + ", aad + 00", c, nonce, longerAad, ct);
            if (len > 0) {
                byte[] shorter = concat(Arrays.copyOf(ct, len - 1), Arrays.copyOfRange(ct, len, len + 16));
                assertRejected(where + ", ct truncated", c, nonce, aad, shorter);
            }
            byte[] pt = new byte[len];
            assertEquals(len, c.decrypt(nonce, aad, 0, aadLen, ct, 0, ct.length, pt, 0));
            assertArrayEquals(msg, pt);
        }
    }

    // ---------------------------------------------------------------- API edges

    @Test
    void shortInputAndBadArguments() {
        AsconAead128 c = new AsconAead128(new byte[16]);
        byte[] nonce = new byte[16];
        byte[] out = new byte[32];
        for (int n = 0; n < 16; n++) {
            assertEquals(-1, c.decrypt(nonce, null, 0, 0, new byte[n], 0, n, out, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new AsconAead128(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> new AsconAead128(null));
        assertThrows(IllegalArgumentException.class, () -> c.encrypt(new byte[12], null, 0, 0, out, 0, 0, out, 0));
        assertThrows(IllegalArgumentException.class, () -> c.encrypt(nonce, null, 0, 0, out, 0, 17, out, 0));
        assertThrows(IllegalArgumentException.class, () -> c.encrypt(nonce, null, 0, 1, out, 0, 0, out, 0));
        assertThrows(IllegalArgumentException.class, () -> c.decrypt(nonce, null, 0, 0, out, 0, 32, out, 17));
    }

    @Test
    void keyIsCopiedAndWipeDisables() {
        byte[] key = Bytes.fromHex("000102030405060708090A0B0C0D0E0F");
        byte[] nonce = Bytes.fromHex("101112131415161718191A1B1C1D1E1F");
        AsconAead128 c = new AsconAead128(key);
        Arrays.fill(key, (byte) 0);
        byte[] tag = new byte[16];
        c.encrypt(nonce, null, 0, 0, new byte[0], 0, 0, tag, 0);
        assertArrayEquals(Bytes.fromHex("4F9C278211BEC9316BF68F46EE8B2EC6"), tag);
        c.wipe();
        assertThrows(IllegalStateException.class, () -> c.encrypt(nonce, null, 0, 0, tag, 0, 0, tag, 0));
        assertThrows(IllegalStateException.class, () -> c.decrypt(nonce, null, 0, 0, tag, 0, 16, tag, 0));
    }

    // ---------------------------------------------------------------- helpers

    /** Decryption must return -1 and leave the output (a separate buffer, then the input itself) untouched. */
    private static void assertRejected(String what, AsconAead128 c, byte[] nonce, byte[] aad, byte[] ctTag) {
        byte[] out = new byte[ctTag.length + 4];
        Arrays.fill(out, SENTINEL);
        assertEquals(-1, c.decrypt(nonce, aad, 0, aad.length, ctTag, 0, ctTag.length, out, 2), what);
        for (byte b : out) {
            if (b != SENTINEL) {
                fail(what + ": output written although the tag did not verify");
            }
        }
        if (ctTag.length >= 16) {
            byte[] inPlace = ctTag.clone();
            assertEquals(-1, c.decrypt(nonce, aad, 0, aad.length, inPlace, 0, inPlace.length, inPlace, 0), what);
            assertArrayEquals(ctTag, inPlace, what + ": in-place rejection modified the input");
        }
    }

    private static byte[] hex(JsonNode t, String field) {
        return Bytes.fromHex(t.get(field).asText());
    }

    private static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] flip(byte[] a, int bit) {
        byte[] b = a.clone();
        b[bit >>> 3] ^= (byte) (1 << (bit & 7));
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
