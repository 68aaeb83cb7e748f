package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.crypto.internal.AesCcm;

/**
 * Known-answer vectors transcribed from their specifications (facts, kept in the project's own tests):
 * RFC 3610 §8 packet vectors #1-#24 (AES-128-CCM, 13-byte nonce, M = 8 for #1-#6 and #13-#18, M = 10 for #7-#12
 * and #19-#24) on {@link AesCcm}; RFC 8439 §2.8.2 (ChaCha20-Poly1305 AEAD) through SseAeads; McGrew-Viega GCM
 * test cases 1 and 2 (AES-128-GCM, all-zero key and IV) through SseAeads.
 */
class RfcVectorsTest {

    /**
     * RFC 3610 §8. Each packet is header (the AAD: 8 or 12 cleartext octets) || payload; the expected output here is
     * the encrypted payload || the M-octet authentication value (the RFC's "Output" minus the cleartext header).
     */
    static Stream<Arguments> rfc3610() {
        String keyA = "C0 C1 C2 C3  C4 C5 C6 C7  C8 C9 CA CB  CC CD CE CF";
        String keyB = "D7 82 8D 13  B2 B0 BD C3  25 A7 62 36  DF 93 CC 6B";
        return Stream.of(
                v(1, keyA, "00 00 00 03  02 01 00 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E",
                        "58 8C 97 9A  61 C6 63 D2  F0 66 D0 C2  C0 F9 89 80  6D 5F 6B 61  DA C3 84",
                        "17 E8 D1 2C  FD F9 26 E0"),
                v(2, keyA, "00 00 00 04  03 02 01 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F",
                        "72 C9 1A 36  E1 35 F8 CF  29 1C A8 94  08 5C 87 E3  CC 15 C4 39  C9 E4 3A 3B",
                        "A0 91 D5 6E  10 40 09 16"),
                v(3, keyA, "00 00 00 05  04 03 02 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F  20",
                        "51 B1 E5 F4  4A 19 7D 1D  A4 6B 0F 8E  2D 28 2A E8  71 E8 38 BB  64 DA 85 96  57",
                        "4A DA A7 6F  BD 9F B0 C5"),
                v(4, keyA, "00 00 00 06  05 04 03 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E",
                        "A2 8C 68 65  93 9A 9A 79  FA AA 5C 4C  2A 9D 4A 91  CD AC 8C",
                        "96 C8 61 B9  C9 E6 1E F1"),
                v(5, keyA, "00 00 00 07  06 05 04 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F",
                        "DC F1 FB 7B  5D 9E 23 FB  9D 4E 13 12  53 65 8A D8  6E BD CA 3E",
                        "51 E8 3F 07  7D 9C 2D 93"),
                v(6, keyA, "00 00 00 08  07 06 05 A0  A1 A2 A3 A4  A5", 8,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F  20",
                        "6F C1 B0 11  F0 06 56 8B  51 71 A4 2D  95 3D 46 9B  25 70 A4 BD  87",
                        "40 5A 04 43  AC 91 CB 94"),
                v(7, keyA, "00 00 00 09  08 07 06 A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E",
                        "01 35 D1 B2  C9 5F 41 D5  D1 D4 FE C1  85 D1 66 B8  09 4E 99 9D  FE D9 6C",
                        "04 8C 56 60  2C 97 AC BB  74 90"),
                v(8, keyA, "00 00 00 0A  09 08 07 A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F",
                        "7B 75 39 9A  C0 83 1D D2  F0 BB D7 58  79 A2 FD 8F  6C AE 6B 6C  D9 B7 DB 24",
                        "C1 7B 44 33  F4 34 96 3F  34 B4"),
                v(9, keyA, "00 00 00 0B  0A 09 08 A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07",
                        "08 09 0A 0B  0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F  20",
                        "82 53 1A 60  CC 24 94 5A  4B 82 79 18  1A B5 C8 4D  F2 1C E7 F9  B7 3F 42 E1  97",
                        "EA 9C 07 E5  6B 5E B1 7E  5F 4E"),
                v(10, keyA, "00 00 00 0C  0B 0A 09 A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E",
                        "07 34 25 94  15 77 85 15  2B 07 40 98  33 0A BB 14  1B 94 7B",
                        "56 6A A9 40  6B 4D 99 99  88 DD"),
                v(11, keyA, "00 00 00 0D  0C 0B 0A A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F",
                        "67 6B B2 03  80 B0 E3 01  E8 AB 79 59  0A 39 6D A7  8B 83 49 34",
                        "F5 3A A2 E9  10 7A 8B 6C  02 2C"),
                v(12, keyA, "00 00 00 0E  0D 0C 0B A0  A1 A2 A3 A4  A5", 10,
                        "00 01 02 03  04 05 06 07  08 09 0A 0B",
                        "0C 0D 0E 0F  10 11 12 13  14 15 16 17  18 19 1A 1B  1C 1D 1E 1F  20",
                        "C0 FF A0 D6  F0 5B DB 67  F2 4D 43 A4  33 8D 2A A4  BE D7 B2 0E  43",
                        "CD 1A A3 16  62 E7 AD 65  D6 DB"),
                v(13, keyB, "00 41 2B 4E  A9 CD BE 3C  96 96 76 6C  FA", 8,
                        "0B E1 A8 8B  AC E0 18 B1",
                        "08 E8 CF 97  D8 20 EA 25  84 60 E9 6A  D9 CF 52 89  05 4D 89 5C  EA C4 7C",
                        "4C B9 7F 86  A2 A4 68 9A  87 79 47 AB  80 91 EF 53  86 A6 FF BD  D0 80 F8",
                        "E7 8C F7 CB  0C DD D7 B3"),
                v(14, keyB, "00 33 56 8E  F7 B2 63 3C  96 96 76 6C  FA", 8,
                        "63 01 8F 76  DC 8A 1B CB",
                        "90 20 EA 6F  91 BD D8 5A  FA 00 39 BA  4B AF F9 BF  B7 9C 70 28  94 9C D0 EC",
                        "4C CB 1E 7C  A9 81 BE FA  A0 72 6C 55  D3 78 06 12  98 C8 5C 92  81 4A BC 33",
                        "C5 2E E8 1D  7D 77 C0 8A"),
                v(15, keyB, "00 10 3F E4  13 36 71 3C  96 96 76 6C  FA", 8,
                        "AA 6C FA 36  CA E8 6B 40",
                        "B9 16 E0 EA  CC 1C 00 D7  DC EC 68 EC  0B 3B BB 1A  02 DE 8A 2D  1A A3 46 13  2E",
                        "B1 D2 3A 22  20 DD C0 AC  90 0D 9A A0  3C 61 FC F4  A5 59 A4 41  77 67 08 97  08",
                        "A7 76 79 6E  DB 72 35 06"),
                v(16, keyB, "00 76 4C 63  B8 05 8E 3C  96 96 76 6C  FA", 8,
                        "D0 D0 73 5C  53 1E 1B EC  F0 49 C2 44",
                        "12 DA AC 56  30 EF A5 39  6F 77 0C E1  A6 6B 21 F7  B2 10 1C",
                        "14 D2 53 C3  96 7B 70 60  9B 7C BB 7C  49 91 60 28  32 45 26",
                        "9A 6F 49 97  5B CA DE AF"),
                v(17, keyB, "00 F8 B6 78  09 4E 3B 3C  96 96 76 6C  FA", 8,
                        "77 B6 0F 01  1C 03 E1 52  58 99 BC AE",
                        "E8 8B 6A 46  C7 8D 63 E5  2E B8 C5 46  EF B5 DE 6F  75 E9 CC 0D",
                        "55 45 FF 1A  08 5E E2 EF  BF 52 B2 E0  4B EE 1E 23  36 C7 3E 3F",
                        "76 2C 0C 77  44 FE 7E 3C"),
                v(18, keyB, "00 D5 60 91  2D 3F 70 3C  96 96 76 6C  FA", 8,
                        "CD 90 44 D2  B7 1F DB 81  20 EA 60 C0",
                        "64 35 AC BA  FB 11 A8 2E  2F 07 1D 7C  A4 A5 EB D9  3A 80 3B A8  7F",
                        "00 97 69 EC  AB DF 48 62  55 94 C5 92  51 E6 03 57  22 67 5E 04  C8",
                        "47 09 9E 5A  E0 70 45 51"),
                v(19, keyB, "00 42 FF F8  F1 95 1C 3C  96 96 76 6C  FA", 10,
                        "D8 5B C7 E6  9F 94 4F B8",
                        "8A 19 B9 50  BC F7 1A 01  8E 5E 67 01  C9 17 87 65  98 09 D6 7D  BE DD 18",
                        "BC 21 8D AA  94 74 27 B6  DB 38 6A 99  AC 1A EF 23  AD E0 B5 29  39 CB 6A",
                        "63 7C F9 BE  C2 40 88 97  C6 BA"),
                v(20, keyB, "00 92 0F 40  E5 6C DC 3C  96 96 76 6C  FA", 10,
                        "74 A0 EB C9  06 9F 5B 37",
                        "17 61 43 3C  37 C5 A3 5F  C1 F3 9F 40  63 02 EB 90  7C 61 63 BE  38 C9 84 37",
                        "58 10 E6 FD  25 87 40 22  E8 03 61 A4  78 E3 E9 CF  48 4A B0 4F  44 7E FF F6",
                        "F0 A4 77 CC  2F C9 BF 54  89 44"),
                v(21, keyB, "00 27 CA 0C  71 20 BC 3C  96 96 76 6C  FA", 10,
                        "44 A3 AA 3A  AE 64 75 CA",
                        "A4 34 A8 E5  85 00 C6 E4  15 30 53 88  62 D6 86 EA  9E 81 30 1B  5A E4 22 6B  FA",
                        "F2 BE ED 7B  C5 09 8E 83  FE B5 B3 16  08 F8 E2 9C  38 81 9A 89  C8 E7 76 F1  54",
                        "4D 41 51 A4  ED 3A 8B 87  B9 CE"),
                v(22, keyB, "00 5B 8C CB  CD 9A F8 3C  96 96 76 6C  FA", 10,
                        "EC 46 BB 63  B0 25 20 C3  3C 49 FD 70",
                        "B9 6B 49 E2  1D 62 17 41  63 28 75 DB  7F 6C 92 43  D2 D7 C2",
                        "31 D7 50 A0  9D A3 ED 7F  DD D4 9A 20  32 AA BF 17  EC 8E BF",
                        "7D 22 C8 08  8C 66 6B E5  C1 97"),
                v(23, keyB, "00 3E BE 94  04 4B 9A 3C  96 96 76 6C  FA", 10,
                        "47 A6 5A C7  8B 3D 59 42  27 E8 5E 71",
                        "E2 FC FB B8  80 44 2C 73  1B F9 51 67  C8 FF D7 89  5E 33 70 76",
                        "E8 82 F1 DB  D3 8C E3 ED  A7 C2 3F 04  DD 65 07 1E  B4 13 42 AC",
                        "DF 7E 00 DC  CE C7 AE 52  98 7D"),
                v(24, keyB, "00 8D 49 3B  30 AE 8B 3C  96 96 76 6C  FA", 10,
                        "6E 37 A6 EF  54 6D 95 5D  34 AB 60 59",
                        "AB F2 1C 0B  02 FE B8 8F  85 6D F4 A3  73 81 BC E3  CC 12 85 17  D4",
                        "F3 29 05 B8  8A 64 1B 04  B9 C9 FF B5  8C C3 90 90  0F 3D A1 2A  B1",
                        "6D CE 9E 82  EF A1 6D A6  20 59"));
    }

