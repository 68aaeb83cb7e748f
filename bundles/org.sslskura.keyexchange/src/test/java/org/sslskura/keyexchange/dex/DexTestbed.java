package org.sslskura.keyexchange.dex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.Hit;

/**
 * Two DEX engines joined by an in-memory link under a virtual clock, with hooks to drop, duplicate, reorder or alter
 * packets. Deterministic: the link's randomness is seeded.
 */
final class DexTestbed {
    final Node a;
    final Node b;
    long now = 1_700_000_000_000L;
    private final Deque<Flight> inFlight = new ArrayDeque<>();
    /** Applied to every packet before delivery; return null to drop it. */
    UnaryOperator<byte[]> tamper = UnaryOperator.identity();
    double dropRate;
    double duplicateRate;
    double reorderRate;
    Random linkRandom = new Random(1);
    final List<byte[]> wire = new ArrayList<>();

    DexTestbed(Path dir, DexConfig configA, DexConfig configB) {
        this(dir, configA, configB, TrustPolicy.ALLOWLIST, EcdhCurve.X25519);
    }

    DexTestbed(Path dir, DexConfig configA, DexConfig configB, TrustPolicy policyB, EcdhCurve curve) {
        FileIdentityStore ia = store(dir.resolve("a"), curve, TrustPolicy.ALLOWLIST);
        FileIdentityStore ib = store(dir.resolve("b"), curve, policyB);
        ia.setConfiguredPeers(List.of(new TrustedPeer("b", ib.hostIdentity())));
        if (policyB == TrustPolicy.ALLOWLIST) {
            ib.setConfiguredPeers(List.of(new TrustedPeer("a", ia.hostIdentity())));
        }
        a = new Node(ia, new DexEngine(ia, configA, new SecureRandom(), now));
        b = new Node(ib, new DexEngine(ib, configB, new SecureRandom(), now));
    }

    static FileIdentityStore store(Path dir, EcdhCurve curve, TrustPolicy policy) {
        try {
            Files.createDirectories(dir.getParent());
            return FileIdentityStore.open(dir, curve, policy, List.of(), new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Node other(Node n) {
        return n == a ? b : a;
    }

    /** Queues the sends of {@code events} emitted by {@code from}, and records the other events. */
    void emit(Node from, List<DexEvent> events) {
        for (DexEvent e : events) {
            if (e instanceof DexEvent.Send s) {
                wire.add(s.packet());
                Node to = other(from);
                if (!to.identity.hit().equals(s.to())) {
                    continue; // addressed to nobody we simulate
                }
                byte[] p = tamper.apply(s.packet());
                if (p == null || linkRandom.nextDouble() < dropRate) {
                    continue;
                }
                Flight f = new Flight(to, p);
                if (linkRandom.nextDouble() < reorderRate && !inFlight.isEmpty()) {
                    inFlight.addFirst(f);
                } else {
                    inFlight.addLast(f);
                }
                if (linkRandom.nextDouble() < duplicateRate) {
                    inFlight.addLast(new Flight(to, p.clone()));
                }
            } else if (e instanceof DexEvent.Solve s) {
                from.events.add(e); // solved at once here; DexService solves on its own thread
                emit(from, from.engine.puzzleSolved(s.job(), s.job().solve(System::nanoTime), now));
            } else {
                from.events.add(e);
            }
        }
    }

    /** Delivers queued packets until none is left (bounded). */
    void deliverAll() {
        for (int guard = 0; !inFlight.isEmpty() && guard < 10_000; guard++) {
            Flight f = inFlight.pollFirst();
            emit(f.to, f.to.engine.receive(f.packet, now));
        }
    }

    /** Advances the clock in steps, running timers and delivering, for up to {@code millis}. */
    void run(long millis) {
        long end = now + millis;
        deliverAll();
        while (now < end) {
            long next = Math.min(Math.min(a.engine.nextDeadline(), b.engine.nextDeadline()), end);
            now = Math.max(now + 1, next);
            emit(a, a.engine.tick(now));
            emit(b, b.engine.tick(now));
            deliverAll();
        }
    }

    void connect() {
        emit(a, a.engine.connect(b.identity.hit(), now));
    }

    /** Injects raw bytes into {@code to} as if received, returning what it emitted (sends are not delivered). */
    List<DexEvent> inject(Node to, byte[] packet) {
        List<DexEvent> events = to.engine.receive(packet, now);
        for (DexEvent e : events) {
            if (!(e instanceof DexEvent.Send)) {
                to.events.add(e);
            }
        }
        return events;
    }

    /** @return the packets of {@code type} seen on the wire, in order */
    List<byte[]> packetsOfType(int type) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : wire) {
            if ((p[2] & 0x7F) == type) {
                out.add(p);
            }
        }
        return out;
    }

    static HipPacket parse(byte[] p) {
        try {
            return HipPacket.parse(p, 0, p.length);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One endpoint. */
    static final class Node {
        final FileIdentityStore identity;
        final DexEngine engine;
        final List<DexEvent> events = new ArrayList<>();

        Node(FileIdentityStore identity, DexEngine engine) {
            this.identity = identity;
            this.engine = engine;
        }

        Hit hit() {
            return identity.hit();
        }

        <T extends DexEvent> List<T> eventsOf(Class<T> kind) {
            List<T> out = new ArrayList<>();
            for (DexEvent e : events) {
                if (kind.isInstance(e)) {
                    out.add(kind.cast(e));
                }
            }
            return out;
        }
    }

    private record Flight(Node to, byte[] packet) {
    }
}
