package org.sslskura.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the messages of one session (one peer, one SA generation) back together from their chunks: only an unbroken
 * run of sequence numbers from a B chunk to an E chunk forms a message; chunks are kept at most the timeout; the bytes
 * held are charged to the session's {@link MemoryBudget}. A chunk that does not fit is refused, not stored, so that
 * its PDU is not acknowledged and the sender tries again later.
 */
final class ChunkAssembler {
    private final long timeoutMillis;
    private final int maxMessageBytes;
    private final MemoryBudget budget;
    private final TreeMap<Long, Chunk> run = new TreeMap<>();
    private long dropped;

    ChunkAssembler(long timeoutMillis, int maxMessageBytes, MemoryBudget budget) {
        this.timeoutMillis = timeoutMillis;
        this.maxMessageBytes = maxMessageBytes;
        this.budget = budget;
    }

    /** One chunk as opened. */
    record Chunk(boolean first, boolean last, boolean compressed, byte[] data, long receivedAt) {
    }

    /** What became of a chunk. */
    sealed interface Outcome {
    }

    /** Stored: a later chunk may complete its message. */
    record Admitted() implements Outcome {
    }

    /** Not stored (no room, or its message would exceed the largest size): do not acknowledge it. */
    record Refused(String why) implements Outcome {
    }

    /**
     * A complete message: its bytes (still compressed if {@code compressed}) and the sequence numbers of its chunks,
     * which are no longer held.
     */
    record Assembled(byte[] bytes, boolean compressed, long firstSeq, long lastSeq) implements Outcome {
    }

    private static final Admitted ADMITTED = new Admitted();

    /** @return what became of {@code chunk}, received as sequence number {@code seq} */
    Outcome add(long seq, Chunk chunk) {
        if (chunk.first() && chunk.last()) {
            return chunk.data().length > maxMessageBytes ? new Refused("message too large")
                    : new Assembled(chunk.data(), chunk.compressed(), seq, seq);
        }
        if (!run.containsKey(seq)) {
            if (!budget.take(chunk.data().length)) {
                dropped++;
                return new Refused("no room for partial messages");
            }
            run.put(seq, chunk);
        }
        long start = seq;
        while (!run.get(start).first()) {
            Chunk before = run.get(start - 1);
            if (before == null || before.last()) {
                return ADMITTED;
            }
            start--;
        }
        long end = seq;
        while (!run.get(end).last()) {
            Chunk after = run.get(end + 1);
            if (after == null || after.first()) {
                return ADMITTED;
            }
            end++;
        }
        long size = 0;
        for (Chunk c : run.subMap(start, true, end, true).values()) {
            size += c.data().length;
        }
        boolean compressed = run.get(start).compressed();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long q = start; q <= end; q++) {
            Chunk c = run.remove(q);
            budget.release(c.data().length);
            if (size <= maxMessageBytes) {
                out.write(c.data(), 0, c.data().length);
            }
        }
        if (size > maxMessageBytes) {
            dropped++;
            return new Refused("message too large");
        }
        return new Assembled(out.toByteArray(), compressed, start, end);
    }

    /** @return the sequence numbers of the chunks dropped because they are older than the timeout */
    List<Long> expire(long now) {
        List<Long> expired = new ArrayList<>();
        Iterator<Map.Entry<Long, Chunk>> it = run.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Chunk> e = it.next();
            if (now - e.getValue().receivedAt() >= timeoutMillis) {
                budget.release(e.getValue().data().length);
                expired.add(e.getKey());
                it.remove();
                dropped++;
            }
        }
        return expired;
    }

    /** Forgets every chunk (the session ended). */
    void clear() {
        run.values().forEach(c -> budget.release(c.data().length));
        run.clear();
    }

    /** @return chunks dropped for age, room or size */
    long dropped() {
        return dropped;
    }
}
