package org.sslskura.keyexchange.dex;

import java.util.function.BooleanSupplier;
import org.sslskura.crypto.AesCmac;
import org.sslskura.wire.hip.Hit;

/** The DEX puzzle function: RHASH = AES-CMAC, with the HIT order always Initiator first. */
final class Puzzles {
    private Puzzles() {
    }

    /** @return true if the lowest {@code k} bits of CMAC(#I, HIT-I || HIT-R || #J) are zero */
    static boolean solves(byte[] i, Hit initiator, Hit responder, byte[] j, int k) {
        byte[] mac = AesCmac.compute(i, initiator.bytes(), responder.bytes(), j);
        return lowBitsZero(mac, k);
    }

    /**
     * Finds a #J. The search starts at a random-looking point derived from the caller's seed and is bounded by
     * {@code maxTries}.
     *
     * @return #J, or null if none was found within the budget
     */
    static byte[] solve(byte[] i, Hit initiator, Hit responder, int k, byte[] seedJ, long maxTries) {
        return solve(i, initiator, responder, k, seedJ, maxTries, () -> false);
    }

    /**
     * As {@link #solve(byte[], Hit, Hit, int, byte[], long)}, also giving up when {@code outOfTime} says so (asked
     * before the first try and every {@value #TIME_CHECK_INTERVAL} tries).
     */
    static byte[] solve(byte[] i, Hit initiator, Hit responder, int k, byte[] seedJ, long maxTries,
                        BooleanSupplier outOfTime) {
        byte[] j = seedJ.clone();
        try (AesCmac cmac = new AesCmac(i)) {
            byte[] prefix = new byte[32];
            System.arraycopy(initiator.bytes(), 0, prefix, 0, 16);
            System.arraycopy(responder.bytes(), 0, prefix, 16, 16);
            for (long n = 0; n < maxTries; n++) {
                if ((n & (TIME_CHECK_INTERVAL - 1)) == 0 && outOfTime.getAsBoolean()) {
                    return null;
                }
                if (lowBitsZero(cmac.update(prefix).update(j).doFinal(), k)) {
                    return j;
                }
                increment(j);
            }
        }
        return null;
    }

    /** Tries between two looks at the clock (a power of two). */
    static final int TIME_CHECK_INTERVAL = 4096;

    /** Ltrunc(mac, k) == 0: the trailing k bits of the big-endian 128-bit value. */
    static boolean lowBitsZero(byte[] mac, int k) {
        int acc = 0;
        int idx = mac.length - 1;
        int bits = k;
        while (bits >= 8) {
            acc |= mac[idx--];
            bits -= 8;
        }
        if (bits > 0) {
            acc |= mac[idx] & ((1 << bits) - 1);
        }
        return acc == 0;
    }

    private static void increment(byte[] j) {
        for (int p = j.length - 1; p >= 0; p--) {
            if (++j[p] != 0) {
                return;
            }
        }
    }
}
