package org.sslskura.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.MessagingException;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SecureSession;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.envelope.EnvelopeOptions;
import org.sslskura.envelope.SseEnvelope;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.dex.DexEngine;
import org.sslskura.keyexchange.dex.DexEvent;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.transport.queue.QueueFullException;
import org.sslskura.transport.queue.QueueLimits;
import org.sslskura.transport.queue.QueuedMessage;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.sse.InnerMessage;
import org.sslskura.wire.sse.SseFormat;

/**
 * One endpoint (device or collector) as production assembles it, minus the threads: a real {@link FileIdentityStore}
 * in its directory, a {@link DexEngine}, an {@link SseEnvelope} (behind the recording {@link SimEnvelope}), a
 * {@link MessagePipeline}, the real {@link OutboundQueue} on the device and a {@link SimJournal} behind
 * {@link DeliveredIds} on the collector.
 * <p>
 * The glue mirrors the production services step for step, each "thread hop" being an event posted at the current
 * time (never a re-entrant call): {@link Kx} is {@code DexService} (the engine's driver and the {@link KeyExchange} the
 * envelope and the transport use, with the same completion-stage semantics), and the rest is
 * {@code SecureMessagingService} (the queue append on send, queue acknowledge on acknowledged or failed, key exchange
 * requests with retry, resubmitting the queue at start, the session listener, the timer and the housekeeping tick).
 * Everything that touches the pipeline's package-private API is in this class.
 * <p>
 * A crash drops every in-memory object; {@link #start()} rebuilds the node from its directory (identity, queue files)
 * and from the journal's synced records. Keys are never persisted: a restarted node runs a new exchange.
 */
final class SimNode {
    enum Role { DEVICE, COLLECTOR }

    private static final long HOUSEKEEPING_MILLIS = 1000;
    private static final long SESSION_RETRY_MILLIS = 5000;

    final SimWorld world;
    final Role role;
    final String name;
    final Path dir;
    /** The delivered ids of the current incarnation (journaled on the collector). */
    private DeliveredIds delivered;
    /** The collector's delivered-ids journal ("the disk"); null on the device. */
    final SimJournal journal;
    SimNode peer;
    private HostIdentity hostIdentity;

    // ---- one incarnation (dropped by a crash)
    private int incarnation;
    private boolean up;
    private FileIdentityStore identity;
    private DexEngine engine;
    private Kx kx;
    private SseEnvelope sse;
    private SimEnvelope envelope;
    private MessagePipeline pipeline;
    private OutboundQueue queue;
    private final Set<Hit> connecting = new HashSet<>();
    private int receivedWaiting;
    private TimerPlan pipelineTimer = new TimerPlan();
    private int pipelineTimerToken;
    private long dexTimerAt = Long.MAX_VALUE;
    private int dexTimerToken;
    /** Key fingerprints of this incarnation's SAs by generation label: outbound and inbound. */
    private final Map<Integer, String> outboundKeys = new HashMap<>();
    private final Map<Integer, String> inboundKeys = new HashMap<>();
    private final Map<Long, Integer> inboundSpis = new HashMap<>();
    /** Application hand-off refusal (for a pipeline whose deliver may throw): never, today. */
    boolean refuseHandOffs;

    SimNode(SimWorld world, Role role, Path dir) {
        this.world = world;
        this.role = role;
        this.name = role == Role.DEVICE ? "dev" : "col";
        this.dir = dir;
        this.journal = role == Role.COLLECTOR ? new SimJournal() : null;
    }

    boolean isDevice() {
        return role == Role.DEVICE;
    }

    boolean up() {
        return up;
    }

    int incarnation() {
        return incarnation;
    }

    Hit hit() {
        return hostIdentity.hit();
    }

    String hipTopic() {
        return SimWorld.PREFIX + "/" + hit().toHex() + "/hip";
    }

    String sseTopic() {
        return SimWorld.PREFIX + "/" + hit().toHex() + "/sse";
    }

    // ---- lifecycle