    private static Arguments v(int n, String key, String nonce, int m, String header, String payload,
                               String encryptedPayload, String authValue) {
        return Arguments.of("Packet Vector #" + n, Bytes.fromHex(key), Bytes.fromHex(nonce), m, Bytes.fromHex(header),
                Bytes.fromHex(payload), Bytes.fromHex(encryptedPayload + authValue));
    }

    @ParameterizedTest(name = "RFC 3610 {0}")
    @MethodSource("rfc3610")
    void rfc3610PacketVector(String name, byte[] key, byte[] nonce, int m, byte[] header, byte[] payload,
                             byte[] expected) {
        assertEquals(13, nonce.length);
        assertEquals(payload.length + m, expected.length, "transcription: payload + M octets");
        AesCcm ccm = new AesCcm(key, m);
        byte[] out = new byte[expected.length];
        assertEquals(expected.length,
                ccm.encrypt(nonce, nonce.length, header, 0, header.length, payload, 0, payload.length, out, 0));
        assertArrayEquals(expected, out, "encrypt");
        byte[] plain = new byte[payload.length];
        assertEquals(payload.length,
                ccm.decrypt(nonce, nonce.length, header, 0, header.length, expected, 0, expected.length, plain, 0));
        assertArrayEquals(payload, plain, "decrypt");
        // the last octet of the authentication value, the first octet of the ciphertext, and the header all count
        for (int pos : new int[] {expected.length - 1, 0}) {
            byte[] bad = expected.clone();
            bad[pos] ^= 0x01;
            assertEquals(-1, ccm.decrypt(nonce, nonce.length, header, 0, header.length, bad, 0, bad.length, plain, 0));
        }
        byte[] badHeader = header.clone();
        badHeader[0] ^= (byte) 0x80;
        assertEquals(-1, ccm.decrypt(nonce, nonce.length, badHeader, 0, badHeader.length, expected, 0,
                expected.length, plain, 0));
        ccm.wipe();
    }

