package org.sslskura.transport;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.sslskura.wire.hip.Hit;

/**
 * The message ids delivered per sender, for duplicate suppression (decision 6.6): the most recent {@code window} ids
 * of each sender are remembered; an optional {@link Journal} keeps them across restarts.
 */
final class DeliveredIds {
    /** Where remembered ids are kept across restarts. */
    interface Journal {
        /** Records that {@code id} from {@code peer} was delivered. */
        void record(Hit peer, long id);
    }

    private final int window;
    private final Journal journal;
    private final Map<Hit, LinkedHashSet<Long>> seen = new HashMap<>();

    DeliveredIds(int window, Journal journal) {
        this.window = window;
        this.journal = journal;
    }

    /** Loads an id remembered from a previous run. */
    void restore(Hit peer, long id) {
        remember(peer, id);
    }

    /** @return true if {@code id} from {@code peer} was delivered before */
    boolean seen(Hit peer, long id) {
        LinkedHashSet<Long> ids = seen.get(peer);
        return ids != null && ids.contains(id);
    }

    /** Records a delivery. */
    void delivered(Hit peer, long id) {
        remember(peer, id);
        if (journal != null) {
            journal.record(peer, id);
        }
    }

    /** @return every remembered (peer, id), oldest first per peer */
    java.util.List<Map.Entry<Hit, Long>> remembered() {
        java.util.List<Map.Entry<Hit, Long>> out = new java.util.ArrayList<>();
        seen.forEach((peer, ids) -> ids.forEach(id -> out.add(Map.entry(peer, id))));
        return out;
    }

    private void remember(Hit peer, long id) {
        LinkedHashSet<Long> ids = seen.computeIfAbsent(peer, k -> new LinkedHashSet<>());
        ids.add(id);
        if (ids.size() > window) {
            Long oldest = ids.iterator().next();
            ids.remove(oldest);
        }
    }
}
