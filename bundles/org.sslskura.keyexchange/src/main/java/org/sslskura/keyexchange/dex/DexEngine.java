package org.sslskura.keyexchange.dex;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.SecureSession;
import org.sslskura.crypto.Bytes;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/**
 * The HIP DEX state machine for one local identity, without I/O (docs/PROTOCOL.md §5–6 and the DEX profile): every
 * call takes the current time, changes state, and returns the packets to send and the events to report. Retransmissions
 * and other timeouts happen in {@link #tick(long)}, which the caller runs at {@link #nextDeadline()}.
 * <p>
 * Not thread-safe: the caller serialises all calls (one thread or one lock).
 */
public final class DexEngine implements AutoCloseable {
    final IdentityStore identity;
    final SecureRandom random;
    final PuzzleIssuer puzzles;
    final UsedSolutions usedSolutions = new UsedSolutions();
    final KijCache kijCache = new KijCache();
    final Map<Hit, Association> associations = new HashMap<>();
    final Set<Integer> inboundSpis = new HashSet<>();
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private final Map<String, Long> otherCounters = new LinkedHashMap<>();
    private final InitiatorSteps initiator = new InitiatorSteps(this);
    private final ResponderSteps responder = new ResponderSteps(this);
    private final MaintenanceSteps maintenance = new MaintenanceSteps(this);
    DexConfig config;
    /** The last SA generation label handed out: unique for the life of this engine, never reused. */
    private int lastGeneration = -1;

