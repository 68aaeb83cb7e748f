package org.sslskura.transport;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.sslskura.wire.hip.Hit;

/**
 * Puts messages back together from their chunks (decision 6.5): only an unbroken run of sequence numbers from a
 * B chunk to an E chunk, within one SA generation, forms a message; partial runs are dropped after the timeout; the
 * bytes held are bounded.
 */
final class ChunkAssembler {
    private final long timeoutMillis;
    private final long maxBytes;
    private final int maxMessageBytes;
    private final Map<Stream, TreeMap<Long, Chunk>> runs = new HashMap<>();
    private long bytes;
    private long dropped;

    ChunkAssembler(long timeoutMillis, long maxBytes, int maxMessageBytes) {
        this.timeoutMillis = timeoutMillis;
        this.maxBytes = maxBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** One chunk as opened. */
    record Chunk(boolean first, boolean last, boolean compressed, byte[] data, long receivedAt) {
    }

    /** A complete message: its bytes (still compressed if {@code compressed}). */
    record Assembled(byte[] bytes, boolean compressed) {
    }

    /** @return the message completed by this chunk, or null */
    Assembled add(Hit peer, int generation, long seq, Chunk chunk) {
        if (chunk.first() && chunk.last()) {
            return new Assembled(chunk.data(), chunk.compressed());
        }
        if (bytes + chunk.data().length > maxBytes) {
            dropped++;
            return null;
        }
        Stream s = new Stream(peer, generation);
        TreeMap<Long, Chunk> run = runs.computeIfAbsent(s, k -> new TreeMap<>());
        if (run.putIfAbsent(seq, chunk) == null) {
            bytes += chunk.data().length;
        }
        long start = seq;
        while (!run.get(start).first()) {
            Chunk before = run.get(start - 1);
            if (before == null || before.last()) {
                return null;
            }
            start--;
        }
        long end = seq;
        while (!run.get(end).last()) {
            Chunk after = run.get(end + 1);
            if (after == null || after.first()) {
                return null;
            }
            end++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean compressed = run.get(start).compressed();
        for (long q = start; q <= end; q++) {
            Chunk c = run.remove(q);
            bytes -= c.data().length;
            out.write(c.data(), 0, c.data().length);
        }
        if (run.isEmpty()) {
            runs.remove(s);
        }
        if (out.size() > maxMessageBytes) {
            dropped++;
            return null;
        }
        return new Assembled(out.toByteArray(), compressed);
    }

    /** Drops chunks older than the timeout. */
    void expire(long now) {
        Iterator<TreeMap<Long, Chunk>> streams = runs.values().iterator();
        while (streams.hasNext()) {
            TreeMap<Long, Chunk> run = streams.next();
            Iterator<Chunk> it = run.values().iterator();
            while (it.hasNext()) {
                Chunk c = it.next();
                if (now - c.receivedAt() >= timeoutMillis) {
                    bytes -= c.data().length;
                    it.remove();
                    dropped++;
                }
            }
            if (run.isEmpty()) {
                streams.remove();
            }
        }
    }

    /** @return chunks dropped for age or room */
    long dropped() {
        return dropped;
    }

    /** @return bytes held */
    long bytes() {
        return bytes;
    }

    private record Stream(Hit peer, int generation) {
    }
}
