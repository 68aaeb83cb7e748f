package org.sslskura.wire.hip;

import org.sslskura.crypto.Bytes;

/** Sample DEX packets with the RFC 7748 Alice (Initiator) and Bob (Responder) keys, X25519, 16-byte secrets. */
final class Samples {
    static final byte[] ALICE_PUB = Bytes.fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    static final byte[] BOB_PUB = Bytes.fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    static final HostIdentity ALICE = HostIdentity.of(HipConstants.DH_GROUP_X25519, ALICE_PUB);
    static final HostIdentity BOB = HostIdentity.of(HipConstants.DH_GROUP_X25519, BOB_PUB);
    static final Hit HIT_I = ALICE.hit();
    static final Hit HIT_R = BOB.hit();

    private Samples() {
    }

    static byte[] seq(int start, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    static HipPacket i1() {
        return HipPacket.builder(HipConstants.I1, HIT_I, HIT_R).add(DhGroupList.of(12)).build();
    }

    static HipPacket r1() {
        return HipPacket.builder(HipConstants.R1, HIT_R, HIT_I)
                .add(SseTransform.of(11, 10))
                .add(TransportFormatList.of(HipConstants.TF_SSE))
                .add(HitSuiteList.of(HipConstants.HIT_SUITE_ID_DEX))
                .add(HostId.of(BOB))
                .add(HipCipher.of(HipConstants.HIP_CIPHER_AES_128_CTR))
                .add(DhGroupList.of(12))
                .add(new Puzzle(8, 37, 0x1234, seq(0, 16)))
                .add(R1Counter.of(1_700_000_000L))
                .build();
    }

    static HipPacket i2() {
        return HipPacket.builder(HipConstants.I2, HIT_I, HIT_R)
                .add(new HipMac(seq(0x70, 16)))
                .add(SseTransform.of(11))
                .add(TransportFormatList.of(HipConstants.TF_SSE))
                .add(HostId.of(ALICE))
                .add(new INonce(seq(0x20, 32)))
                .add(new EncryptedKey(seq(0x40, 16)))
                .add(HipCipher.of(HipConstants.HIP_CIPHER_AES_128_CTR))
                .add(new Solution(8, 0, 0x1234, seq(0, 16), seq(0x10, 16)))
                .add(R1Counter.of(1_700_000_000L))
                .build();
    }

    static HipPacket r2() {
        return HipPacket.builder(HipConstants.R2, HIT_R, HIT_I)
                .add(DhGroupList.of(12))
                .add(HipCipher.of(HipConstants.HIP_CIPHER_AES_128_CTR))
                .add(new EncryptedKey(seq(0x50, 16)))
                .add(new INonce(seq(0x20, 32)))
                .add(HitSuiteList.of(HipConstants.HIT_SUITE_ID_DEX))
                .add(TransportFormatList.of(HipConstants.TF_SSE))
                .add(new HipMac(seq(0x80, 16)))
                .build();
    }

    static HipPacket update() {
        return HipPacket.builder(HipConstants.UPDATE, HIT_I, HIT_R)
                .add(SseInfo.of(64, 0x123456, 0x654321))
                .add(new Seq(7))
                .add(Ack.of(6))
                .add(new HipMac(seq(0x90, 16)))
                .build();
    }

    /** An I2 with every SSLS parameter too, and unsigned echoes after HIP_MAC. */
    static HipPacket fullI2() {
        return HipPacket.builder(HipConstants.I2, HIT_I, HIT_R)
                .add(new EchoResponseUnsigned(seq(1, 5)))
                .add(new EchoResponseUnsigned(seq(9, 3)))
                .add(SseFormatList.of(1))
                .add(GpcompInfo.of(0x0101, HipConstants.GPCOMP_DEFLATE))
                .add(new SslsInfo(1024, 512))
                .add(SseInfo.of(0, 0, 0x0A0B0C))
                .add(i2().parameters().get(0))
                .build();
    }
}
