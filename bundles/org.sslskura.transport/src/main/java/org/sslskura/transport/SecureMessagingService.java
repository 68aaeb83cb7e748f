package org.sslskura.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.Envelope;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.MessageLink;
import org.sslskura.api.MessageReceipt;
import org.sslskura.api.MessageReceiver;
import org.sslskura.api.MessagingException;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SecureMessaging;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SendOptions;
import org.sslskura.api.Submission;
import org.sslskura.transport.queue.OutboundQueue;
import org.sslskura.transport.queue.QueueFullException;
import org.sslskura.transport.queue.QueuedMessage;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.InnerMessage;

/**
 * {@link SecureMessaging} over a {@link MessageLink}: the {@link MessagePipeline} on one thread, fed by our
 * {@code <prefix>/<HIT>/sse} topic, with the offline queue, key exchange triggers and timers. Usable without OSGi (the
 * CLI) and wrapped by the DS component.
 */
public final class SecureMessagingService implements SecureMessaging, AutoCloseable {
    /** Received SSE payloads waiting for the transport thread at most. */
    static final int INBOUND_MAX_PAYLOADS = 4096;
    /** Bytes of received SSE payloads waiting at most: room for at least one largest (16 MiB chunk) PDU. */
    static final long INBOUND_MAX_BYTES = 32L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(SecureMessagingService.class);
    private static final long HOUSEKEEPING_MILLIS = 1000;
    private static final long SESSION_RETRY_MILLIS = 5000;

    private final IdentityStore identity;
    private final KeyExchange keyExchange;
    private final MessageLink link;
    private final OutboundQueue queue;
    private final String prefix;
    private final List<Hit> collectors;
    private final TransportOptions options;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;
    /**
     * Forces off the transport thread, in groups: queue appends before they are handed to the pipeline, the
     * delivered-ids journal before the ACKs that cover its ids are published.
     */
    private final ExecutorService syncer;
    private final MessagePipeline pipeline;
    /** The delivered ids the pipeline uses (journaled when a journal directory is given). */
    private final DeliveredIds ids;
    private final List<MessageReceiver> receivers = new CopyOnWriteArrayList<>();
    private final Set<Hit> connecting = new HashSet<>();
    private final Map<Long, List<CompletableFuture<Void>>> handOffs = new HashMap<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final KeyExchangeListener sessions = new Sessions();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    /** ACK PDUs waiting for the journal force, in the order the pipeline sealed them. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Map.Entry<Hit, List<byte[]>>> acksToPublish =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean ackDrainScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Received payloads handed to the transport thread and not yet processed. */
    private final java.util.concurrent.atomic.AtomicInteger receivedWaiting = new java.util.concurrent.atomic.AtomicInteger();
    /** Bounds the received SSE payloads waiting for the transport thread; the HIP side has its own bounded lane. */
    private final InboundBudget inbound = new InboundBudget(INBOUND_MAX_PAYLOADS, INBOUND_MAX_BYTES);
    private AutoCloseable subscription;
    private ScheduledFuture<?> timer;
    private final TimerPlan timerPlan = new TimerPlan();
    private volatile boolean closed;

