package org.sslskura.transport;

import java.io.IOException;
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
        /**
         * Appends that {@code id} from {@code peer} was delivered; not yet forced to the disk.
         *
         * @throws IOException if the record could not be written (it then does not count as delivered)
         */
        void record(Hit peer, long id) throws IOException;

        /**
         * Forces every record appended so far to the disk (one force covers them all; nothing to do if none is new).
         * Acknowledgments of the messages recorded go out only after this returned.
         *
         * @throws IOException if the force failed: the journal's durable state is unknown, and it stays failed
         */
        void sync() throws IOException;
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

    /**
     * Records a delivery: appended to the journal (not forced), then remembered.
     *
     * @throws IOException if the journal could not record it (then it is not remembered either)
     */
    void delivered(Hit peer, long id) throws IOException {
        if (journal != null) {
            journal.record(peer, id);
        }
        remember(peer, id);
    }

    /**
     * Forces the recorded deliveries to the disk; call before acknowledging them.
     *
     * @throws IOException if the journal could not force them
     */
    void sync() throws IOException {
        if (journal != null) {
            journal.sync();
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
