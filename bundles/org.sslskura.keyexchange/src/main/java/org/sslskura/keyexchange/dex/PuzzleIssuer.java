package org.sslskura.keyexchange.dex;

import java.security.SecureRandom;
import org.sslskura.crypto.AesCmac;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.hip.Hit;

/**
 * The stateless responder's puzzle (decisions §6.14): #I = CMAC(S_gen, HIT-I || HIT-R), where the generation counter
 * starts at the Unix time in seconds when the responder starts and advances every puzzle lifetime (32 s). S_gen is
 * derived from one random secret per process, so no per-generation state is kept; the current and the previous
 * generation are accepted. #K is raised while I1s arrive faster than the configured threshold (G17): the load is
 * tracked with two counters, never per initiator.
 */
final class PuzzleIssuer implements AutoCloseable {
    private final AesCmac secretDerivation;
    private final long startSeconds;
    private long loadWindowSecond = Long.MIN_VALUE;
    private int loadCount;
    private boolean underLoad;

    /**
     * @param random the source of the process secret
     * @param nowMillis the current time (Unix epoch milliseconds)
     */
    PuzzleIssuer(SecureRandom random, long nowMillis) {
        byte[] master = new byte[16];
        random.nextBytes(master);
        this.secretDerivation = new AesCmac(master);
        Bytes.wipe(master);
        this.startSeconds = nowMillis / 1000;
    }

    /** @return the R1 generation counter at {@code nowMillis} */
    long generation(long nowMillis) {
        return startSeconds + Math.max(0, nowMillis / 1000 - startSeconds) / DexConfig.PUZZLE_LIFETIME_SECONDS;
    }

    /** @return #I for this generation and HIT pair */
    byte[] puzzleI(long generation, Hit initiator, Hit responder) {
        byte[] gen = new byte[8];
        Bytes.putLong(gen, 0, generation);
        byte[] secret = secretDerivation.mac(gen);
        try (AesCmac cmac = new AesCmac(secret)) {
            return cmac.mac(initiator.bytes(), responder.bytes());
        } finally {
            Bytes.wipe(secret);
        }
    }

    /** @return PUZZLE Opaque: the low 16 bits of the generation */
    static int opaque(long generation) {
        return (int) (generation & 0xFFFF);
    }

    /** @return true if {@code generation} is the current or the previous one */
    boolean isLive(long generation, long nowMillis) {
        long current = generation(nowMillis);
        return generation == current || generation == current - 1;
    }

    /**
     * Records one received I1 and returns the #K to issue now.
     *
     * @param config the K values and the load threshold
     */
    int recordI1AndChooseK(DexConfig config, long nowMillis) {
        long second = nowMillis / 1000;
        if (second != loadWindowSecond) {
            underLoad = loadCount > config.loadThresholdPerSecond() && second == loadWindowSecond + 1;
            loadWindowSecond = second;
            loadCount = 0;
        }
        loadCount++;
        if (loadCount > config.loadThresholdPerSecond()) {
            underLoad = true;
        }
        return requiredK(config);
    }

    /** @return the smallest #K a SOLUTION may carry now */
    int requiredK(DexConfig config) {
        return underLoad ? config.loadPuzzleK() : config.puzzleK();
    }

    @Override
    public void close() {
        secretDerivation.close();
    }
}
