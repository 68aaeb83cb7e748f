package org.sslskura.keyexchange.dex;

import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.HipMac;
import org.sslskura.wire.hip.HipPacket;

/** Signing and verifying HIP_MAC (docs/PROTOCOL.md §5, "HIP_MAC input"). */
final class HipMacs {
    private HipMacs() {
    }

    /** @return the encoded packet: the builder's parameters plus HIP_MAC over them with our outgoing key */
    static byte[] sign(HipPacket.Builder unsigned, MasterKeys keys) {
        HipPacket withoutMac = unsigned.build();
        byte[] mac = keys.macOutgoing(withoutMac.macInput());
        return unsigned.add(new HipMac(mac)).build().encode();
    }

    /** @return true if the received packet carries a HIP_MAC that verifies with the peer's outgoing key */
    static boolean verify(byte[] received, HipPacket packet, MasterKeys keys) {
        var mac = packet.find(HipMac.class);
        if (mac.isEmpty() || keys == null) {
            return false;
        }
        try {
            return keys.verifyIncoming(HipPacket.macInput(received, 0, received.length), mac.get().mac());
        } catch (WireException e) {
            return false;
        }
    }
}
