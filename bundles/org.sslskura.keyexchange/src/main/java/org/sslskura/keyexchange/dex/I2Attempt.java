package org.sslskura.keyexchange.dex;

import java.util.Arrays;
import java.util.Map;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;

/**
 * One I2 the initiator sent in answer to one R1, with everything needed to finish the exchange if the R2 answers it.
 * R1 is unauthenticated, so the initiator keeps a few attempts side by side (decisions §6.23) rather than trusting
 * the last or the highest R1_COUNTER; the R2 names its attempt by echoing the I_NONCE.
 */
final class I2Attempt {
    /** Attempts kept at most per exchange. */
    static final int MAX_ATTEMPTS = 4;

    final long r1Generation;
    final byte[] puzzleI;
    final byte[] puzzleJ;
    final byte[] iNonce;
    final Map<Integer, byte[]> r1Offer;
    final MasterKeys master;
    final int inboundSpi;
    final SseSuite suite;
    final SseFormat format;
    final boolean compression;
    /** x, sent encrypted in the I2; needed for KEYMAT. */
    byte[] localRandom;
    /** Kij, needed for KEYMAT once the R2 brings y. */
    byte[] kij;
    byte[] i2;

    I2Attempt(long r1Generation, byte[] puzzleI, byte[] puzzleJ, byte[] iNonce, Map<Integer, byte[]> r1Offer,
              MasterKeys master, int inboundSpi, SseSuite suite, SseFormat format, boolean compression,
              byte[] localRandom, byte[] kij) {
        this.r1Generation = r1Generation;
        this.puzzleI = puzzleI;
        this.puzzleJ = puzzleJ;
        this.iNonce = iNonce;
        this.r1Offer = r1Offer;
        this.master = master;
        this.inboundSpi = inboundSpi;
        this.suite = suite;
        this.format = format;
        this.compression = compression;
        this.localRandom = localRandom;
        this.kij = kij;
    }

    /** @return true if this attempt answers the R1 with this generation and #I */
    boolean answers(long generation, byte[] i) {
        return r1Generation == generation && Arrays.equals(puzzleI, i);
    }

    /** Wipes the values only KEYMAT derivation needs; the Master Key SA stays. */
    void wipeExchangeValues() {
        Bytes.wipe(localRandom);
        localRandom = null;
        Bytes.wipe(kij);
        kij = null;
    }

    /** Wipes everything, the Master Key SA included. */
    void destroy() {
        wipeExchangeValues();
        master.close();
    }
}
