package org.sslskura.keyexchange.dex;

import java.util.Arrays;
import org.sslskura.crypto.AesCmac;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.Ckdf;
import org.sslskura.crypto.HipCipherStream;
import org.sslskura.wire.hip.Hit;

/**
 * The Master Key SA of one association (docs/PROTOCOL.md §6.1): the HIP encryption and CMAC keys of both directions,
 * seen from the local host. "Outgoing" keys protect what we send: gl if our HIT is the greater one.
 */
final class MasterKeys implements AutoCloseable {
    private static final int KEY = 16;

    private final byte[] outgoingEnc;
    private final byte[] outgoingMac;
    private final byte[] incomingEnc;
    private final byte[] incomingMac;

    private MasterKeys(byte[] okm, boolean localIsGreater) {
        byte[] glEnc = Arrays.copyOfRange(okm, 0, KEY);
        byte[] glMac = Arrays.copyOfRange(okm, KEY, 2 * KEY);
        byte[] lgEnc = Arrays.copyOfRange(okm, 2 * KEY, 3 * KEY);
        byte[] lgMac = Arrays.copyOfRange(okm, 3 * KEY, 4 * KEY);
        this.outgoingEnc = localIsGreater ? glEnc : lgEnc;
        this.outgoingMac = localIsGreater ? glMac : lgMac;
        this.incomingEnc = localIsGreater ? lgEnc : glEnc;
        this.incomingMac = localIsGreater ? lgMac : glMac;
    }

    /**
     * Derives the Master Key SA: PRK = DEX-Extract(#I, Kij || I_NONCE), OKM = DEX-Expand(PRK, 64).
     */
    static MasterKeys derive(byte[] kij, byte[] iNonce, byte[] puzzleI, Hit local, Hit peer) {
        byte[] sorted = Ckdf.sortHits(local.bytes(), peer.bytes());
        byte[] ikm = concat(kij, iNonce);
        byte[] prk = Ckdf.dexExtract(puzzleI, ikm, sorted);
        byte[] okm = Ckdf.dexExpand(prk, sorted, 4 * KEY);
        try {
            return new MasterKeys(okm, local.compareTo(peer) > 0);
        } finally {
            Bytes.wipe(ikm);
            Bytes.wipe(prk);
            Bytes.wipe(okm);
        }
    }

    /** @return HIP_MAC value for a packet we send */
    byte[] macOutgoing(byte[] macInput) {
        return AesCmac.compute(outgoingMac, macInput);
    }

    /** @return true if {@code mac} is the peer's HIP_MAC over {@code macInput} (constant-time) */
    boolean verifyIncoming(byte[] macInput, byte[] mac) {
        return Bytes.constantTimeEquals(AesCmac.compute(incomingMac, macInput), mac);
    }

    /** @return the CTR stream for what we encrypt; block counter 0 (decisions §6.18) */
    HipCipherStream outgoingCipher(byte[] iv) {
        return new HipCipherStream(outgoingEnc, iv);
    }

    /** @return the CTR stream for what the peer encrypted; block counter 0 */
    HipCipherStream incomingCipher(byte[] iv) {
        return new HipCipherStream(incomingEnc, iv);
    }

    @Override
    public void close() {
        Bytes.wipe(outgoingEnc);
        Bytes.wipe(outgoingMac);
        Bytes.wipe(incomingEnc);
        Bytes.wipe(incomingMac);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
