package org.sslskura.keyexchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.MessageLink;
import org.sslskura.api.SecureSession;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.keyexchange.dex.DexEngine;
import org.sslskura.keyexchange.dex.DexEvent;
import org.sslskura.keyexchange.dex.DexState;
import org.sslskura.keyexchange.dex.PuzzleJob;
import org.sslskura.wire.hip.Hit;

/**
 * {@link KeyExchange} over a {@link MessageLink}: the {@link DexEngine} driven on one thread, fed by our
 * {@code <prefix>/<HIT>/hip} topic, sending to the peers' topics, with its timers on the same thread. Usable without
 * OSGi (the CLI) and wrapped by the DS component.
 */
public final class DexService implements KeyExchange, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DexService.class);
    private static final long QUERY_TIMEOUT_SECONDS = 10;
    /** HIP packets waiting for the engine at most; a HIP packet is a few hundred bytes. */
    static final int INBOUND_MAX_PACKETS = 1024;
    /** Bytes of HIP packets waiting for the engine at most. */
    static final long INBOUND_MAX_BYTES = 1L << 20;
    /** Puzzles waiting for the solver thread at most. */
    static final int SOLVER_QUEUE = 16;

    private final IdentityStore identity;
    private final MessageLink link;
    private final String prefix;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final DexEngine engine;
    private final InboundLane inbound;
    /** Solves puzzles off the engine thread; a few may wait, more are refused (answered as unsolved). */
    private final ThreadPoolExecutor solver;
    private final List<KeyExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Hit, List<CompletableFuture<SecureSession>>> connecting = new HashMap<>();
    private final Map<Hit, List<CompletableFuture<SecureSession>>> rekeying = new HashMap<>();
    private final Map<Hit, List<CompletableFuture<Void>>> closing = new HashMap<>();
    private AutoCloseable subscription;
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;

    /**
     * @param prefix the topic prefix (docs/PROTOCOL.md §9)
     * @param clock the wall clock (the R1 generation counter starts at its Unix time)
     */
    public DexService(IdentityStore identity, MessageLink link, DexConfig config, String prefix, Clock clock,
                      SecureRandom random) {
        this.identity = identity;
        this.link = link;
        this.prefix = Topics.checkPrefix(prefix);
        this.clock = clock;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ssls-dex");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // pending timers die with the service
        this.thread = executor;
        this.engine = new DexEngine(identity, config, random, clock.millis());
        this.solver = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(SOLVER_QUEUE),
                r -> {
                    Thread t = new Thread(r, "ssls-dex-puzzle");
                    t.setDaemon(true);
                    return t;
                });
        this.inbound = new InboundLane(thread, payload -> apply(engine.receive(payload, clock.millis())),
                INBOUND_MAX_PACKETS, INBOUND_MAX_BYTES);
    }

    /** Subscribes to our HIP topic. */
    public void start() {
        subscription = link.subscribe(Topics.hip(prefix, identity.hit()),
                (topic, payload) -> inbound.offer(payload));
        LOG.info("key exchange for HIT {} listening on {}", identity.hit().toHex(), Topics.hip(prefix, identity.hit()));
    }

    /** Applies a new configuration to future exchanges (and wipes cached keys of peers no longer trusted). */
    public void reconfigure(DexConfig config) {
        thread.execute(() -> engine.reconfigure(config));
    }

    @Override
    public CompletionStage<SecureSession> connect(Hit peer) {
        CompletableFuture<SecureSession> f = new CompletableFuture<>();
        thread.execute(() -> {
            Optional<SecureSession> s = engine.session(peer);
            if (s.isPresent()) {
                f.complete(s.get());
                return;
            }
            connecting.computeIfAbsent(peer, k -> new ArrayList<>()).add(f);
            apply(engine.connect(peer, clock.millis()));
        });
        return f;
    }

    @Override
    public CompletionStage<SecureSession> reestablish(Hit peer) {
        CompletableFuture<SecureSession> f = new CompletableFuture<>();
        thread.execute(() -> {
            connecting.computeIfAbsent(peer, k -> new ArrayList<>()).add(f);
            apply(engine.reestablish(peer, clock.millis()));
        });
        return f;
    }

    @Override
    public Optional<SecureSession> session(Hit peer) {
        return query(() -> engine.session(peer));
    }

    @Override
    public CompletionStage<SecureSession> rekey(Hit peer) {
        CompletableFuture<SecureSession> f = new CompletableFuture<>();
        thread.execute(() -> {
            rekeying.computeIfAbsent(peer, k -> new ArrayList<>()).add(f);
            apply(engine.rekey(peer, clock.millis()));
        });
        return f;
    }

    @Override
    public CompletionStage<Void> close(Hit peer) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        thread.execute(() -> {
            closing.computeIfAbsent(peer, k -> new ArrayList<>()).add(f);
            apply(engine.close(peer, clock.millis()));
            if (engine.state(peer) == DexState.UNASSOCIATED) {
                complete(closing, peer, null);
            }
        });
        return f;
    }

    @Override
    public void trafficSeen(Hit peer) {
        thread.execute(() -> engine.trafficSeen(peer, clock.millis()));
    }

    @Override
    public void addListener(KeyExchangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(KeyExchangeListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new HashMap<>(query(engine::counters));
        out.put("drop.inbound-full", inbound.dropped());
        return Map.copyOf(out);
    }

    /** Stops listening, fails pending operations and wipes every key. */
    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
        thread.execute(() -> {
            IllegalStateException stopped = new IllegalStateException("key exchange stopped");
            connecting.values().forEach(l -> l.forEach(f -> f.completeExceptionally(stopped)));
            rekeying.values().forEach(l -> l.forEach(f -> f.completeExceptionally(stopped)));
            closing.values().forEach(l -> l.forEach(f -> f.completeExceptionally(stopped)));
            engine.close();
        });
        solver.shutdownNow();
        thread.shutdown();
        try {
            thread.awaitTermination(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the engine thread: carries out sends, reports events, re-arms the timer. */
    private void apply(List<DexEvent> events) {
        for (DexEvent e : events) {
            if (e instanceof DexEvent.Send s) {
                link.publish(Topics.hip(prefix, s.to()), s.packet()).whenComplete((ok, err) -> {
                    if (err != null) {
                        LOG.debug("HIP packet to {} not published: {}", s.to().toHex(), err.toString());
                    }
                });
            } else if (e instanceof DexEvent.Solve solve) {
                solveOffThread(solve.job());
            } else if (e instanceof DexEvent.Established est) {
                LOG.info("association with {} established ({}, {})", est.session().peerHit().toHex(),
                        est.session().outbound().suite(), est.session().format());
                complete(connecting, est.session().peerHit(), est.session());
                listeners.forEach(l -> safely(() -> l.established(est.session())));
            } else if (e instanceof DexEvent.Rekeyed r) {
                LOG.info("association with {} rekeyed (generation {})", r.current().peerHit().toHex(),
                        r.current().generation());
                complete(rekeying, r.current().peerHit(), r.current());
                listeners.forEach(l -> safely(() -> l.rekeyed(r.previous(), r.current())));
            } else if (e instanceof DexEvent.Closed c) {
                LOG.info("association with {} closed", c.peer().toHex());
                complete(closing, c.peer(), null);
                listeners.forEach(l -> safely(() -> l.closed(c.peer())));
            } else if (e instanceof DexEvent.Failed f) {
                LOG.warn("exchange with {} failed: {}", f.peer().toHex(), f.reason());
                RuntimeException cause = new IllegalStateException(f.reason());
                fail(connecting, f.peer(), cause);
                fail(rekeying, f.peer(), cause);
                listeners.forEach(l -> safely(() -> l.failed(f.peer(), f.reason())));
            }
        }
        rearm();
    }

    /** Runs on the engine thread: hands the puzzle to the solver; the answer comes back as an engine task. */
    private void solveOffThread(PuzzleJob job) {
        try {
            solver.execute(() -> {
                byte[] j = job.solve(System::nanoTime);
                try {
                    thread.execute(() -> apply(engine.puzzleSolved(job, j, clock.millis())));
                } catch (RejectedExecutionException stopped) {
                    // the service closed meanwhile: the engine and its keys are gone
                }
            });
        } catch (RejectedExecutionException busy) {
            apply(engine.puzzleSolved(job, null, clock.millis())); // too many waiting: counted as too hard
        }
    }

    private void rearm() {
        long next = engine.nextDeadline();
        if (next == timerAt && timer != null && !timer.isDone()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = next;
        if (next != Long.MAX_VALUE) {
            long delay = Math.max(0, next - clock.millis());
            timer = thread.schedule(() -> {
                timerAt = Long.MAX_VALUE;
                apply(engine.tick(clock.millis()));
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private <T> T query(Supplier<T> question) {
        try {
            return CompletableFuture.supplyAsync(question, thread).get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("key exchange thread did not answer", e);
        }
    }

    private static <T> void complete(Map<Hit, List<CompletableFuture<T>>> pending, Hit peer, T value) {
        List<CompletableFuture<T>> fs = pending.remove(peer);
        if (fs != null) {
            fs.forEach(f -> f.complete(value));
        }
    }

    private static <T> void fail(Map<Hit, List<CompletableFuture<T>>> pending, Hit peer, Throwable cause) {
        List<CompletableFuture<T>> fs = pending.remove(peer);
        if (fs != null) {
            fs.forEach(f -> f.completeExceptionally(cause));
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("key exchange listener failed", e);
        }
    }
}