    /**
     * @param identity our identity and trust decisions
     * @param config offers, puzzle and timers
     * @param random the source of nonces, random values, SPIs and the puzzle secret
     * @param nowMillis the current time, Unix epoch milliseconds (the R1 generation counter is derived from it)
     */
    public DexEngine(IdentityStore identity, DexConfig config, SecureRandom random, long nowMillis) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.puzzles = new PuzzleIssuer(random, nowMillis);
    }

    /** Applies a new configuration to future exchanges; established associations keep their keys. */
    public void reconfigure(DexConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig);
        trustChanged();
    }

    /**
     * Tells the engine that the trusted peers or the trust policy may have changed: cached Kij values of peers no
     * longer trusted are wiped at once.
     */
    public void trustChanged() {
        kijCache.retainTrusted(identity);
    }

    /** @return our HIT */
    public Hit localHit() {
        return identity.hit();
    }

    /**
     * Starts a base exchange with {@code peer} as Initiator, unless one is established or under way.
     *
     * @return the I1 to send, or nothing if the association already exists or is being set up
     */
    public List<DexEvent> connect(Hit peer, long now) {
        return initiator.connect(peer, now);
    }

    /**
     * Forgets the association with {@code peer} (reporting it closed if it had keys) and starts a new base exchange.
     *
     * @return the events: closed (if there were keys) and the I1 to send
     */
    public List<DexEvent> reestablish(Hit peer, long now) {
        List<DexEvent> out = new ArrayList<>();
        Association a = associations.get(peer);
        if (a != null) {
            boolean hadKeys = a.session != null;
            forget(a);
            if (hadKeys) {
                out.add(new DexEvent.Closed(peer));
            }
        }
        count("reestablished");
        out.addAll(initiator.connect(peer, now));
        return out;
    }

    /**
     * Processes one received HIP packet (exactly the bytes of an MQTT message on our {@code /hip} topic). Invalid or
     * unexpected packets are dropped and counted; they never change established state.
     */
    public List<DexEvent> receive(byte[] bytes, long now) {
        HipPacket packet;
        try {
            packet = HipPacket.parse(bytes, 0, bytes.length);
        } catch (WireException e) {
            return drop(DropReason.MALFORMED);
        }
        Hit me = identity.hit();
        boolean nullReceiver = packet.receiverHit().isNull();
        if (!packet.receiverHit().equals(me)
                && !(nullReceiver && packet.packetType() == HipConstants.I1 && config.allowOpportunistic())) {
            return drop(DropReason.WRONG_RECEIVER_HIT);
        }
        if (!isDexHit(packet.senderHit())) {
            return drop(DropReason.UNSUPPORTED_HIT_SUITE);
        }
        switch (packet.packetType()) {
            case HipConstants.I1:
                return responder.onI1(packet, now);
            case HipConstants.R1:
                return initiator.onR1(packet, now);
            case HipConstants.I2:
                return responder.onI2(bytes, packet, now);
            case HipConstants.R2:
                return initiator.onR2(bytes, packet, now);
            case HipConstants.UPDATE:
                return maintenance.onUpdate(bytes, packet, now);
            case HipConstants.NOTIFY:
                return maintenance.onNotify(bytes, packet, now);
            case HipConstants.CLOSE:
                return maintenance.onClose(bytes, packet, now);
            case HipConstants.CLOSE_ACK:
                return maintenance.onCloseAck(bytes, packet, now);
            default:
                return drop(DropReason.UNEXPECTED);
        }
    }

    /**
     * Takes the answer to a {@link DexEvent.Solve} (on the engine's thread, like every call): sends the I2 if
     * {@code j} solves the puzzle and the exchange still waits for it.
     *
     * @param j the #J found, or null if the search gave up or was refused
     */
    public List<DexEvent> puzzleSolved(PuzzleJob job, byte[] j, long now) {
        return initiator.puzzleSolved(job, j, now);
    }

    /**
     * Starts an UPDATE rekey toward {@code peer}: the next SA pair is drawn from KEYMAT. When KEYMAT is exhausted the
     * association is closed instead and a failure is reported, so that a new base exchange can follow.
     */
    public List<DexEvent> rekey(Hit peer, long now) {
        return maintenance.rekey(peer, now);
    }

    /** Closes the association with {@code peer} (CLOSE, then CLOSE_ACK). */
    public List<DexEvent> close(Hit peer, long now) {
        return maintenance.close(peer, now);
    }

    /**
     * Tells the engine that an authenticated SSE PDU arrived from {@code peer}: R2-SENT becomes ESTABLISHED and the
     * idle timer restarts.
     */
    public void trafficSeen(Hit peer, long now) {
        Association a = associations.get(peer);
        if (a != null && a.session != null) {
            a.lastActivity = now;
            if (a.state == DexState.R2_SENT) {
                a.state = DexState.ESTABLISHED;
                a.stateDeadline = Long.MAX_VALUE;
            }
        }
    }

    /** Runs every timer that is due: retransmissions, EC, hold-downs, idle closes. */
    public List<DexEvent> tick(long now) {
        List<DexEvent> out = new ArrayList<>();
        for (Association a : new ArrayList<>(associations.values())) {
            maintenance.onTimers(a, now, out);
        }
        return out;
    }

    /** @return the earliest time {@link #tick(long)} has work, or {@link Long#MAX_VALUE} */
    public long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Association a : associations.values()) {
            if (a.retransmission != null) {
                next = Math.min(next, a.retransmission.deadline());
            }
            next = Math.min(next, a.stateDeadline);
            if (a.state == DexState.ESTABLISHED && config.unusedAssociationLifetimeMillis() > 0) {
                next = Math.min(next, a.lastActivity + config.unusedAssociationLifetimeMillis());
            }
        }
        return next;
    }

    /** @return the current session with {@code peer}, if keys are in use */
    public Optional<SecureSession> session(Hit peer) {
        Association a = associations.get(peer);
        return a == null || a.session == null || a.state == DexState.CLOSING || a.state == DexState.CLOSED
                ? Optional.empty() : Optional.of(a.session);
    }

    /** @return the association state with {@code peer} */
    public DexState state(Hit peer) {
        Association a = associations.get(peer);
        return a == null ? DexState.UNASSOCIATED : a.state;
    }

    /** @return how many associations are kept (for the bounded-memory guarantee) */
    public int associationCount() {
        return associations.size();
    }

    /** @return counters of drops by reason and of other notable events */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        drops.forEach((reason, n) -> out.put(reason.counterName(), n));
        out.putAll(otherCounters);
        out.put("ecdh.computed", kijCache.scalarMultiplications());
        return Collections.unmodifiableMap(out);
    }

    /** @return how many packets were dropped for {@code reason} */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    /** Wipes every key. */
    @Override
    public void close() {
        associations.values().forEach(Association::destroyKeys);
        associations.clear();
        kijCache.close();
        puzzles.close();
    }

    List<DexEvent> drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
        return List.of();
    }

    /**
     * @return Kij with {@code peer}: cached for a trusted peer, else one static-static ECDH (the caller wipes it)
     * @throws InvalidKeyException if the peer's public key fails validation
     */
    byte[] agree(HostIdentity peer) throws InvalidKeyException {
        return kijCache.agree(identity, peer);
    }

    void count(String name) {
        otherCounters.merge(name, 1L, Long::sum);
    }

    /** @return a fresh inbound SPI in 0x010000..0xFFFFFF not used by another of our SAs (decisions §6.15) */
    /**
     * @return a new SA generation label: base exchanges and rekeys alike take the next one, so that a new association
     *         with a peer never repeats a label an earlier one used (transport state is keyed by it)
     */
    int nextGeneration() {
        return ++lastGeneration;
    }

    int allocateSpi() {
        while (true) {
            int spi = 0x010000 + random.nextInt(0xFFFFFF - 0x010000 + 1);
            if (inboundSpis.add(spi)) {
                return spi;
            }
        }
    }

    void releaseSpi(int spi) {
        inboundSpis.remove(spi);
    }

    /** Forgets an association, releasing its SPIs and wiping its keys. */
    void forget(Association a) {
        if (a.session != null) {
            releaseSpi(a.session.inbound().spi());
        }
        a.attempts.forEach(x -> releaseSpi(x.inboundSpi));
        a.destroyKeys();
        associations.remove(a.peer);
    }

    /** Marks the exchange failed: E-FAILED for the hold-down, then forgotten. */
    void fail(Association a, String reason, long now, List<DexEvent> out) {
        a.attempts.forEach(x -> releaseSpi(x.inboundSpi));
        a.destroyKeys();
        a.state = DexState.E_FAILED;
        a.stateDeadline = now + config.failedHoldDownMillis();
        count("exchange.failed");
        out.add(new DexEvent.Failed(a.peer, reason));
    }

    static boolean isDexHit(Hit hit) {
        return hit.hasOrchidPrefix() && hit.hitSuite() == HipConstants.HIT_SUITE_DEX;
    }

    static boolean validSpi(long spi) {
        return spi >= 0x010000 && spi <= 0xFFFFFF;
    }
}
