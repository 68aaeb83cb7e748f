package org.sslskura.keyexchange.dex;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HipParameter;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.INonce;
import org.sslskura.wire.hip.Solution;

/** Rewrites captured packets for attack tests. */
final class Packets {
    private Packets() {
    }

    /** @return the packet re-encoded with each parameter passed through {@code change} (null removes it) */
    static byte[] rewrite(byte[] packet, UnaryOperator<HipParameter> change) {
        HipPacket p = DexTestbed.parse(packet);
        List<HipParameter> params = new ArrayList<>();
        for (HipParameter x : p.parameters()) {
            HipParameter y = change.apply(x);
            if (y != null) {
                params.add(y);
            }
        }
        params.sort(java.util.Comparator.comparingInt(HipParameter::type));
        return new HipPacket(p.packetType(), p.controls(), p.senderHit(), p.receiverHit(), params).encode();
    }

    /**
     * @return the I2 with a new #J that solves its puzzle again (a different, valid solution) and a fresh I_NONCE;
     *         HIP_MAC is left as it was, so it no longer verifies
     */
    static byte[] freshSolution(byte[] i2, SecureRandom random) {
        HipPacket p = DexTestbed.parse(i2);
        Solution old = p.find(Solution.class).orElseThrow();
        byte[] seed = new byte[16];
        byte[] nonce = new byte[32];
        random.nextBytes(seed);
        random.nextBytes(nonce);
        byte[] j = Puzzles.solve(old.i(), p.senderHit(), p.receiverHit(), old.k(), seed, 1L << 30);
        return rewrite(i2, x -> x instanceof Solution s ? new Solution(s.k(), s.reserved(), s.opaque(), s.i(), j)
                : x instanceof INonce ? new INonce(nonce) : x);
    }

    /** @return the packet with another receiver HIT */
    static byte[] withReceiver(byte[] packet, Hit receiver) {
        byte[] out = packet.clone();
        System.arraycopy(receiver.bytes(), 0, out, 24, 16);
        return out;
    }

    static int type(byte[] packet) {
        return packet[2] & 0x7F;
    }
}
