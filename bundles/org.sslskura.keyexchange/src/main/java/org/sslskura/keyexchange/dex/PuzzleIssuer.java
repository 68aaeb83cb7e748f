package org.sslskura.keyexchange.dex;

import java.security.SecureRandom;
import org.sslskura.crypto.AesCmac;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.hip.Hit;

/**
 * The stateless responder's puzzle (decisions §6.14): #I = CMAC(S_gen, HIT-I || HIT-R || #K), where the generation
 * counter starts at the Unix time in seconds when the responder starts and advances every puzzle lifetime (32 s).
 * S_gen is derived from one random secret per process, so no per-generation state is kept; the current and the
 * previous generation are accepted. Binding #K into #I lets an I2 prove which difficulty it was issued, so a puzzle
 * stays acceptable for its whole lifetime even if the load changes meanwhile.
 * <p>
 * #K is raised while the HIP load (I1s, I2s and HIP_MAC failures) exceeds the configured threshold per second. The
 * load is judged on the clock, not on arrivals: it is tracked with two per-second counters, never per initiator, and
 * an overloaded second raises #K for at most the following second.
 */
final class PuzzleIssuer implements AutoCloseable {
    private final AesCmac secretDerivation;
    private final long startSeconds;
    private long loadSecond = Long.MIN_VALUE;
    private long loadCount;
    private long previousSecondCount;

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

    /** @return #I for this generation, HIT pair and difficulty */
    byte[] puzzleI(long generation, Hit initiator, Hit responder, int k) {
        byte[] gen = new byte[8];
        Bytes.putLong(gen, 0, generation);
        byte[] secret = secretDerivation.mac(gen);
        try (AesCmac cmac = new AesCmac(secret)) {
            return cmac.mac(initiator.bytes(), responder.bytes(), new byte[] {(byte) k});
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

    /** Adds {@code weight} to the load of the current second (an I1, an I2, a HIP_MAC failure: 1 each). */
    void recordLoad(long nowMillis, int weight) {
        roll(nowMillis / 1000);
        loadCount += weight;
    }

    /** @return the #K to issue in an R1 now */
    int chooseK(DexConfig config, long nowMillis) {
        return underLoad(config, nowMillis) ? config.loadPuzzleK() : config.puzzleK();
    }

    /** @return true if this second or the previous one carried more than the threshold */
    boolean underLoad(DexConfig config, long nowMillis) {
        long second = nowMillis / 1000;
        long threshold = config.loadThresholdPerSecond();
        if (second == loadSecond) {
            return loadCount > threshold || previousSecondCount > threshold;
        }
        return second == loadSecond + 1 && loadCount > threshold;
    }

    private void roll(long second) {
        if (second == loadSecond) {
            return;
        }
        previousSecondCount = second == loadSecond + 1 ? loadCount : 0;
        loadSecond = second;
        loadCount = 0;
    }

    @Override
    public void close() {
        secretDerivation.close();
    }
}
