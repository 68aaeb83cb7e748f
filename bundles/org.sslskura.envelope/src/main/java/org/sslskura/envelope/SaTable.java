package org.sslskura.envelope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sslskura.wire.hip.Hit;

/**
 * The SA pairs of every peer: at most one current pair per peer (the one {@code seal(..., -1)} uses) and the retired
 * pairs still in their grace period, indexed by inbound SPI (unique per host, decisions §6.15). Expired retired
 * pairs are closed and forgotten whenever the table is consulted.
 * <p>
 * Locking: one monitor for the table. Closing a pair takes the pair's SA locks while holding it; the SA locks never
 * take the table lock, so there is no lock-order cycle.
 */
final class SaTable {
    private final Map<Hit, SaPair> current = new HashMap<>();
    private final List<SaPair> retired = new ArrayList<>();
    private final Map<Long, SaPair> byInboundSpi = new HashMap<>();
    private boolean closed;

    /**
     * Closes every pair of {@code pair.peer} (a new base exchange replaces the association) and installs
     * {@code pair} as its current one.
     *
     * @return false (and nothing installed, the old pairs still closed) if another peer's SA has the inbound SPI or
     *         the table is closed
     */
    synchronized boolean install(SaPair pair) {
        remove(pair.peer);
        if (closed || byInboundSpi.containsKey(pair.inbound.spi())) {
            return false;
        }
        current.put(pair.peer, pair);
        byInboundSpi.put(pair.inbound.spi(), pair);
        return true;
    }

    /**
     * Retires the current pair of {@code next.peer} until {@code retireUntil} and makes {@code next} current.
     *
     * @return false, with the table unchanged, if an installed SA already has the new inbound SPI or the table is
     *         closed
     */
    synchronized boolean rekey(SaPair next, long retireUntil) {
        if (closed || byInboundSpi.containsKey(next.inbound.spi())) {
            return false;
        }
        retireCurrent(next.peer, retireUntil);
        current.put(next.peer, next);
        byInboundSpi.put(next.inbound.spi(), next);
        return true;
    }

    /** Retires the current pair of {@code peer}, if any, until {@code retireUntil}. */
    synchronized void retireCurrent(Hit peer, long retireUntil) {
        SaPair old = current.remove(peer);
        if (old != null) {
            old.retire(retireUntil);
            retired.add(old);
        }
    }

    /** Closes and forgets every pair of {@code peer}, current and retired. */
    synchronized void remove(Hit peer) {
        SaPair old = current.remove(peer);
        if (old != null) {
            forget(old);
        }
        for (Iterator<SaPair> it = retired.iterator(); it.hasNext();) {
            SaPair p = it.next();
            if (p.peer.equals(peer)) {
                it.remove();
                forget(p);
            }
        }
    }

    /**
     * Closes and forgets every peer whose current pair matches {@code test}.
     *
     * @return the peers removed
     */
    synchronized List<Hit> removeIf(Predicate<SaPair> test) {
        List<Hit> peers = new ArrayList<>();
        for (SaPair p : current.values()) {
            if (test.test(p)) {
                peers.add(p.peer);
            }
        }
        peers.forEach(this::remove);
        return peers;
    }

    /** @return the current pair of {@code peer}, or null */
    synchronized SaPair current(Hit peer, long nowMillis) {
        purge(nowMillis);
        return current.get(peer);
    }

    /** @return the current or still usable retired pair of {@code peer} at {@code generation}, or null */
    synchronized SaPair generation(Hit peer, int generation, long nowMillis) {
        purge(nowMillis);
        SaPair c = current.get(peer);
        if (c != null && c.generation() == generation) {
            return c;
        }
        for (SaPair p : retired) {
            if (p.peer.equals(peer) && p.generation() == generation) {
                return p;
            }
        }
        return null;
    }

    /** @return the pair whose inbound SA has {@code spi}, or null */
    synchronized SaPair byInboundSpi(long spi, long nowMillis) {
        purge(nowMillis);
        return byInboundSpi.get(spi);
    }

    /**
     * Closes and forgets the retired pairs whose grace period is over.
     *
     * @return how many were closed
     */
    synchronized int purge(long nowMillis) {
        int n = 0;
        for (Iterator<SaPair> it = retired.iterator(); it.hasNext();) {
            SaPair p = it.next();
            if (p.expired(nowMillis)) {
                it.remove();
                forget(p);
                n++;
            }
        }
        return n;
    }

    /** Closes and forgets everything; nothing is installed afterwards. */
    synchronized void closeAll() {
        closed = true;
        new ArrayList<>(current.keySet()).forEach(this::remove);
        new ArrayList<>(retired).forEach(p -> remove(p.peer));
    }

    /** @return the number of installed pairs, current and retired */
    synchronized int size() {
        return current.size() + retired.size();
    }

    private void forget(SaPair p) {
        byInboundSpi.remove(p.inbound.spi(), p);
        p.close();
    }
}
