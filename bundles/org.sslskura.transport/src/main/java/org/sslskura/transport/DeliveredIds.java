package org.sslskura.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sslskura.wire.hip.Hit;

/**
 * The message ids delivered per sender, for duplicate suppression: the most recent {@code window} ids of each sender
 * are remembered; an optional {@link Journal} keeps them across restarts.
 *
 * <p>Not thread-safe: one thread (the transport's) calls it.
 */
final class DeliveredIds implements Closeable {
    /** Where remembered ids are kept across restarts. */
    interface Journal extends Closeable {
        /**
         * Called by the {@link DeliveredIds} this journal is given to: when the journal compacts itself it keeps the
         * ids {@code remembered} returns (called from {@link #sync}).
         */
        default void attach(Supplier<List<Map.Entry<Hit, Long>>> remembered) {
        }

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

        /** Forces what was appended and releases the journal's files. */
        @Override
        default void close() throws IOException {
        }
    }

    private final int window;
    private final Journal journal;
    private final Map<Hit, LinkedHashSet<Long>> seen = new HashMap<>();

    /**
     * @param window the ids remembered per sender
     * @param journal where deliveries are recorded, or null for memory only; it compacts to what this instance
     *     remembers
     */
    DeliveredIds(int window, Journal journal) {
        this.window = window;
        this.journal = journal;
        if (journal != null) {
            journal.attach(this::remembered);
        }
    }

    /**
     * Opens the delivered-ids journal in {@code directory} and returns the ids it kept, recording new deliveries in
     * it. {@link #close()} closes the journal.
     *
     * @param directory the journal's own directory, created with mode 0700 if absent
     * @throws IOException if the journal cannot be opened (see {@link DeliveredJournal#open})
     */
    static DeliveredIds persistent(Path directory, int window) throws IOException {
        DeliveredIds loaded = new DeliveredIds(window, null);
        DeliveredIds ids = new DeliveredIds(window, DeliveredJournal.open(directory, window, loaded));
        loaded.remembered().forEach(e -> ids.restore(e.getKey(), e.getValue()));
        return ids;
    }

    /** Loads an id remembered from a previous run. */
    synchronized void restore(Hit peer, long id) {
        remember(peer, id);
    }

    /** @return true if {@code id} from {@code peer} was delivered before */
    synchronized boolean seen(Hit peer, long id) {
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

    /** Closes the journal, if any (forcing what it appended). */
    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    /** @return every remembered (peer, id), oldest first per peer */
    synchronized List<Map.Entry<Hit, Long>> remembered() {
        List<Map.Entry<Hit, Long>> out = new ArrayList<>();
        seen.forEach((peer, ids) -> ids.forEach(id -> out.add(Map.entry(peer, id))));
        return out;
    }

    private synchronized void remember(Hit peer, long id) {
        LinkedHashSet<Long> ids = seen.computeIfAbsent(peer, k -> new LinkedHashSet<>());
        ids.add(id);
        if (ids.size() > window) {
            Long oldest = ids.iterator().next();
            ids.remove(oldest);
        }
    }
}
