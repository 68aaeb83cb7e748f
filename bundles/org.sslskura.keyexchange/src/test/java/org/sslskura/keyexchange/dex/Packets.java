package org.sslskura.keyexchange.dex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HipParameter;
import org.sslskura.wire.hip.Hit;

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
