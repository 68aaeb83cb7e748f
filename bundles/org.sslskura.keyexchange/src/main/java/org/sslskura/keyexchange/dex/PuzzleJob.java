package org.sslskura.keyexchange.dex;

import java.util.function.LongSupplier;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.Puzzle;

/**
 * A puzzle the Initiator must solve before it can answer an R1, handed to the caller so that it runs off the engine
 * thread (decisions §6.24): {@link #solve(LongSupplier)} may run on any thread, once; its answer goes back to the
 * engine with {@link DexEngine#puzzleSolved(PuzzleJob, byte[], long)} on the engine's thread.
 */
public final class PuzzleJob {
    final Hit peer;
    final HipPacket r1;
    final HostIdentity hi;
    final InitiatorSteps.Selection selection;
    final Puzzle puzzle;
    final long generation;
    private final Hit local;
    private final byte[] seed;
    private final long budgetMillis;
    /** Kij, kept for the I2; wiped by the engine when the job ends either way. */
    byte[] kij;

    PuzzleJob(Hit local, Hit peer, HipPacket r1, HostIdentity hi, InitiatorSteps.Selection selection, Puzzle puzzle, long generation,
              byte[] kij, byte[] seed, long budgetMillis) {
        this.local = local;
        this.peer = peer;
        this.r1 = r1;
        this.hi = hi;
        this.selection = selection;
        this.puzzle = puzzle;
        this.generation = generation;
        this.kij = kij;
        this.seed = seed;
        this.budgetMillis = budgetMillis;
    }

    /** @return the peer whose R1 this answers */
    public Hit peer() {
        return peer;
    }

    /** @return the puzzle difficulty #K */
    public int k() {
        return puzzle.k();
    }

    /**
     * Searches #J within the time budget of the configuration in force when the R1 arrived; an interrupt ends the
     * search too.
     *
     * @param nanoTime a monotonic clock in nanoseconds (e.g. {@code System::nanoTime})
     * @return #J, or null if none was found within the budget
     */
    public byte[] solve(LongSupplier nanoTime) {
        long deadline = nanoTime.getAsLong() + budgetMillis * 1_000_000L;
        return Puzzles.solve(puzzle.i(), local, peer, puzzle.k(), seed, 1L << Math.min(62, puzzle.k() + 6),
                () -> nanoTime.getAsLong() - deadline > 0 || Thread.currentThread().isInterrupted());
    }

    /** @return true if this job answers the R1 with this generation and #I */
    boolean answers(long r1Generation, byte[] i) {
        return generation == r1Generation && java.util.Arrays.equals(puzzle.i(), i);
    }

    void wipe() {
        Bytes.wipe(kij);
        kij = null;
    }
}