    /** Creates the identity key in the node's directory (before either node starts, so each can trust the other). */
    void createIdentity() {
        try (FileIdentityStore s = FileIdentityStore.open(dir.resolve("identity"), EcdhCurve.X25519,
                TrustPolicy.ALLOWLIST, List.of(), newRandom())) {
            hostIdentity = s.hostIdentity();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SecureRandom newRandom() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG", "SUN");
            r.setSeed(world.rng.nextLong()); // before first use: the output is then a function of this seed only
            return r;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts (or restarts) the node from its directory. */
    void start() {
        if (up) {
            return;
        }
        SimConfig c = world.config;
        SecureRandom random = newRandom();
        try {
            identity = FileIdentityStore.open(dir.resolve("identity"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                    List.of(new TrustedPeer(peer.name, peer.hostIdentity)), random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = new DexEngine(identity, c.dex(isDevice()), random, world.now);
        kx = new Kx();
        EnvelopeOptions.Builder eo = EnvelopeOptions.builder().clock(world.clock).replayWindow(c.replayWindow)
                .retiredGrace(c.retiredGrace);
        if (c.rekeyThreshold > 0) {
            eo.rekeyThreshold(SseFormat.COMPACT, c.rekeyThreshold);
        }
        sse = new SseEnvelope(kx, eo.build());
        envelope = new SimEnvelope(sse, this);
        if (isDevice()) {
            try {
                queue = OutboundQueue.open(dir.resolve("queue"), new QueueLimits(10_000, 64L << 20), world.clock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            queue.forceEachAppend(false); // a simulated crash is a process crash: written records survive it
            delivered = new DeliveredIds(c.transport.dedupeWindow(), null);
        } else {
            delivered = new DeliveredIds(c.transport.dedupeWindow(), journal);
            journal.durable().forEach(e -> delivered.restore(e.getKey(), e.getValue()));
        }
        pipeline = new MessagePipeline(envelope, c.transport, new Events(), delivered);
        connecting.clear();
        lastCounters = Map.of();
        receivedWaiting = 0;
        pipelineTimer = new TimerPlan();
        dexTimerAt = Long.MAX_VALUE;
        outboundKeys.clear();
        inboundKeys.clear();
        inboundSpis.clear();
        up = true;
        world.broker.subscribe(hipTopic(), this);
        world.broker.subscribe(sseTopic(), this);
        world.trace.add(name, "START incarnation " + incarnation
                + (isDevice() ? ", queue holds " + queue.size() : ", journal holds " + journal.durable().size()));
        // SecureMessagingService.start(): resubmit what the queue holds, then the housekeeping tick
        if (isDevice()) {
            List<QueuedMessage> pending = queue.pending();
            run(() -> {
                for (QueuedMessage q : pending) {
                    pipeline.submit(outbound(q), world.now);
                }
            });
        }
        housekeeping();
    }

    /** The process dies: every in-memory object is gone; files and the journal's synced records stay. */
    void crash() {
        world.trace.add(name, "CRASH incarnation " + incarnation);
        up = false;
        incarnation++;
        closeResources();
        if (!isDevice()) {
            Set<Long> lost = journal.crash();
            world.oracle.collectorCrashed(lost);
        }
    }

    /** End of the run: release the files. */
    void shutdown() {
        if (up) {
            up = false;
            incarnation++;
            closeResources();
        }
    }

    private void closeResources() {
        if (queue != null) {
            try {
                queue.close(); // releases the directory lock; its force adds nothing a process crash would lose
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (engine != null) {
            engine.close();
        }
        if (sse != null) {
            sse.close();
        }
        if (identity != null) {
            identity.close();
        }
        queue = null;
        engine = null;
        sse = null;
        envelope = null;
        pipeline = null;
        identity = null;
        kx = null;
    }

    /** Runs {@code r} as a task of this incarnation, at the current time, after what is already due. */
    private void post(Runnable r) {
        int inc = incarnation;
        world.schedule(world.now, () -> {
            if (up && incarnation == inc) {
                r.run();
            }
        });
    }

    private void postAfter(long delay, Runnable r) {
        int inc = incarnation;
        world.after(delay, () -> {
            if (up && incarnation == inc) {
                r.run();
            }
        });
    }

    // ---- the network

    /** A message from the broker on one of our topics. */
    void receive(String topic, byte[] payload) {
        if (!up) {
            return;
        }
        if (topic.endsWith("/hip")) {
            dex(() -> applyDex(engine.receive(payload, world.now)));
        } else {
            receivedWaiting++;
            run(() -> {
                pipeline.onSse(payload, world.now);
                traceDrops();
                if (--receivedWaiting == 0) {
                    pipeline.flushAcks(world.now); // nothing else received is waiting: acknowledge now
                }
            });
        }
    }

    private Map<String, Long> lastCounters = Map.of();

    /** Traces what the pipeline dropped or evicted while handling the last payload (from its counters). */
    private void traceDrops() {
        Map<String, Long> now = pipeline.counters();
        StringBuilder sb = null;
        for (Map.Entry<String, Long> e : now.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("drop.") || k.startsWith("chunks.") || k.equals("reassembly.evicted") || k.equals("messages.duplicate")
                    || k.equals("pdus.duplicate")) {
                long diff = e.getValue() - lastCounters.getOrDefault(k, 0L);
                if (diff != 0) {
                    sb = sb == null ? new StringBuilder("pipeline:") : sb;
                    sb.append(' ').append(k).append(diff > 1 ? " x" + diff : "");
                }
            }
        }
        lastCounters = now;
        if (sb != null) {
            world.trace.add(name, sb.toString());
        }
    }

    // ---- faults and queries used by the world

    void requestRekey() {
        kx.rekey(peer.hit());
    }

    void requestReestablish() {
        kx.reestablish(peer.hit());
    }

    int queueSize() {
        return queue == null ? -1 : queue.size();
    }

    /** @return the fingerprint of this incarnation's outbound key of {@code generation}, or null */
    String outboundKey(int generation) {
        return outboundKeys.get(generation);
    }

    /** @return the generation of this incarnation's inbound SA with {@code spi}, or null */
    Integer inboundGeneration(long spi) {
        return inboundSpis.get(spi);
    }

    String inboundKey(int generation) {
        return inboundKeys.get(generation);
    }

    Optional<org.sslskura.api.SessionParameters> parameters() {
        return envelope == null ? Optional.empty() : envelope.parameters(peer.hit());
    }

    Map<String, Long> pipelineCounters() {
        return pipeline == null ? Map.of() : pipeline.counters();
    }

    // ==== SecureMessagingService, single-threaded ====

    /** The device application's send (SecureMessagingService.send to the collector, reliable). */
    void appSend(int index, String topic, byte[] payload) {
        if (topic.isEmpty() || topic.getBytes(StandardCharsets.UTF_8).length > InnerMessage.MAX_TOPIC_LENGTH
                || payload.length > world.config.transport.maxMessageBytes()) {
            world.trace.add(name, "app m" + index + " refused: too large");
            return;
        }
        QueuedMessage q;
        try {
            q = queue.append(peer.hit().bytes(), topic, payload, 0);
        } catch (QueueFullException e) {
            world.trace.add(name, "app m" + index + " refused: queue full");
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = q.messageId();
        world.oracle.accepted(index, id, topic, payload);
        world.trace.add(name, "app SEND " + world.oracle.label(id) + " " + payload.length + "B topic " + topic);
        OutboundMessage m = outbound(q);
        run(() -> pipeline.submit(m, world.now));
    }

    /** The device application's fire-and-forget send: an id from the queue's sequence, nothing queued. */
    void appSendFireAndForget(int index, String topic, byte[] payload) {
        long id;
        try {
            id = queue.nextId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        world.oracle.sentFireAndForget(index, id, topic, payload);
        world.trace.add(name, "app SEND " + world.oracle.label(id) + " " + payload.length + "B fire-and-forget");
        OutboundMessage m = new OutboundMessage(id, peer.hit(), topic, payload.clone(), true, null, Long.MAX_VALUE);
        run(() -> pipeline.submit(m, world.now));
    }

    /** The one place a queued message becomes an {@link OutboundMessage}: tried until its time to live passes. */
    private OutboundMessage outbound(QueuedMessage q) {
        long ttl = world.config.transport.messageTtlMillis();
        return new OutboundMessage(q.messageId(), Hit.of(q.peer()), q.topic(), q.body(), false, null,
                q.enqueuedAtMillis() + ttl);
    }

    /** A task on the transport thread: runs, then re-arms the pipeline's timer. */
    private void run(Runnable r) {
        post(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                world.oracle.exception(name + " transport step", e);
            }
            if (up) {
                rearmPipeline();
            }
        });
    }

    private void rearmPipeline() {
        armPipeline(pipelineTimer.afterStep(pipeline.takeEarliestNewDeadline()));
    }

    /** Schedules the pipeline's timer as the service does (the same {@link TimerPlan}); a newer arming cancels it. */
    private void armPipeline(long at) {
        if (at == TimerPlan.KEEP) {
            return;
        }
        int token = ++pipelineTimerToken;
        int inc = incarnation;
        world.schedule(at, () -> {
            if (up && incarnation == inc && token == pipelineTimerToken) {
                try {
                    pipeline.tick(world.now);
                } catch (RuntimeException e) {
                    world.oracle.exception(name + " pipeline tick", e);
                }
                if (up) {
                    armPipeline(pipelineTimer.afterTick(pipeline.nextDeadline()));
                }
            }
        });
    }

    private void housekeeping() {
        postAfter(HOUSEKEEPING_MILLIS, () -> {
            run(() -> pipeline.tick(world.now));
            housekeeping();
        });
    }

    /** The pipeline's requests (SecureMessagingService.Events). */
    private final class Events implements PipelineEvents {
        @Override
        public void publish(Hit to, byte[] pdu, OutboundMessage forMessage) {
            world.oracle.published(SimNode.this, pdu);
            world.broker.publish(SimNode.this, SimWorld.PREFIX + "/" + to.toHex() + "/sse", pdu,
                    forMessage == null ? null : world.oracle.label(forMessage.id));
        }

        @Override
        public void publishAcks(Hit to, List<byte[]> pdus) {
            // SecureMessagingService: on the sync thread, the journal is forced before the ACKs go out
            post(() -> {
                try {
                    delivered.sync();
                } catch (IOException e) {
                    world.trace.add(name, "journal sync failed: ACKs not sent");
                    run(() -> pipeline.journalFailed(e));
                    return;
                }
                pdus.forEach(pdu -> publish(to, pdu, null));
            });
        }

        @Override
        public void storageFailed(IOException cause) {
            world.trace.add(name, "storage failed: delivering nothing more until restarted (" + cause.getMessage()
                    + ")");
        }

        @Override
        public void deliver(ReceivedMessage message) {
            if (refuseHandOffs) {
                throw new IllegalStateException("the application refused the hand-off");
            }
            world.oracle.delivered(SimNode.this, message);
        }

        @Override
        public void acknowledged(OutboundMessage m) {
            if (m.fireAndForget) {
                world.trace.add(name, "app handed off " + world.oracle.label(m.id));
                return; // a hand-off to the carrier, not a receipt
            }
            try {
                queue.acknowledge(m.id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            world.oracle.acknowledged(m.id);
        }

        @Override
        public void failed(OutboundMessage m, MessagingException why) {
            if (!m.fireAndForget) {
                try {
                    queue.acknowledge(m.id); // reported to the application: not sent again after a restart
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            world.oracle.failed(m.id, why);
        }

        @Override
        public void needSession(Hit to) {
            if (!connecting.add(to)) {
                return;
            }
            world.trace.add(name, "needSession: connect");
            kx.connect(to).whenComplete((session, err) -> run(() -> {
                connecting.remove(to);
                if (err == null) {
                    pipeline.sessionReady(to, world.now);
                } else {
                    world.trace.add(name, "no session yet (" + err.getMessage() + "): retry in 5 s");
                    postAfter(SESSION_RETRY_MILLIS, () -> run(() -> needSession(to)));
                }
            }));
        }

        @Override
        public void sessionSuspect(Hit to) {
            if (!connecting.add(to)) {
                return;
            }
            world.trace.add(name, "sessionSuspect: re-establish");
            kx.reestablish(to).whenComplete((session, err) -> run(() -> {
                connecting.remove(to);
                if (err == null) {
                    pipeline.sessionReady(to, world.now);
                } else {
                    needSession(to);
                }
            }));
        }

        @Override
        public void needRekey(Hit to) {
            world.trace.add(name, "needRekey");
            kx.rekey(to);
        }
    }

    /** Session changes from the key exchange, moved onto the transport thread (SecureMessagingService.Sessions). */
    private final class Sessions implements KeyExchangeListener {
        @Override
        public void established(SecureSession session) {
            run(() -> pipeline.sessionReady(session.peerHit(), world.now));
        }

        @Override
        public void rekeyed(SecureSession previous, SecureSession current) {
            run(() -> pipeline.sessionReady(current.peerHit(), world.now));
        }

        @Override
        public void closed(Hit p) {
            run(() -> pipeline.sessionLost(p));
        }
    }

    // ==== DexService, single-threaded ====

    /** A task on the key exchange thread: runs, then re-arms the engine's timer. */
    private void dex(Runnable r) {
        post(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                world.oracle.exception(name + " key exchange step", e);
            }
            if (up) {
                rearmDex();
            }
        });
    }

    private void rearmDex() {
        long next = engine.nextDeadline();
        if (next == dexTimerAt) {
            return;
        }
        dexTimerAt = next;
        int token = ++dexTimerToken;
        if (next != Long.MAX_VALUE) {
            int inc = incarnation;
            world.schedule(next, () -> {
                if (up && incarnation == inc && token == dexTimerToken) {
                    dexTimerAt = Long.MAX_VALUE;
                    try {
                        applyDex(engine.tick(world.now));
                    } catch (RuntimeException e) {
                        world.oracle.exception(name + " engine tick", e);
                    }
                    if (up) {
                        rearmDex();
                    }
                }
            });
        }
    }

    /** DexService.apply: sends, completion stages, then the listeners (the envelope first, then the transport). */
    private void applyDex(List<DexEvent> events) {
        Sessions sessions = new Sessions();
        for (DexEvent e : events) {
            if (e instanceof DexEvent.Send s) {
                world.broker.publish(this, SimWorld.PREFIX + "/" + s.to().toHex() + "/hip", s.packet(), null);
            } else if (e instanceof DexEvent.Solve solve) { // DexService solves on a thread of its own; here at once
                applyDex(engine.puzzleSolved(solve.job(), solve.job().solve(System::nanoTime), world.now));
            } else if (e instanceof DexEvent.Established est) {
                SecureSession session = est.session();
                noteKeys(session);
                world.trace.add(name, "DEX established generation " + session.generation() + " out "
                        + outboundKeys.get(session.generation()) + " in " + inboundKeys.get(session.generation())
                        + " chunk=" + session.chunkSize() + " frag=" + session.fragmentSize());
                kx.complete(kx.connecting, session.peerHit(), session);
                sse.established(session);
                sessions.established(session);
            } else if (e instanceof DexEvent.Rekeyed r) {
                noteKeys(r.current());
                world.trace.add(name, "DEX rekeyed generation " + r.previous().generation() + " -> "
                        + r.current().generation() + " out " + outboundKeys.get(r.current().generation()) + " in "
                        + inboundKeys.get(r.current().generation()));
                kx.complete(kx.rekeying, r.current().peerHit(), r.current());
                sse.rekeyed(r.previous(), r.current());
                sessions.rekeyed(r.previous(), r.current());
            } else if (e instanceof DexEvent.Closed c) {
                world.trace.add(name, "DEX closed");
                kx.complete(kx.closing, c.peer(), null);
                sse.closed(c.peer());
                sessions.closed(c.peer());
            } else if (e instanceof DexEvent.Failed f) {
                world.trace.add(name, "DEX failed: " + f.reason());
                RuntimeException cause = new IllegalStateException(f.reason());
                kx.fail(kx.connecting, f.peer(), cause);
                kx.fail(kx.rekeying, f.peer(), cause);
                sse.failed(f.peer(), f.reason());
            }
        }
    }

    private void noteKeys(SecureSession s) {
        inboundSpis.put((long) s.inbound().spi(), s.generation());
        outboundKeys.put(s.generation(), fingerprint(s.outbound().keyMaterial()));
        inboundKeys.put(s.generation(), fingerprint(s.inbound().keyMaterial()));
    }

    private static String fingerprint(byte[] keyMaterial) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(keyMaterial);
            Bytes.wipe(keyMaterial);
            return Bytes.toHex(java.util.Arrays.copyOf(d, 5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@link KeyExchange} of this node (DexService without its thread). */
    final class Kx implements KeyExchange {
        final Map<Hit, List<CompletableFuture<SecureSession>>> connecting = new HashMap<>();
        final Map<Hit, List<CompletableFuture<SecureSession>>> rekeying = new HashMap<>();
        final Map<Hit, List<CompletableFuture<Void>>> closing = new HashMap<>();

        @Override
        public CompletionStage<SecureSession> connect(Hit p) {
            CompletableFuture<SecureSession> f = new CompletableFuture<>();
            dex(() -> {
                Optional<SecureSession> s = engine.session(p);
                if (s.isPresent()) {
                    f.complete(s.get());
                    return;
                }
                connecting.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                applyDex(engine.connect(p, world.now));
            });
            return f;
        }

        @Override
        public CompletionStage<SecureSession> reestablish(Hit p) {
            CompletableFuture<SecureSession> f = new CompletableFuture<>();
            dex(() -> {
                connecting.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                applyDex(engine.reestablish(p, world.now));
            });
            return f;
        }

        @Override
        public Optional<SecureSession> session(Hit p) {
            return engine.session(p);
        }

        @Override
        public CompletionStage<SecureSession> rekey(Hit p) {
            CompletableFuture<SecureSession> f = new CompletableFuture<>();
            dex(() -> {
                rekeying.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                applyDex(engine.rekey(p, world.now));
            });
            return f;
        }

        @Override
        public CompletionStage<Void> close(Hit p) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            dex(() -> {
                closing.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
                applyDex(engine.close(p, world.now));
                if (engine.state(p) == org.sslskura.keyexchange.dex.DexState.UNASSOCIATED) {
                    complete(closing, p, null);
                }
            });
            return f;
        }

        @Override
        public void trafficSeen(Hit p) {
            dex(() -> engine.trafficSeen(p, world.now));
        }

        @Override
        public void addListener(KeyExchangeListener listener) {
            throw new UnsupportedOperationException("the simulated node wires its listeners itself");
        }

        @Override
        public void removeListener(KeyExchangeListener listener) {
        }

        @Override
        public Map<String, Long> counters() {
            return engine.counters();
        }

        <T> void complete(Map<Hit, List<CompletableFuture<T>>> pending, Hit p, T value) {
            List<CompletableFuture<T>> fs = pending.remove(p);
            if (fs != null) {
                fs.forEach(f -> f.complete(value));
            }
        }

        <T> void fail(Map<Hit, List<CompletableFuture<T>>> pending, Hit p, Throwable cause) {
            List<CompletableFuture<T>> fs = pending.remove(p);
            if (fs != null) {
                fs.forEach(f -> f.completeExceptionally(cause));
            }
        }
    }
}
