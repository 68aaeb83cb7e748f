package org.sslskura.transport;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sslskura.api.PduHeader;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseHeader;

/**
 * Reassembles the fragmented PDUs of one session (docs/PROTOCOL.md §8.3) with bounded memory: at most
 * {@code maxEntries} PDUs at once, their bytes charged to the session's {@link MemoryBudget} (the session's oldest
 * partial PDU is evicted to make room; if the global budget is full the fragment is refused), each kept at most the
 * reassembly timeout. A fragment whose header or size disagrees with the PDU's is dropped. Nothing is authenticated
 * here: the AEAD check of the reassembled PDU is, and only a complete, authentic PDU is ever acknowledged in full.
 */
final class Reassembler {
    private final int maxEntries;
    private final MemoryBudget budget;
    private final long timeoutMillis;
    private final Map<Key, Partial> partials = new LinkedHashMap<>();
    private long evicted;

    Reassembler(int maxEntries, MemoryBudget budget, long timeoutMillis) {
        this.maxEntries = maxEntries;
        this.budget = budget;
        this.timeoutMillis = timeoutMillis;
    }

    /** Outcome of adding a fragment. */
    record Result(byte[] complete, int fragments, int bitmap, boolean accepted) {
        static final Result REJECTED = new Result(null, 0, 0, false);
    }

    /**
     * @param h the fragment's header (Frag 1..30)
     * @param fragment the fragment bytes, header included
     * @param fragmentSize the agreed fragment size of the peer's session
     * @return the whole PDU (header with Frag 0) once complete, or the bitmap held so far
     */
    Result add(PduHeader h, byte[] fragment, int fragmentSize, long now) {
        int header = h.format().headerLength();
        int piece = fragmentSize - header;
        long body = h.bodyLength();
        if (piece <= 0 || h.frag() < 1 || h.frag() > SseHeader.FRAG_MAX || body <= 0) {
            return Result.REJECTED;
        }
        long n = (body + piece - 1) / piece;
        if (n < 2 || n > SseHeader.FRAG_MAX || h.frag() > n) {
            return Result.REJECTED;
        }
        int expected = (int) (h.frag() < n ? piece : body - (n - 1) * piece);
        if (fragment.length != header + expected) {
            return Result.REJECTED;
        }
        Key key = new Key(h.peer(), h.spi(), h.seq());
        Partial p = partials.get(key);
        byte[] headerFrag0 = Arrays.copyOf(fragment, header);
        headerFrag0[Fragments.flagsOffset(h.format())] &= 0x07;
        if (p == null) {
            if (!makeRoom(header + body, now)) {
                return Result.REJECTED;
            }
            p = new Partial(headerFrag0, (int) body, piece, (int) n, now);
            partials.put(key, p);
        } else if (!Arrays.equals(p.header, headerFrag0)) {
            return Result.REJECTED;
        }
        int bit = 1 << (31 - h.frag());
        if ((p.bitmap & bit) == 0) {
            System.arraycopy(fragment, header, p.pdu, header + (h.frag() - 1) * piece, expected);
            p.bitmap |= bit;
        }
        if (p.bitmap == Fragments.fullBitmap(p.count)) {
            partials.remove(key);
            budget.release(p.pdu.length);
            System.arraycopy(p.header, 0, p.pdu, 0, header);
            return new Result(p.pdu, p.count, p.bitmap, true);
        }
        return new Result(null, p.count, p.bitmap, true);
    }

    /** Drops reassemblies older than the timeout. */
    void expire(long now) {
        Iterator<Map.Entry<Key, Partial>> it = partials.entrySet().iterator();
        while (it.hasNext()) {
            Partial p = it.next().getValue();
            if (now - p.createdAt >= timeoutMillis) {
                budget.release(p.pdu.length);
                it.remove();
                evicted++;
            }
        }
    }

    /** @return PDUs in reassembly */
    int size() {
        return partials.size();
    }

    /** Forgets every partial PDU (the session ended). */
    void clear() {
        partials.values().forEach(p -> budget.release(p.pdu.length));
        partials.clear();
    }

    /** @return reassemblies dropped for age or room */
    long evicted() {
        return evicted;
    }

    /** @return true once {@code needed} bytes are taken from the budget, evicting this session's oldest first */
    private boolean makeRoom(long needed, long now) {
        expire(now);
        Iterator<Map.Entry<Key, Partial>> it = partials.entrySet().iterator();
        while (partials.size() >= maxEntries && it.hasNext()) {
            budget.release(it.next().getValue().pdu.length);
            it.remove();
            evicted++;
        }
        while (!budget.take(needed)) {
            if (!it.hasNext()) {
                return false;
            }
            budget.release(it.next().getValue().pdu.length);
            it.remove();
            evicted++;
        }
        return true;
    }

    private record Key(Hit peer, long spi, long seq) {
        Key {
            Objects.requireNonNull(peer);
        }
    }

    private static final class Partial {
        final byte[] header;
        final byte[] pdu;
        final int count;
        final long createdAt;
        int bitmap;

        Partial(byte[] header, int body, int piece, int count, long createdAt) {
            this.header = header;
            this.pdu = new byte[header.length + body];
            this.count = count;
            this.createdAt = createdAt;
        }
    }
}