    /**
     * @param queue the offline queue (its pending messages are sent again on {@link #start()})
     * @param deliveredDirectory where delivered message ids are kept across restarts, or null for memory only
     * @param collectors the peers {@link #sendToCollectors} sends to
     * @throws IOException if the delivered-ids journal cannot be opened
     */
    public SecureMessagingService(IdentityStore identity, KeyExchange keyExchange, Envelope envelope, MessageLink link,
                                  OutboundQueue queue, java.nio.file.Path deliveredDirectory, String prefix,
                                  List<Hit> collectors, TransportOptions options, Clock clock) throws IOException {
        this.identity = identity;
        this.keyExchange = keyExchange;
        this.link = link;
        this.queue = queue;
        this.prefix = prefix;
        this.collectors = List.copyOf(collectors);
        this.options = options;
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ssls-transport");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.syncer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ssls-sync");
            t.setDaemon(true);
            return t;
        });
        this.ids = deliveredDirectory == null ? new DeliveredIds(options.dedupeWindow(), null)
                : DeliveredIds.persistent(deliveredDirectory, options.dedupeWindow());
        this.pipeline = new MessagePipeline(envelope, options, new Events(), ids);
    }

    /** Subscribes to our SSE topic, listens to the key exchange, and sends again what the offline queue holds. */
    public void start() {
        keyExchange.addListener(sessions);
        subscription = link.subscribe(sseTopic(identity.hit()), (topic, payload) -> {
            if (!inbound.tryTake(payload.length)) {
                return; // a flood beyond the bound is dropped here, counted as drop.inbound-full
            }
            receivedWaiting.incrementAndGet();
            run(() -> {
                inbound.giveBack(payload.length);
                pipeline.onSse(payload, clock.millis());
                if (receivedWaiting.decrementAndGet() == 0) {
                    pipeline.flushAcks(clock.millis()); // nothing else received is waiting: acknowledge now
                    flushQueue(); // the acknowledgments recorded meanwhile, in one write
                }
            });
        });
        List<QueuedMessage> pending = queue.pending();
        run(() -> {
            for (QueuedMessage q : pending) {
                pipeline.submit(new OutboundMessage(q.messageId(), Hit.of(q.peer()), q.topic(), q.body(), false,
                        new CompletableFuture<MessageReceipt>(), expiry(q)), clock.millis());
            }
        });
        if (!pending.isEmpty()) {
            LOG.info("{} queued messages from a previous run are being sent again", pending.size());
        }
        thread.scheduleWithFixedDelay(() -> run(() -> {
            pipeline.tick(clock.millis());
            flushQueue();
        }), HOUSEKEEPING_MILLIS,
                HOUSEKEEPING_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("secure messaging for HIT {} listening on {}", identity.hit().toHex(), sseTopic(identity.hit()));
    }

    /** Hands the acknowledgment records written to the offline queue since the last call to the OS. */
    private void flushQueue() {
        try {
            queue.flush();
        } catch (IOException e) {
            LOG.warn("acknowledgments not written to the offline queue: {}", e.toString());
        }
    }

    @Override
    public CompletionStage<MessageReceipt> send(Hit peer, String topic, byte[] payload, SendOptions sendOptions) {
        return submit(peer, topic, payload, sendOptions).receipt();
    }

    @Override
    public Submission submit(Hit peer, String topic, byte[] payload, SendOptions sendOptions) {
        CompletableFuture<MessageReceipt> result = new CompletableFuture<>();
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        result.whenComplete((ok, err) -> {
            if (err != null) {
                accepted.completeExceptionally(err); // refused or failed before it was accepted: both say why
            }
        });
        Submission submission = new Submission(accepted, result);
        if (closed) {
            result.completeExceptionally(new MessagingException(MessagingException.Reason.STOPPED, "stopped"));
            return submission;
        }
        if (identity.peer(peer).isEmpty()) {
            result.completeExceptionally(new MessagingException(MessagingException.Reason.UNKNOWN_PEER,
                    "not a trusted peer: " + peer.toHex()));
            return submission;
        }
        if (topic == null || topic.isEmpty() || topic.getBytes(StandardCharsets.UTF_8).length
                > InnerMessage.MAX_TOPIC_LENGTH || payload.length > options.maxMessageBytes()) {
            result.completeExceptionally(new MessagingException(MessagingException.Reason.TOO_LARGE,
                    "topic must be 1.." + InnerMessage.MAX_TOPIC_LENGTH + " bytes and the payload at most "
                            + options.maxMessageBytes()));
            return submission;
        }
        if (sendOptions.fireAndForget()) {
            long id;
            try {
                id = queue.nextId();
            } catch (IOException e) {
                result.completeExceptionally(new MessagingException(MessagingException.Reason.STORAGE,
                        "message ids not writable", e));
                return submission;
            }
            OutboundMessage m = new OutboundMessage(id, peer, topic, payload.clone(), true, result, Long.MAX_VALUE);
            accepted.complete(null); // nothing to keep: fire-and-forget is never queued
            run(() -> pipeline.submit(m, clock.millis()));
            return submission;
        }
        OutboundQueue.Written written;
        try {
            written = queue.write(peer.bytes(), topic, payload, 0);
        } catch (QueueFullException e) {
            result.completeExceptionally(new MessagingException(MessagingException.Reason.QUEUE_FULL, e.getMessage()));
            return submission;
        } catch (IOException e) {
            result.completeExceptionally(new MessagingException(MessagingException.Reason.STORAGE,
                    "offline queue not writable", e));
            return submission;
        }
        QueuedMessage q = written.message();
        OutboundMessage m = new OutboundMessage(q.messageId(), peer, topic, q.body(), false, result, expiry(q));
        // Accepted (and so sent) only once on disk; the syncer forces once for every message written meanwhile.
        syncer.execute(() -> {
            try {
                queue.awaitDurable(written);
            } catch (IOException e) {
                result.completeExceptionally(new MessagingException(MessagingException.Reason.STORAGE,
                        "offline queue not forced to disk", e));
                return;
            }
            accepted.complete(null);
            run(() -> pipeline.submit(m, clock.millis()));
        });
        return submission;
    }

    /**
     * On the sync thread: takes every ACK batch queued so far, forces the delivered-ids journal once (the ids they
     * acknowledge were recorded before they were queued), then publishes them. Batches queued meanwhile wait for the
     * next force: one force per drain, not per batch (group commit).
     */
    private void publishAcksAfterSync() {
        ackDrainScheduled.set(false);
        List<Map.Entry<Hit, List<byte[]>>> batch = new ArrayList<>();
        for (Map.Entry<Hit, List<byte[]>> e = acksToPublish.poll(); e != null; e = acksToPublish.poll()) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            ids.sync();
        } catch (IOException e) {
            run(() -> pipeline.journalFailed(e));
            return;
        }
        for (Map.Entry<Hit, List<byte[]>> e : batch) {
            for (byte[] pdu : e.getValue()) {
                link.publish(sseTopic(e.getKey()), pdu).whenComplete((ok, err) -> {
                    if (err != null) {
                        LOG.debug("ACK PDU to {} not published: {}", e.getKey().toHex(), err.toString());
                    }
                });
            }
        }
    }

    private long expiry(QueuedMessage q) {
        long ttl = options.messageTtlMillis();
        return q.enqueuedAtMillis() > Long.MAX_VALUE - ttl ? Long.MAX_VALUE : q.enqueuedAtMillis() + ttl;
    }

    /**
     * @return completes (with the cause) if the service stopped delivering because its delivered-ids journal failed;
     *         the owner should then stop, and messages not acknowledged are sent to it again after a restart
     */
    public CompletionStage<Throwable> failure() {
        return failure;
    }

    @Override
    public CompletionStage<MessageReceipt> sendToCollectors(String topic, byte[] payload, SendOptions sendOptions) {
        return submitToCollectors(topic, payload, sendOptions).receipt();
    }

    @Override
    public Submission submitToCollectors(String topic, byte[] payload, SendOptions sendOptions) {
        if (collectors.isEmpty()) {
            MessagingException none = new MessagingException(MessagingException.Reason.UNKNOWN_PEER,
                    "no collector configured");
            return new Submission(CompletableFuture.failedFuture(none), CompletableFuture.failedFuture(none));
        }
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        List<CompletableFuture<MessageReceipt>> all = new ArrayList<>();
        for (Hit c : collectors) {
            Submission one = submit(c, topic, payload, sendOptions);
            accepted.add(one.accepted().toCompletableFuture());
            all.add(one.receipt().toCompletableFuture());
        }
        return new Submission(CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0])),
                CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                        .thenApply(v -> all.get(all.size() - 1).join()));
    }

    @Override
    public AutoCloseable addReceiver(MessageReceiver receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = query(() -> {
            Map<String, Long> m = new LinkedHashMap<>(pipeline.counters());
            m.putAll(counters);
            return m;
        });
        out.put("drop.inbound-full", inbound.dropped());
        out.put("queue.messages", (long) queue.size());
        out.put("queue.bytes", queue.bytes());
        return out;
    }

    /** @return the SSE topic of {@code hit} */
    public String sseTopic(Hit hit) {
        return prefix + "/" + hit.toHex() + "/sse";
    }

    /** Stops: unacknowledged messages stay in the offline queue; their completions fail with STOPPED. */
    @Override
    public void close() {
        closed = true;
        keyExchange.removeListener(sessions);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
        syncer.shutdown();
        thread.shutdown();
        try {
            syncer.awaitTermination(5, TimeUnit.SECONDS);
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            ids.close();
        } catch (IOException e) {
            LOG.warn("delivered-ids journal not closed cleanly: {}", e.toString());
        }
    }

    private void run(Runnable r) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("transport step failed", e);
            }
            rearm();
        });
    }

    /** After a step: only deadlines that step set can be earlier than the timer already armed. */
    private void rearm() {
        arm(timerPlan.afterStep(pipeline.takeEarliestNewDeadline()));
    }

    private void arm(long at) {
        if (at == TimerPlan.KEEP || thread.isShutdown()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timer = thread.schedule(() -> {
            pipeline.tick(clock.millis());
            arm(timerPlan.afterTick(pipeline.nextDeadline()));
        }, Math.max(0, at - clock.millis()), TimeUnit.MILLISECONDS);
    }

    private <T> T query(Supplier<T> question) {
        try {
            return CompletableFuture.supplyAsync(question, thread).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("transport thread did not answer", e);
        }
    }

    private void count(String name) {
        counters.merge(name, 1L, Long::sum);
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<MessageReceipt> future(OutboundMessage m) {
        return (CompletableFuture<MessageReceipt>) m.handle;
    }

    /** The pipeline's requests, on the transport thread. */
    private final class Events implements PipelineEvents {
        @Override
        public void publish(Hit peer, byte[] pdu, OutboundMessage forMessage) {
            CompletableFuture<Void> sent = link.publish(sseTopic(peer), pdu).toCompletableFuture();
            if (forMessage != null && forMessage.fireAndForget) {
                handOffs.computeIfAbsent(forMessage.id, k -> new ArrayList<>()).add(sent);
            }
            sent.whenComplete((ok, err) -> {
                if (err != null) {
                    LOG.debug("SSE PDU to {} not published: {}", peer.toHex(), err.toString());
                }
            });
        }

        @Override
        public void publishAcks(Hit peer, List<byte[]> pdus) {
            acksToPublish.add(Map.entry(peer, pdus));
            if (ackDrainScheduled.compareAndSet(false, true)) {
                syncer.execute(SecureMessagingService.this::publishAcksAfterSync);
            }
        }

        @Override
        public void deliver(ReceivedMessage message) {
            if (receivers.isEmpty()) {
                count("messages.no-receiver");
                throw new IllegalStateException("no receiver registered"); // not acknowledged: sent again later
            }
            for (MessageReceiver r : receivers) {
                try {
                    r.received(message);
                } catch (RuntimeException e) {
                    LOG.warn("message {} from {} refused by its receiver (the sender will send it again): {}",
                            message.messageId(), message.from().toHex(), e.toString());
                    throw e;
                }
            }
        }

        @Override
        public void storageFailed(IOException cause) {
            LOG.error("delivered-ids journal failed; nothing more is delivered or acknowledged: {}", cause.toString());
            failure.complete(cause);
        }

        @Override
        public void acknowledged(OutboundMessage m) {
            MessageReceipt receipt = new MessageReceipt(m.id, m.peer);
            if (m.fireAndForget) {
                List<CompletableFuture<Void>> sent = handOffs.remove(m.id);
                CompletableFuture.allOf(sent == null ? new CompletableFuture<?>[0]
                        : sent.toArray(new CompletableFuture<?>[0])).whenComplete((ok, err) -> {
                            if (err == null) {
                                future(m).complete(receipt);
                            } else {
                                future(m).completeExceptionally(new MessagingException(
                                        MessagingException.Reason.LOST, "carrier refused the message", err));
                            }
                        });
                return;
            }
            try {
                queue.acknowledge(m.id);
            } catch (IOException e) {
                LOG.warn("acknowledgment of message {} not recorded in the offline queue: {}", m.id, e.toString());
            }
            future(m).complete(receipt);
        }

        @Override
        public void failed(OutboundMessage m, MessagingException why) {
            LOG.warn("message {} to {} failed: {}", m.id, m.peer.toHex(), why.getMessage());
            if (!m.fireAndForget) {
                try {
                    queue.acknowledge(m.id); // reported to the application: not sent again after a restart
                } catch (IOException e) {
                    LOG.warn("failed message {} still in the offline queue: {}", m.id, e.toString());
                }
            }
            future(m).completeExceptionally(why);
        }

        @Override
        public void needSession(Hit peer) {
            if (!connecting.add(peer)) {
                return;
            }
            count("sessions.requested");
            keyExchange.connect(peer).whenComplete((session, err) -> run(() -> {
                connecting.remove(peer);
                if (err == null) {
                    pipeline.sessionReady(peer, clock.millis());
                } else {
                    LOG.warn("no session with {} yet: {}; retrying in {} s", peer.toHex(), err.getMessage(),
                            SESSION_RETRY_MILLIS / 1000);
                    thread.schedule(() -> run(() -> needSession(peer)), SESSION_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                }
            }));
        }

        @Override
        public void sessionSuspect(Hit peer) {
            if (!connecting.add(peer)) {
                return;
            }
            LOG.info("{} acknowledges nothing: running a new key exchange", peer.toHex());
            keyExchange.reestablish(peer).whenComplete((session, err) -> run(() -> {
                connecting.remove(peer);
                if (err == null) {
                    pipeline.sessionReady(peer, clock.millis());
                } else {
                    needSession(peer);
                }
            }));
        }

        @Override
        public void needRekey(Hit peer) {
            keyExchange.rekey(peer);
        }
    }

    /** Session changes from the key exchange, moved onto the transport thread. */
    private final class Sessions implements KeyExchangeListener {
        @Override
        public void established(SecureSession session) {
            run(() -> pipeline.sessionReady(session.peerHit(), clock.millis()));
        }

        @Override
        public void rekeyed(SecureSession previous, SecureSession current) {
            run(() -> pipeline.sessionReady(current.peerHit(), clock.millis()));
        }

        @Override
        public void closed(Hit peer) {
            run(() -> pipeline.sessionLost(peer));
        }
    }
}
