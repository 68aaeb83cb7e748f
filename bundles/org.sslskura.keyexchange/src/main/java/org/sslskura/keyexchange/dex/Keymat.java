package org.sslskura.keyexchange.dex;

import java.util.Arrays;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.Ckdf;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.Hit;

/**
 * The pair-wise KEYMAT of one association (docs/PROTOCOL.md §6.2–6.3): up to 4080 bytes from
 * DEX-Expand(DEX-Extract(#I, Kij || I_NONCE || R_low || R_high)), from which SA pairs are drawn at KEYMAT indices.
 * The expansion is computed on demand, only as far as a draw needs.
 */
final class Keymat implements AutoCloseable {
    private final byte[] prk;
    private final byte[] sortedHits;
    private final boolean localIsGreater;
    private byte[] okm = new byte[0];

    private Keymat(byte[] prk, byte[] sortedHits, boolean localIsGreater) {
        this.prk = prk;
        this.sortedHits = sortedHits;
        this.localIsGreater = localIsGreater;
    }

    /**
     * @param localRandom our ENCRYPTED_KEY random value
     * @param peerRandom the peer's decrypted random value
     */
    static Keymat derive(byte[] kij, byte[] iNonce, byte[] puzzleI, Hit local, Hit peer, byte[] localRandom,
                         byte[] peerRandom) {
        boolean localIsGreater = local.compareTo(peer) > 0;
        byte[] sorted = Ckdf.sortHits(local.bytes(), peer.bytes());
        byte[] ikm = localIsGreater
                ? MasterKeys.concat(kij, iNonce, peerRandom, localRandom)
                : MasterKeys.concat(kij, iNonce, localRandom, peerRandom);
        try {
            return new Keymat(Ckdf.dexExtract(puzzleI, ikm, sorted), sorted, localIsGreater);
        } finally {
            Bytes.wipe(ikm);
        }
    }

    /** @return bytes one SA pair of {@code suite} consumes */
    static int pairLength(SseSuite suite) {
        return 2 * suite.keyMaterialLength();
    }

    /** @return true if a pair of {@code suite} can still be drawn at {@code index} */
    static boolean fits(SseSuite suite, int index) {
        return index >= 0 && index + pairLength(suite) <= Ckdf.MAX_OUTPUT;
    }

    /**
     * Draws the SA pair at {@code index}: SA-gl key || salt, then SA-lg key || salt. SA-gl protects what the
     * greater-HIT host sends.
     *
     * @return {outbound, inbound} seen from the local host
     */
    SecurityAssociation[] draw(SseSuite suite, int index, int outboundSpi, int inboundSpi) {
        if (!fits(suite, index)) {
            throw new IllegalStateException("KEYMAT exhausted");
        }
        int len = suite.keyMaterialLength();
        ensure(index + 2 * len);
        byte[] gl = Arrays.copyOfRange(okm, index, index + len);
        byte[] lg = Arrays.copyOfRange(okm, index + len, index + 2 * len);
        try {
            byte[] out = localIsGreater ? gl : lg;
            byte[] in = localIsGreater ? lg : gl;
            return new SecurityAssociation[] {
                new SecurityAssociation(outboundSpi, suite, out, index),
                new SecurityAssociation(inboundSpi, suite, in, index)};
        } finally {
            Bytes.wipe(gl);
            Bytes.wipe(lg);
        }
    }

    private void ensure(int length) {
        if (okm.length < length) {
            byte[] next = Ckdf.dexExpand(prk, sortedHits, Math.min(Ckdf.MAX_OUTPUT, Math.max(length, 256)));
            Bytes.wipe(okm);
            okm = next;
        }
    }

    @Override
    public void close() {
        Bytes.wipe(prk);
        Bytes.wipe(okm);
    }
}
