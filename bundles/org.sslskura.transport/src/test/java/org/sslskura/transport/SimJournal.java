package org.sslskura.transport;

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

    @Override
    public void record(Hit peer, long id) {
        appended.add(Map.entry(peer, id));
        unsyncedIds.add(id);
    }

    @Override
    public void sync() {
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
