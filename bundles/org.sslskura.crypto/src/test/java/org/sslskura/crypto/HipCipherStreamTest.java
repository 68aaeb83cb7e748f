package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The AES-CTR engine against RFC 3686, and the DEX counter-block rules (G7). */
class HipCipherStreamTest {

    @Test
    void rfc3686TestVector1() {
        byte[] key = Bytes.fromHex("AE6852F8121067CC4BF7A5765577F39E");
        byte[] counterBlock = Bytes.fromHex("00000030000000000000000000000001");
        assertArrayEquals(Bytes.fromHex("E4095D4FB7A7B3792D6175A3261311B8"),
                HipCipherStream.transform(key, counterBlock, Bytes.fromHex("53696E676C6520626C6F636B206D7367")));
    }

    @Test
    void rfc3686TestVector2() {
        byte[] key = Bytes.fromHex("7E24067817FAE0D743D6CE1F32539163");
        byte[] counterBlock = Bytes.fromHex("006CB6DBC0543B59DA48D90B00000001");
        byte[] pt = Bytes.fromHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
        assertArrayEquals(Bytes.fromHex("5104A106168A72D9790D41EE8EDAD388EB2E1EFC46DA57C8FCE630DF9141BE28"),
                HipCipherStream.transform(key, counterBlock, pt));
    }

    @Test
    void counterAdvancesPerBlockAcrossParameters() {
        byte[] key = Bytes.fromHex("7d7ba701515c7fd9977df19772e62cd3");
        byte[] iv = Bytes.fromHex("0e0e031f0405060708090a0b0c0d");
        HipCipherStream stream = new HipCipherStream(key, iv);
        byte[] first = stream.apply(new byte[20]);
        assertEquals(2, stream.blocksUsed());
        byte[] second = stream.apply(new byte[16]);
        assertEquals(3, stream.blocksUsed());
        byte[] block = new byte[16];
        System.arraycopy(iv, 0, block, 0, 14);
        assertArrayEquals(HipCipherStream.transform(key, block, new byte[20]), first);
        block[15] = 2;
        assertArrayEquals(HipCipherStream.transform(key, block, new byte[16]), second);
    }

    @Test
    void refusesToWrapTheBlockCounter() {
        HipCipherStream stream = new HipCipherStream(new byte[16], new byte[14]);
        stream.apply(new byte[16 * (HipCipherStream.MAX_BLOCKS - 1)]);
        stream.apply(new byte[16]);
        assertThrows(IllegalStateException.class, () -> stream.apply(new byte[1]));
    }

    @Test
    void ivIsTheFoldOfPuzzleIAndJ() {
        byte[] i = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        byte[] j = Bytes.fromHex("0000000000000000000000000000011c");
        assertArrayEquals(Bytes.fromHex("0e0e031f0405060708090a0b0c0d"), HipCipherStream.ivFor(i, j));
    }
}