    /** RFC 8439 §2.8.2: the nonce 07000000 || 4041424344454647 is exactly salt || seq64 for the SSE suite. */
    @Test
    void rfc8439AeadExample() throws AuthenticationException {
        byte[] key = Bytes.fromHex("80 81 82 83 84 85 86 87 88 89 8a 8b 8c 8d 8e 8f"
                + "90 91 92 93 94 95 96 97 98 99 9a 9b 9c 9d 9e 9f");
        byte[] salt = Bytes.fromHex("07 00 00 00");
        long seq = 0x4041424344454647L;
        byte[] aad = Bytes.fromHex("50 51 52 53 c0 c1 c2 c3 c4 c5 c6 c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
                + "the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        assertEquals(114, plaintext.length);
        byte[] ciphertext = Bytes.fromHex(""
                + "d3 1a 8d 34 64 8e 60 db 7b 86 af bc 53 ef 7e c2"
                + "a4 ad ed 51 29 6e 08 fe a9 e2 b5 a7 36 ee 62 d6"
                + "3d be a4 5e 8c a9 67 12 82 fa fb 69 da 92 72 8b"
                + "1a 71 de 0a 9e 06 0b 29 05 d6 a5 b6 7e cd 3b 36"
                + "92 dd bd 7f 2d 77 8b 8c 98 03 ae e3 28 09 1b 58"
                + "fa b3 24 e4 fa d6 75 94 55 85 80 8b 48 31 d7 bc"
                + "3f f4 de f0 8e 4b 7a 9d e5 76 d2 65 86 ce c6 4b"
                + "61 16");
        byte[] tag = Bytes.fromHex("1a:e1:0b:59:4f:09:e2:6a:7e:90:2e:cb:d0:60:06:91".replace(":", ""));
        byte[] expected = WycheproofVectors.concat(ciphertext, tag);
        byte[] keyMaterial = WycheproofVectors.concat(key, salt);
        try (SseAead sender = SseAeads.create(SseSuite.CHACHA20_POLY1305, keyMaterial);
             SseAead receiver = SseAeads.create(SseSuite.CHACHA20_POLY1305, keyMaterial)) {
            assertArrayEquals(expected, sender.seal(seq, aad, plaintext), "seal");
            assertThrows(AuthenticationException.class, () -> receiver.open(seq + 1, aad, expected), "other seq");
            assertArrayEquals(plaintext, receiver.open(seq, aad, expected), "open");
        }
    }

    /**
     * McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", Test Cases 1 and 2: K = 0^128, IV = 0^96,
     * no AAD; P empty (1) or 0^128 (2). With salt = 00000000 and seq = 0 the SSE nonce is IV.
     */
    @Test
    void gcmTestCases1And2() throws AuthenticationException {
        byte[] keyMaterial = new byte[SseSuite.AES_GCM_16.keyMaterialLength()];
        byte[] tag1 = Bytes.fromHex("58e2fccefa7e3061367f1d57a4e7455a");
        byte[] ct2 = Bytes.fromHex("0388dace60b6a392f328c2b971b2fe78");
        byte[] tag2 = Bytes.fromHex("ab6e47d42cec13bdf53a67b21257bddf");
        byte[] tc2 = WycheproofVectors.concat(ct2, tag2);
        try (SseAead aead = SseAeads.create(SseSuite.AES_GCM_16, keyMaterial)) {
            assertArrayEquals(tc2, aead.seal(0, new byte[0], new byte[16]), "test case 2 seal");
            assertArrayEquals(new byte[16], aead.open(0, new byte[0], tc2), "test case 2 open");
            assertArrayEquals(new byte[0], aead.open(0, new byte[0], tag1), "test case 1 open");
        }
        try (SseAead aead = SseAeads.create(SseSuite.AES_GCM_16, keyMaterial)) {
            assertArrayEquals(tag1, aead.seal(0, new byte[0], new byte[0]), "test case 1 seal");
        }
        // AES_GCM_8 sends the first 8 tag octets
        byte[] truncated = Arrays.copyOf(tc2, 24);
        try (SseAead aead = SseAeads.create(SseSuite.AES_GCM_8, new byte[SseSuite.AES_GCM_8.keyMaterialLength()])) {
            assertArrayEquals(truncated, aead.seal(0, new byte[0], new byte[16]), "GCM-8 seal");
            assertArrayEquals(new byte[16], aead.open(0, new byte[0], truncated), "GCM-8 open");
        }
    }
}
