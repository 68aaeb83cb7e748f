package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link SseAead} contract, for every suite through {@link SseAeads}. */
class SseAeadContractTest {
    private static final int[] SIZES = {0, 1, 15, 16, 17, 64, 1000, 4095};
    private static final byte SENTINEL = (byte) 0xA5;

    private static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] keyMaterial(SseSuite suite, long seed) {
        return random(new Random(seed), suite.keyMaterialLength());
    }

    /**
     * Seals and opens at every size, out of place at offsets and in place (out == in). As on a real SA, an instance
     * either seals or opens: SunJCE refuses a repeated (key, nonce) initialisation (GCM: encryption; ChaCha20: any).
     */
    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void roundTripAtEverySizeWithOutAliasingIn(SseSuite suite) throws AuthenticationException {
        Random rnd = new Random(suite.id());
        byte[] km = keyMaterial(suite, 1);
        int tag = suite.tagLength();
        try (SseAead sender = SseAeads.create(suite, km); SseAead inPlaceSender = SseAeads.create(suite, km);
             SseAead receiver = SseAeads.create(suite, km); SseAead inPlaceReceiver = SseAeads.create(suite, km)) {
            assertSame(suite, sender.suite());
            long seq = 0x0102030405060708L;
            for (int size : SIZES) {
                seq++;
                byte[] plain = random(rnd, size);
                byte[] aad = random(rnd, 8 + size % 13);
                // out of place, at offsets, with the AAD inside a larger array
                byte[] aadBuf = new byte[aad.length + 5];
                System.arraycopy(aad, 0, aadBuf, 2, aad.length);
                byte[] in = new byte[size + 7];
                System.arraycopy(plain, 0, in, 7, size);
                byte[] out = new byte[size + tag + 3];
                assertEquals(size + tag, sender.seal(seq, aadBuf, 2, aad.length, in, 7, size, out, 3));
                byte[] sealed = Arrays.copyOfRange(out, 3, 3 + size + tag);
                assertEquals(size + tag, sender.seal(seq + 1_000_000, aad, plain).length, "convenience seal length");
                // in place: out == in at the same offset
                byte[] buf = new byte[4 + size + tag];
                System.arraycopy(plain, 0, buf, 4, size);
                assertEquals(size + tag, inPlaceSender.seal(seq, aad, 0, aad.length, buf, 4, size, buf, 4));
                assertArrayEquals(sealed, Arrays.copyOfRange(buf, 4, buf.length), "in-place seal, size " + size);
                if (suite.confidential() && size >= 16) {
                    assertFalse(Arrays.equals(plain, Arrays.copyOf(sealed, size)), "payload must be encrypted");
                }
                if (!suite.confidential()) {
                    assertArrayEquals(plain, Arrays.copyOf(sealed, size), "integrity-only: payload in clear");
                }
                // open out of place and in place
                assertArrayEquals(plain, receiver.open(seq, aad, sealed), "open, size " + size);
                assertEquals(size, inPlaceReceiver.open(seq, aad, 0, aad.length, buf, 4, size + tag, buf, 4));
                assertArrayEquals(plain, Arrays.copyOfRange(buf, 4, 4 + size), "in-place open, size " + size);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void extremeSequenceNumbersRoundTrip(SseSuite suite) throws AuthenticationException {
        byte[] km = keyMaterial(suite, 2);
        byte[] aad = {1, 2, 3};
        byte[] plain = "payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (SseAead sender = SseAeads.create(suite, km); SseAead receiver = SseAeads.create(suite, km)) {
            for (long seq : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertArrayEquals(plain, receiver.open(seq, aad, sender.seal(seq, aad, plain)), "seq " + seq);
            }
        }
    }

    /** Each tampered input goes to a fresh receiver; {@link #forgeryDoesNotBlockTheGenuinePacket} covers reuse. */
    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void everySingleBitFlipIsRejected(SseSuite suite) throws AuthenticationException {
        Random rnd = new Random(3);
        byte[] km = keyMaterial(suite, 3);
        byte[] aad = random(rnd, 12);
        byte[] plain = random(rnd, 17);
        long seq = 42;
        byte[] sealed;
        try (SseAead sender = SseAeads.create(suite, km)) {
            sealed = sender.seal(seq, aad, plain);
        }
        byte[] out = new byte[plain.length];
        byte[] untouched = new byte[plain.length];
        Arrays.fill(untouched, SENTINEL);
        int rejected = 0;
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] bad = sealed.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            Arrays.fill(out, SENTINEL);
            String what = (bit / 8 < plain.length ? "ciphertext" : "tag") + " bit " + bit;
            try (SseAead receiver = SseAeads.create(suite, km)) {
                assertThrows(AuthenticationException.class,
                        () -> receiver.open(seq, aad, 0, aad.length, bad, 0, bad.length, out, 0), what);
            }
            assertArrayEquals(untouched, out, "nothing may be written when the tag fails: " + what);
            rejected++;
        }
        for (int bit = 0; bit < aad.length * 8; bit++) {
            byte[] badAad = aad.clone();
            badAad[bit / 8] ^= (byte) (1 << (bit % 8));
            try (SseAead receiver = SseAeads.create(suite, km)) {
                assertThrows(AuthenticationException.class, () -> receiver.open(seq, badAad, sealed), "AAD bit " + bit);
            }
            rejected++;
        }
        assertEquals((plain.length + suite.tagLength() + aad.length) * 8, rejected);
        try (SseAead receiver = SseAeads.create(suite, km)) {
            // a shortened AAD, a truncated input and an appended byte are rejected too
            assertThrows(AuthenticationException.class, () -> receiver.open(seq, Arrays.copyOf(aad, 11), sealed));
        }
        try (SseAead receiver = SseAeads.create(suite, km)) {
            assertThrows(AuthenticationException.class,
                    () -> receiver.open(seq, aad, Arrays.copyOf(sealed, sealed.length - 1)));
        }
        try (SseAead receiver = SseAeads.create(suite, km)) {
            assertThrows(AuthenticationException.class,
                    () -> receiver.open(seq, aad, Arrays.copyOf(sealed, sealed.length + 1)));
        }
    }

    /**
     * One receiver (one SA direction) gets a forged packet and then the genuine packet with the same sequence
     * number, and then the genuine one again (a duplicate; replay filtering is the SA window's job, not the AEAD's).
     * The forgery must fail with AuthenticationException and must not stop the genuine packet from opening.
     */
    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void forgeryDoesNotBlockTheGenuinePacket(SseSuite suite) throws AuthenticationException {
        byte[] km = keyMaterial(suite, 10);
        byte[] aad = {0x10, 0x20, 0x30};
        byte[] plain = new byte[40];
        new Random(10).nextBytes(plain);
        long seq = 77;
        byte[] sealed;
        try (SseAead sender = SseAeads.create(suite, km)) {
            sealed = sender.seal(seq, aad, plain);
        }
        byte[] forged = sealed.clone();
        forged[forged.length - 1] ^= 0x01;
        try (SseAead receiver = SseAeads.create(suite, km)) {
            assertThrows(AuthenticationException.class, () -> receiver.open(seq, aad, forged), "forgery");
            assertArrayEquals(plain, receiver.open(seq, aad, sealed), "genuine packet after a forgery, same seq");
            assertArrayEquals(plain, receiver.open(seq, aad, sealed), "the same packet opened twice");
            assertThrows(AuthenticationException.class, () -> receiver.open(seq, aad, forged), "forgery again");
        }
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void wrongSequenceNumber(SseSuite suite) throws AuthenticationException {
        byte[] km = keyMaterial(suite, 4);
        byte[] aad = {9, 8, 7, 6};
        byte[] plain = new byte[33];
        byte[] sealed;
        try (SseAead sender = SseAeads.create(suite, km)) {
            sealed = sender.seal(1000, aad, plain);
        }
        try (SseAead receiver = SseAeads.create(suite, km)) {
            if (suite.confidential()) {
                for (long other : new long[] {999, 1001, 1000 + (1L << 32), 1000 | Long.MIN_VALUE, 0}) {
                    assertThrows(AuthenticationException.class, () -> receiver.open(other, aad, sealed),
                            "seq " + other);
                }
            } else {
                // AES-CMAC-96 has no nonce: the ICV covers only header-as-sent || payload, so the sequence number
                // is bound through the SSE header in the AAD, not through the seq argument (decisions §6.3).
                assertArrayEquals(plain, receiver.open(1001, aad, sealed));
            }
            assertArrayEquals(plain, receiver.open(1000, aad, sealed));
        }
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void useAfterClose(SseSuite suite) throws AuthenticationException {
        byte[] km = keyMaterial(suite, 5);
        byte[] aad = new byte[4];
        SseAead aead = SseAeads.create(suite, km);
        byte[] sealed = aead.seal(1, aad, new byte[10]);
        aead.close();
        aead.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> aead.seal(2, aad, new byte[10]));
        assertThrows(IllegalStateException.class,
                () -> aead.seal(2, aad, 0, aad.length, new byte[10], 0, 10, new byte[10 + suite.tagLength()], 0));
        assertThrows(IllegalStateException.class, () -> aead.open(1, aad, sealed));
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void keyMaterialOfTheWrongLength(SseSuite suite) {
        int n = suite.keyMaterialLength();
        for (int len : new int[] {0, suite.keyLength(), n - 1, n + 1, 2 * n}) {
            if (len == n) {
                continue;
            }
            byte[] km = new byte[len];
            assertThrows(IllegalArgumentException.class, () -> SseAeads.create(suite, km), "length " + len);
        }
        assertThrows(IllegalArgumentException.class, () -> SseAeads.create(suite, null));
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void keyMaterialIsCopied(SseSuite suite) throws AuthenticationException {
        byte[] km = keyMaterial(suite, 6);
        byte[] aad = {5};
        byte[] plain = {1, 2, 3};
        try (SseAead a = SseAeads.create(suite, km.clone()); SseAead b = SseAeads.create(suite, km)) {
            Arrays.fill(km, (byte) 0); // the caller wipes its copy
            assertArrayEquals(plain, a.open(7, aad, b.seal(7, aad, plain)));
        }
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void openOfInputShorterThanTheTag(SseSuite suite) {
        byte[] km = keyMaterial(suite, 7);
        byte[] aad = new byte[3];
        try (SseAead aead = SseAeads.create(suite, km)) {
            for (int len = 0; len < suite.tagLength(); len++) {
                byte[] in = new byte[len];
                int l = len;
                assertThrows(AuthenticationException.class, () -> aead.open(0, aad, in), "length " + l);
                assertThrows(AuthenticationException.class,
                        () -> aead.open(0, aad, 0, aad.length, in, 0, in.length, new byte[16], 0), "length " + l);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SseSuite.class)
    void rangesOutOfBounds(SseSuite suite) {
        byte[] km = keyMaterial(suite, 8);
        byte[] aad = new byte[3];
        byte[] in = new byte[10];
        try (SseAead aead = SseAeads.create(suite, km)) {
            int tag = suite.tagLength();
            assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(1, aad, 0, aad.length, in, 0, in.length, new byte[in.length + tag - 1], 0));
            assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(1, aad, 0, aad.length + 1, in, 0, in.length, new byte[in.length + tag], 0));
            assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(1, aad, 0, aad.length, in, 1, in.length, new byte[in.length + tag], 0));
            assertThrows(IllegalArgumentException.class,
                    () -> aead.seal(1, aad, 0, aad.length, in, -1, 2, new byte[in.length + tag], 0));
        }
    }

    @Test
    void integrityOnlySuiteLeavesPayloadInClearWithTruncatedCmac() throws AuthenticationException {
        SseSuite suite = SseSuite.AES_CMAC_96;
        assertFalse(suite.confidential());
        assertEquals(12, suite.tagLength());
        assertEquals(0, suite.nonceLength());
        Random rnd = new Random(9);
        byte[] key = random(rnd, 16);
        try (SseAead aead = SseAeads.create(suite, key.clone())) {
            for (int size : SIZES) {
                byte[] aad = random(rnd, 20);
                byte[] payload = random(rnd, size);
                byte[] sealed = aead.seal(size, aad, payload);
                assertEquals(size + 12, sealed.length);
                assertArrayEquals(payload, Arrays.copyOf(sealed, size), "payload in clear");
                byte[] icv = Arrays.copyOf(AesCmac.compute(key, aad, payload), 12);
                assertArrayEquals(icv, Arrays.copyOfRange(sealed, size, size + 12), "ICV, size " + size);
                assertArrayEquals(payload, aead.open(size, aad, sealed));
            }
        }
    }

    @Test
    void suiteTable() {
        for (SseSuite s : SseSuite.values()) {
            assertEquals(s.keyLength() + s.saltLength(), s.keyMaterialLength());
            assertEquals(s.confidential() ? s.saltLength() + 8 : 0, s.nonceLength());
            assertSame(s, SseSuite.fromId(s.id()).orElseThrow());
        }
        assertTrue(SseSuite.fromId(0).isEmpty());
    }
}
