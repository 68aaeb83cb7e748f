package org.sslskura.keyexchange.dex;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sslskura.wire.hip.Hit;

/**
 * The puzzle solutions the responder has accepted, per (R1 generation, HIT-I) (decisions §6.14): a (#I, #J) pair
 * leads to at most one Kij and CKDF computation, and an initiator whose Host Identity needs a fresh ECDH gets at most
 * {@link #ECDH_SOLUTIONS_PER_INITIATOR} distinct solutions per generation. Only the live generations are kept, and
 * at most {@link #MAX_ENTRIES} initiators in all (the oldest are forgotten first), so memory is bounded whatever
 * arrives.
 */
final class UsedSolutions {
    /** Initiators remembered at most, over both live generations. */
    static final int MAX_ENTRIES = 16_384;
    /** Distinct solutions per (generation, HIT-I) that may cost an ECDH. */
    static final int ECDH_SOLUTIONS_PER_INITIATOR = 4;

    /** The verdict on one solution. */
    enum Verdict {
        /** Not seen before: recorded. */
        FRESH,
        /** This #J was already used by this initiator in this generation. */
        REUSED,
        /** The initiator has used up its ECDH budget in this generation. */
        OVER_BUDGET
    }

    /** Per live generation, the initiators in the order first seen, each with its used #J values. */
    private final TreeMap<Long, LinkedHashMap<Hit, List<ByteBuffer>>> byGeneration = new TreeMap<>();
    private int size;

    /**
     * Checks and records one verified solution.
     *
     * @param needsEcdh true if accepting it would cost a scalar multiplication (no cached Kij)
     * @param liveFrom the oldest live generation; older entries are forgotten
     */
    Verdict record(long generation, Hit initiator, byte[] j, boolean needsEcdh, long liveFrom) {
        forgetBefore(liveFrom);
        LinkedHashMap<Hit, List<ByteBuffer>> initiators = byGeneration.get(generation);
        List<ByteBuffer> js = initiators == null ? null : initiators.get(initiator);
        ByteBuffer jb = ByteBuffer.wrap(j.clone());
        if (js != null && js.contains(jb)) {
            return Verdict.REUSED;
        }
        if (needsEcdh && js != null && js.size() >= ECDH_SOLUTIONS_PER_INITIATOR) {
            return Verdict.OVER_BUDGET;
        }
        if (js == null) {
            if (size >= MAX_ENTRIES) {
                evictOldest();
            }
            initiators = byGeneration.computeIfAbsent(generation, g -> new LinkedHashMap<>());
            js = new ArrayList<>(2);
            initiators.put(initiator, js);
            size++;
        }
        if (js.size() >= 4 * ECDH_SOLUTIONS_PER_INITIATOR) {
            js.remove(0); // a known HI costs only CMACs; keep the list short regardless
        }
        js.add(jb);
        return Verdict.FRESH;
    }

    /** @return how many initiators are remembered */
    int size() {
        return size;
    }

    private void evictOldest() {
        Map.Entry<Long, LinkedHashMap<Hit, List<ByteBuffer>>> oldest = byGeneration.firstEntry();
        Iterator<Hit> it = oldest.getValue().keySet().iterator();
        it.next();
        it.remove();
        size--;
        if (oldest.getValue().isEmpty()) {
            byGeneration.remove(oldest.getKey());
        }
    }

    private void forgetBefore(long liveFrom) {
        while (!byGeneration.isEmpty() && byGeneration.firstKey() < liveFrom) {
            size -= byGeneration.pollFirstEntry().getValue().size();
        }
    }
}
