package org.sslskura.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the messages of one session (one peer, one SA generation) back together from their chunks: only an unbroken
 * run of sequence numbers from a B chunk to an E chunk forms a message; a partial run is dropped once the timeout
 * passed without a chunk added to it (a large message that keeps arriving is never cut off by its own length); the
 * bytes held are charged to the session's {@link MemoryBudget}. A chunk that does not fit is refused, not stored, so that
 * its PDU is not acknowledged and the sender tries again later.
 */
final class ChunkAssembler {
    private final long timeoutMillis;
    private final int maxMessageBytes;
    private final MemoryBudget budget;
    private final TreeMap<Long, Held> run = new TreeMap<>();
    private long dropped;

    ChunkAssembler(long timeoutMillis, int maxMessageBytes, MemoryBudget budget) {
        this.timeoutMillis = timeoutMillis;
        this.maxMessageBytes = maxMessageBytes;
        this.budget = budget;
    }

    /**
     * One chunk as opened.
     *
     * @param fullBitmap the ACK bitmap that acknowledges its PDU in full (it depends on the fragments it came in)
     */
    record Chunk(boolean first, boolean last, boolean compressed, byte[] data, long receivedAt, int fullBitmap) {
    }

    /** A chunk held, and when its run last grew. */
    private static final class Held {
        final Chunk chunk;
        long touchedAt;

        Held(Chunk chunk) {
            this.chunk = chunk;
            this.touchedAt = chunk.receivedAt();
        }
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
     * A complete message: its bytes (still compressed if {@code compressed}), the sequence numbers of its chunks
     * (no longer held), and the full ACK bitmap of its last chunk (which may have been held before the chunk that
     * completed the message arrived, and was not acknowledged then).
     */
    record Assembled(byte[] bytes, boolean compressed, long firstSeq, long lastSeq, int lastBitmap)
            implements Outcome {
    }

    private static final Admitted ADMITTED = new Admitted();

    /** @return what became of {@code chunk}, received as sequence number {@code seq} */
    Outcome add(long seq, Chunk chunk) {
        if (chunk.first() && chunk.last()) {
            return chunk.data().length > maxMessageBytes ? new Refused("message too large")
                    : new Assembled(chunk.data(), chunk.compressed(), seq, seq, chunk.fullBitmap());
        }
        if (!run.containsKey(seq)) {
            if (!budget.take(chunk.data().length)) {
                dropped++;
                return new Refused("no room for partial messages");
            }
            run.put(seq, new Held(chunk));
        }
        // the contiguous part of a run around seq: never across an E chunk (before) or a B chunk (after)
        long start = seq;
        while (!run.get(start).chunk.first() && run.containsKey(start - 1) && !run.get(start - 1).chunk.last()) {
            start--;
        }
        long end = seq;
        while (!run.get(end).chunk.last() && run.containsKey(end + 1) && !run.get(end + 1).chunk.first()) {
            end++;
        }
        Map<Long, Held> part = run.subMap(start, true, end, true);
        if (!run.get(start).chunk.first() || !run.get(end).chunk.last()) {
            part.values().forEach(h -> h.touchedAt = chunk.receivedAt());
            return ADMITTED;
        }
        long size = 0;
        for (Held h : part.values()) {
            size += h.chunk.data().length;
        }
        boolean compressed = run.get(start).chunk.compressed();
        int lastBitmap = run.get(end).chunk.fullBitmap();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long q = start; q <= end; q++) {
            Chunk c = run.remove(q).chunk;
            budget.release(c.data().length);
            if (size <= maxMessageBytes) {
                out.write(c.data(), 0, c.data().length);
            }
        }
        if (size > maxMessageBytes) {
            dropped++;
            return new Refused("message too large");
        }
        return new Assembled(out.toByteArray(), compressed, start, end, lastBitmap);
    }

    /** @return the sequence numbers of the chunks dropped because their run did not grow for the timeout */
    List<Long> expire(long now) {
        List<Long> expired = new ArrayList<>();
        Iterator<Map.Entry<Long, Held>> it = run.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Held> e = it.next();
            if (now - e.getValue().touchedAt >= timeoutMillis) {
                budget.release(e.getValue().chunk.data().length);
                expired.add(e.getKey());
                it.remove();
                dropped++;
            }
        }
        return expired;
    }

    /** Forgets every chunk (the session ended). */
    void clear() {
        run.values().forEach(h -> budget.release(h.chunk.data().length));
        run.clear();
    }

    /** @return chunks dropped for age, room or size */
    long dropped() {
        return dropped;
    }
}
