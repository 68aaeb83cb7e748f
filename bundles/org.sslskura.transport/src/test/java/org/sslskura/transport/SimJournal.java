package org.sslskura.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sslskura.wire.hip.Hit;

/**
 * The collector's delivered-ids journal as the disk sees it: records appended since the last {@link #sync()} are kept
 * apart from the synced ones, and a crash keeps only the synced ones. It outlives the node's incarnations (it is the
 * disk); each crash remembers which delivered ids it lost, so that the checker allows one repeat of each.
 */
final class SimJournal implements DeliveredIds.Journal {
    private final List<Map.Entry<Hit, Long>> synced = new ArrayList<>();
    private final List<Map.Entry<Hit, Long>> appended = new ArrayList<>();
    private final Set<Long> unsyncedIds = new LinkedHashSet<>();
    private long syncs;
    /** The disk fails: every call throws until the process restarts (a crash) and reopens the journal. */
    boolean failing;

    @Override
    public void record(Hit peer, long id) throws IOException {
        if (failing) {
            // the message was handed over but its id is not on disk: like an unsynced one, a restart may repeat it
            unsyncedIds.add(id);
            throw new IOException("simulated journal write failure");
        }
        appended.add(Map.entry(peer, id));
        unsyncedIds.add(id);
    }

    @Override
    public void sync() throws IOException {
        if (failing) {
            throw new IOException("simulated journal force failure");
        }
        if (!appended.isEmpty()) {
            synced.addAll(appended);
            appended.clear();
            unsyncedIds.clear();
            syncs++;
        }
    }

    /** @return true if {@code id} was recorded and not yet forced */
    boolean unsynced(long id) {
        return unsyncedIds.contains(id);
    }

    /** The machine lost power: the unforced records are gone. @return the ids they held */
    Set<Long> crash() {
        Set<Long> lost = new LinkedHashSet<>(unsyncedIds);
        failing = false;
        appended.clear();
        unsyncedIds.clear();
        return lost;
    }

    /** @return the records a restarted collector finds, oldest first */
    List<Map.Entry<Hit, Long>> durable() {
        return List.copyOf(synced);
    }

    long syncs() {
        return syncs;
    }
}
