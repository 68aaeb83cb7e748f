package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7748 §5.2 and §6 vectors, and the DEX public-key validation (G15). */
class XdhRfc7748Test {

    @ParameterizedTest
    @CsvSource({
        "X25519, a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4, "
            + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c, "
            + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        // the u-coordinate has its top bit set: RFC 7748 masks it
        "X25519, 4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d, "
            + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493, "
            + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
        "X448, 3d262fddf9ec8e88495266fea19a34d28882acef045104d0d1aae121700a779c984c24f8cdd78fbff44943eba368f54b29259a4f1c600ad3, "
            + "06fce640fa3487bfda5f6cf2d5263f8aad88334cbd07437f020f08f9814dc031ddbdc38c19c6da2583fa5429db94ada18aa7a7fb4ef8a086, "
            + "ce3e4ff95a60dc6697da1db1d85e6afbdf79b50a2412d7546d5f239fe14fbaadeb445fc66a01b0779d98223961111e21766282f73dd96b6f",
        "X448, 203d494428b8399352665ddca42f9de8fef600908e0d461cb021f8c538345dd77c3e4806e25f46d3315c44e0a5b4371282dd2c8d5be3095f, "
            + "0fbcc2f993cd56d3305b0b7d9e55d4c1a8fb5dbb52f8e9a1e9b6201b165d015894e56c4d3570bee52fe205e28a78b91cdfbde71ce8d157db, "
            + "884a02576239ff7a2f2f63b2db6a9ff37047ac13568e1e30fe63c4a7ad1b3ee3a5700df34321d62077e63633c575c1c954514e99da7c179d"})
    void scalarMultiplicationVectors(EcdhCurve curve, String k, String u, String out) throws InvalidKeyException {
        assertArrayEquals(Bytes.fromHex(out), Xdh.agree(curve, Bytes.fromHex(k), Bytes.fromHex(u)));
    }

    @Test
    void x25519IteratedOnceAndThousandTimes() throws InvalidKeyException {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = Xdh.agree(EcdhCurve.X25519, k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertArrayEquals(Bytes.fromHex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"), k);
            }
        }
        assertArrayEquals(Bytes.fromHex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"), k);
    }

    @Test
    void x448IteratedOnce() throws InvalidKeyException {
        byte[] k = new byte[56];
        k[0] = 5;
        assertArrayEquals(Bytes.fromHex("3f482c8a9f19b01e6c46ee9711d9dc14fd4bf67af30765c2ae2b846a4d23a8cd"
                + "0db897086239492caf350b51f833868b9bc2b3bca9cf4113"), Xdh.agree(EcdhCurve.X448, k, k.clone()));
    }

    @Test
    void diffieHellmanX25519() throws InvalidKeyException {
        byte[] alice = Bytes.fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = Bytes.fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePub = Xdh.publicKey(EcdhCurve.X25519, alice);
        byte[] bobPub = Xdh.publicKey(EcdhCurve.X25519, bob);
        assertArrayEquals(Bytes.fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), alicePub);
        assertArrayEquals(Bytes.fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), bobPub);
        byte[] k = Bytes.fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(k, Xdh.agree(EcdhCurve.X25519, alice, bobPub));
        assertArrayEquals(k, Xdh.agree(EcdhCurve.X25519, bob, alicePub));
    }

    @Test
    void generatedKeysAgree() throws InvalidKeyException {
        SecureRandom random = new SecureRandom();
        for (EcdhCurve curve : EcdhCurve.values()) {
            byte[] a = Xdh.generatePrivateKey(curve, random);
            byte[] b = Xdh.generatePrivateKey(curve, random);
            assertArrayEquals(Xdh.agree(curve, a, Xdh.publicKey(curve, b)), Xdh.agree(curve, b, Xdh.publicKey(curve, a)));
            assertEquals(curve.keyLength(), Xdh.publicKey(curve, a).length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        // the same points with bit 255 set, which RFC 7748 masks
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
        "0100000000000000000000000000000000000000000000000000000000000080"})
    void smallOrderPointsAreRejected(String point) {
        byte[] priv = new byte[32];
        priv[0] = 1;
        assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X25519, priv, Bytes.fromHex(point)));
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X25519, new byte[32], new byte[31]));
        assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X25519, new byte[32], new byte[33]));
        assertThrows(InvalidKeyException.class, () -> Xdh.agree(EcdhCurve.X448, new byte[56], new byte[32]));
    }

    @Test
    void curveFieldAcceptsLegacyLabels() {
        assertEquals(EcdhCurve.X25519, EcdhCurve.fromCurveField(12).orElseThrow());
        assertEquals(EcdhCurve.X25519, EcdhCurve.fromCurveField(5).orElseThrow());
        assertEquals(EcdhCurve.X448, EcdhCurve.fromCurveField(13).orElseThrow());
        assertEquals(EcdhCurve.X448, EcdhCurve.fromCurveField(6).orElseThrow());
        assertEquals(false, EcdhCurve.fromCurveField(7).isPresent());
    }
}
