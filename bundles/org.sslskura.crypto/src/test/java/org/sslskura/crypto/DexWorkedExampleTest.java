package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.InvalidKeyException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The non-normative DEX worked example of draft-ietf-hip-dex-24 as worked through for this profile (docs/PROTOCOL.md §6.4) (Alice = Initiator, Bob = Responder, RFC 7748 keys),
 * recomputed from its inputs with the primitives: Kij, puzzle, master PRK and HIP keys, CTR IV, both ENCRYPTED_KEY
 * values, and the pair-wise PRK and OKM.
 */
class DexWorkedExampleTest {
    private static final byte[] ALICE_PRIV = Bytes.fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] BOB_PUB = Bytes.fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] HIT_I = Bytes.fromHex("200100244dbdd676d8d0e7b5494e2228");
    private static final byte[] HIT_R = Bytes.fromHex("2001002437bd0ce6b977a28977cd274a");
    private static final byte[] PUZZLE_I = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] I_NONCE = range(0x20, 32);

    @Test
    void reproducesTheWorkedExample() throws InvalidKeyException {
        byte[] kij = Xdh.agree(EcdhCurve.X25519, ALICE_PRIV, BOB_PUB);
        assertArrayEquals(Bytes.fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"), kij);

        // Puzzle with K = 8: the smallest #J whose CMAC(#I, HIT-I || HIT-R || #J) ends in 8 zero bits.
        byte[] j = new byte[16];
        byte[] mac;
        int counter = 0;
        do {
            j[14] = (byte) (counter >>> 8);
            j[15] = (byte) counter;
            mac = AesCmac.compute(PUZZLE_I, HIT_I, HIT_R, j);
            counter++;
        } while (mac[15] != 0);
        assertEquals(0x11c, counter - 1);
        assertArrayEquals(Bytes.fromHex("1269ea01"), Arrays.copyOf(mac, 4));

        byte[] sorted = Ckdf.sortHits(HIT_I, HIT_R);
        assertArrayEquals(Bytes.fromHex("2001002437bd0ce6b977a28977cd274a200100244dbdd676d8d0e7b5494e2228"), sorted);

        byte[] prkMaster = Ckdf.dexExtract(PUZZLE_I, concat(kij, I_NONCE), sorted);
        assertArrayEquals(Bytes.fromHex("e355a01fb0d637d204dde23cf220d74f"), prkMaster);
        byte[] hipKeys = Ckdf.dexExpand(prkMaster, sorted, 64);
        assertArrayEquals(Bytes.fromHex("7d7ba701515c7fd9977df19772e62cd3" // HIP-gl enc (Initiator: greater HIT)
                + "41796305f1b2a801aa48c7a929354dc2"                         // HIP-gl cmac
                + "b997e3630db8e26ee30144d4d7faf115"                         // HIP-lg enc
                + "a9af077f8aff5d4832b279c8d0460d47"), hipKeys);             // HIP-lg cmac

        byte[] iv = HipCipherStream.ivFor(PUZZLE_I, j);
        assertArrayEquals(Bytes.fromHex("0e0e031f0405060708090a0b0c0d"), iv);
        byte[] x = range(0x40, 16);
        byte[] y = range(0x50, 16);
        byte[] encX = new HipCipherStream(Arrays.copyOfRange(hipKeys, 0, 16), iv).apply(x);
        byte[] encY = new HipCipherStream(Arrays.copyOfRange(hipKeys, 32, 48), iv).apply(y);
        assertArrayEquals(Bytes.fromHex("1e57f2ef8a291b26d0b25aa0ccbfb364"), encX);
        assertArrayEquals(Bytes.fromHex("33a96b6f348b0fab149ed6506d203539"), encY);

        // Bob has the lower HIT, so his y comes first.
        byte[] prkPair = Ckdf.dexExtract(PUZZLE_I, concat(concat(kij, I_NONCE), concat(y, x)), sorted);
        assertArrayEquals(Bytes.fromHex("abe212146c95d7a807d5c2793058de9a"), prkPair);
        assertArrayEquals(Bytes.fromHex("ec35ddb11e0aa8eafdcaf8cf6700c5c071094392007c8b99ce9a067f47f7e611"
                + "0ed71ccc89fe538d6e3609b07d02a6daa106e8ddc9e521105c47420f520ecdda"), Ckdf.dexExpand(prkPair, sorted, 64));
    }

    private static byte[] range(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
