package org.sslskura.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.MessagingException;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.ChunkHeader;
import org.sslskura.wire.sse.InnerMessage;
import org.sslskura.wire.sse.SseAck;
import org.sslskura.wire.sse.SseHeader;

/**
 * SSLS message management over an {@link Envelope} (docs/PROTOCOL.md §8): compress, chunk, seal, fragment and track
 * outgoing messages until every chunk is acknowledged, retransmitting only missing fragments; reassemble, open,
 * acknowledge, de-chunk, inflate and de-duplicate incoming ones. I/O and time come from the owner
 * ({@link PipelineEvents}, the {@code now} arguments). Not thread-safe: the owner calls it from one thread.
 */
final class MessagePipeline {
    private static final long MAX_RTO_MILLIS = 60_000;
    private static final int INNER_OVERHEAD = 3 + InnerMessage.MAX_TOPIC_LENGTH + 8;
    /** Acknowledged entries repeated in later ACK PDUs, so that one lost ACK PDU rarely costs a retransmission. */
    private static final int REPEATED_ACKS = 16;
    /**
     * Entries that make an ACK PDU go out before the bundling delay ends: the sender may have only a replay window's
     * worth of PDUs unacknowledged, so waiting the full delay under load would stall it.
     */
    private static final int EAGER_ACK_ENTRIES = 16;

    private final Envelope envelope;
    private final TransportOptions options;
    private final PipelineEvents events;
    private final Reassembler reassembler;
    private final ChunkAssembler chunks;
    private final DeliveredIds delivered;
    private final Map<Hit, Deque<OutboundMessage>> waiting = new HashMap<>();
    private final Map<Hit, Deque<OutboundMessage>> backlog = new HashMap<>();
    private final Map<Hit, Integer> inFlightPerPeer = new HashMap<>();
    private final Map<Hit, Long> lastSealed = new HashMap<>();
    private final Map<PduKey, OutboundPdu> inFlight = new HashMap<>();
    private final Map<AckKey, AckBatch> acks = new LinkedHashMap<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final Map<Hit, Long> lastAckAt = new HashMap<>();
    /** The last entries acknowledged per (peer, generation), repeated in later ACK PDUs in case an ACK was lost. */
    private final Map<AckKey, LinkedHashMap<Long, Integer>> recentAcks = new HashMap<>();

    MessagePipeline(Envelope envelope, TransportOptions options, PipelineEvents events, DeliveredIds delivered) {
        this.envelope = envelope;
        this.options = options;
        this.events = events;
        this.delivered = delivered;
        this.reassembler = new Reassembler(options.maxReassemblies(), options.maxReassemblyBytes() / 2,
                options.reassemblyTimeoutMillis());
        this.chunks = new ChunkAssembler(options.reassemblyTimeoutMillis(), options.maxReassemblyBytes() / 2,
                options.maxMessageBytes() + INNER_OVERHEAD);
    }

    /** Sends {@code m} now if an SA pair exists, else queues it and asks for a key exchange. */
    void submit(OutboundMessage m, long now) {
        count("messages.submitted");
        backlog.computeIfAbsent(m.peer, k -> new ArrayDeque<>()).addLast(m);
        pump(m.peer, now);
    }

    /** An SA pair with {@code peer} is (again) available: send what waits for it. */
    void sessionReady(Hit peer, long now) {
        Deque<OutboundMessage> q = waiting.remove(peer);
        if (q != null) {
            Deque<OutboundMessage> b = backlog.computeIfAbsent(peer, k -> new ArrayDeque<>());
            while (!q.isEmpty()) {
                b.addFirst(q.pollLast());
            }
        }
        pump(peer, now);
    }

    /**
     * @return how many sequence numbers the unacknowledged PDUs to {@code peer} span, from the oldest to the newest
     *         sealed: kept below the peer's replay window, else a retransmission of the oldest falls out of it
     */
    private long span(Hit peer) {
        if (inFlightPerPeer.getOrDefault(peer, 0) == 0) {
            return 0;
        }
        long oldest = Long.MAX_VALUE;
        int generation = Integer.MIN_VALUE;
        for (OutboundPdu pdu : inFlight.values()) {
            if (pdu.message.peer.equals(peer) && pdu.generation >= generation) {
                if (pdu.generation > generation) {
                    generation = pdu.generation;
                    oldest = Long.MAX_VALUE;
                }
                oldest = Math.min(oldest, pdu.seq);
            }
        }
        return lastSealed.getOrDefault(peer, oldest) - oldest + 1;
    }

    /** Sends backlog messages while the peer's in-flight window has room (one message always goes when it is empty). */
    private void pump(Hit peer, long now) {
        Deque<OutboundMessage> b = backlog.get(peer);
        while (b != null && !b.isEmpty() && !waiting.containsKey(peer) && span(peer) < options.maxInFlightPdus()) {
            transmit(b.pollFirst(), now);
        }
        if (b != null && b.isEmpty()) {
            backlog.remove(peer);
        }
    }

    /** The SAs with {@code peer} are gone: its unacknowledged messages wait for a new session. */
    void sessionLost(Hit peer) {
        Iterator<OutboundPdu> it = inFlight.values().iterator();
        List<OutboundMessage> orphans = new ArrayList<>();
        while (it.hasNext()) {
            OutboundPdu pdu = it.next();
            if (pdu.message.peer.equals(peer)) {
                it.remove();
                inFlightPerPeer.remove(peer);
                pdu.message.unacknowledged.clear();
                if (!orphans.contains(pdu.message)) {
                    orphans.add(pdu.message);
                }
            }
        }
        orphans.forEach(this::park);
        acks.keySet().removeIf(k -> k.peer.equals(peer));
        recentAcks.keySet().removeIf(k -> k.peer.equals(peer));
    }

    /** One payload received on our SSE topic: a PDU, a fragment or an ACK. */
    void onSse(byte[] bytes, long now) {
        PduHeader h;
        try {
            h = envelope.peek(bytes);
        } catch (EnvelopeException e) {
            count("drop." + name(e.reason()));
            return;
        }
        if (h.frag() >= 1 && h.frag() <= SseHeader.FRAG_MAX) {
            Optional<SessionParameters> p = envelope.parameters(h.peer());
            if (p.isEmpty() || p.get().fragmentSize() == 0) {
                count("drop.unexpected-fragment");
                return;
            }
            Reassembler.Result r = reassembler.add(h, bytes, p.get().fragmentSize(), now);
            if (!r.accepted()) {
                count("drop.bad-fragment");
                return;
            }
            if (r.complete() == null) {
                queueAck(h.peer(), p.get().generation(), h.seq(), r.bitmap(), now);
                return;
            }
            open(r.complete(), r.fragments(), now);
        } else {
            open(bytes, 1, now);
        }
    }

    /**
     * Sends every pending ACK entry now. The owner calls this when no further received payload is waiting to be
     * processed: bundling only pays while PDUs keep arriving, and an idle receiver that waits the bundling delay adds
     * it to every round trip.
     */
    void flushAcks(long now) {
        for (AckKey k : new ArrayList<>(acks.keySet())) {
            flushAcks(k, now);
        }
    }

    /** Runs what is due: retransmissions, bundled ACKs, expiry of partial reassemblies. */
    void tick(long now) {
        for (OutboundPdu pdu : new ArrayList<>(inFlight.values())) {
            if (now >= pdu.deadline && inFlight.containsKey(key(pdu))) {
                retransmit(pdu, now);
            }
        }
        for (AckKey k : new ArrayList<>(acks.keySet())) {
            AckBatch b = acks.get(k);
            if (b != null && now >= b.due) {
                flushAcks(k, now);
            }
        }
        reassembler.expire(now);
        chunks.expire(now);
        for (Hit peer : new ArrayList<>(backlog.keySet())) {
            pump(peer, now);
        }
        for (Hit peer : new ArrayList<>(waiting.keySet())) {
            if (envelope.parameters(peer).isPresent()) {
                sessionReady(peer, now);
            } else {
                events.needSession(peer);
            }
        }
    }

    /** @return the earliest time {@link #tick} has work, or {@link Long#MAX_VALUE} */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (OutboundPdu pdu : inFlight.values()) {
            next = Math.min(next, pdu.deadline);
        }
        for (AckBatch b : acks.values()) {
            next = Math.min(next, b.due);
        }
        return next;
    }

    /** @return messages waiting for a session */
    int waitingCount() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    /** @return PDUs sent and not yet acknowledged */
    int inFlightCount() {
        return inFlight.size();
    }

    /** @return the counters, including the reassembly gauges */
    Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>(counters);
        out.put("reassembly.pdus", (long) reassembler.size());
        out.put("reassembly.bytes", reassembler.bytes() + chunks.bytes());
        out.put("reassembly.evicted", reassembler.evicted() + chunks.dropped());
        out.put("messages.waiting", (long) waitingCount());
        out.put("messages.backlog", (long) backlog.values().stream().mapToInt(Deque::size).sum());
        out.put("pdus.in-flight", (long) inFlight.size());
        return out;
    }

    private void transmit(OutboundMessage m, long now) {
        Optional<SessionParameters> session = envelope.parameters(m.peer);
        if (session.isEmpty()) {
            park(m);
            events.needSession(m.peer);
            return;
        }
        SessionParameters p = session.get();
        byte[] inner = InnerMessage.of(m.topic, m.id, m.body).encode();
        byte[] deflated = p.compression() ? Compression.compressIfSmaller(inner) : null;
        byte[] data = deflated != null ? deflated : inner;
        int max = ChunkPlan.maxChunkData(p);
        if (!ChunkPlan.fits(p, data.length)) {
            events.failed(m, new MessagingException(MessagingException.Reason.TOO_LARGE, data.length
                    + " bytes do not fit one PDU of " + p.format() + " with chunking off"));
            return;
        }
        int n = Math.max(1, (data.length + max - 1) / max);
        int flags = deflated != null ? Envelope.FLAG_COMPRESSED : 0;
        List<OutboundPdu> pdus = new ArrayList<>(n);
        List<byte[]> toPublish = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = i * max;
            int len = Math.min(max, data.length - from);
            byte[] payload = new byte[ChunkHeader.LENGTH + len];
            payload[0] = new ChunkHeader(i == 0, i == n - 1).encode();
            System.arraycopy(data, from, payload, 1, len);
            SealedPdu sealed;
            try {
                sealed = envelope.seal(m.peer, flags, payload, -1);
            } catch (EnvelopeException e) {
                count("seal." + name(e.reason()));
                if (e.reason() == EnvelopeException.Reason.TOO_LARGE) {
                    events.failed(m, new MessagingException(MessagingException.Reason.TOO_LARGE, e.getMessage()));
                } else {
                    park(m); // partial chunks already sealed are never completed: the receiver drops them in time
                    if (e.reason() == EnvelopeException.Reason.SEQUENCE_EXHAUSTED) {
                        events.needRekey(m.peer);
                    } else {
                        events.needSession(m.peer);
                    }
                }
                return;
            }
            List<byte[]> fragments = Fragments.split(sealed, p.fragmentSize());
            pdus.add(new OutboundPdu(m, sealed.generation(), sealed.seq(), fragments, options.retransmitMillis(), now));
            toPublish.addAll(fragments);
        }
        m.attempts++;
        count("pdus.sent", n);
        if (!m.fireAndForget) {
            for (OutboundPdu pdu : pdus) {
                track(pdu);
                m.unacknowledged.add(pdu);
            }
        }
        for (byte[] f : toPublish) {
            events.publish(m.peer, f, m);
        }
        if (m.fireAndForget) {
            events.acknowledged(m);
        }
    }

    private void retransmit(OutboundPdu pdu, long now) {
        if (pdu.tries >= options.pduTries()) {
            OutboundMessage m = pdu.message;
            if (lastAckAt.getOrDefault(m.peer, Long.MIN_VALUE) < pdu.firstSentAt) {
                count("sessions.suspect"); // not one ACK from the peer since: it has probably lost its SAs
                sessionLost(m.peer);
                events.sessionSuspect(m.peer);
                return;
            }
            for (OutboundPdu p : m.unacknowledged) {
                untrack(p);
            }
            m.unacknowledged.clear();
            if (m.attempts >= options.messageAttempts()) {
                count("messages.lost");
                events.failed(m, new MessagingException(MessagingException.Reason.LOST, "no acknowledgment after "
                        + m.attempts + " attempts of " + (options.pduTries() + 1) + " transmissions"));
            } else {
                count("messages.resent");
                transmit(m, now);
            }
            return;
        }
        pdu.tries++;
        if (lastAckAt.getOrDefault(pdu.message.peer, Long.MIN_VALUE) < pdu.firstSentAt) {
            pdu.rto = Math.min(MAX_RTO_MILLIS, pdu.rto * 2); // the peer is silent: back off
        } // else the peer acknowledged PDUs sent after this one: it was lost at random, retry at the same pace
        pdu.deadline = now + pdu.rto;
        resendMissing(pdu, now);
    }

    private void resendMissing(OutboundPdu pdu, long now) {
        pdu.lastSentAt = now;
        for (int i = 0; i < pdu.fragments.size(); i++) {
            int bit = 1 << (31 - (i + 1));
            if ((pdu.held & bit) == 0) {
                count("fragments.retransmitted");
                events.publish(pdu.message.peer, pdu.fragments.get(i), pdu.message);
            }
        }
    }

    private void open(byte[] pdu, int fragments, long now) {
        OpenedPdu o;
        try {
            o = envelope.open(pdu);
        } catch (EnvelopeException e) {
            count("drop." + name(e.reason()));
            return;
        }
        if (o.isAck()) {
            onAck(o, now);
            return;
        }
        queueAck(o.peer(), o.generation(), o.seq(), Fragments.fullBitmap(fragments), now);
        if (o.duplicate()) {
            count("pdus.duplicate");
            return;
        }
        byte[] payload = o.payload();
        ChunkHeader header;
        try {
            if (payload.length < ChunkHeader.LENGTH) {
                throw new WireException(WireException.Reason.TRUNCATED, "no chunk header");
            }
            header = ChunkHeader.parse(payload[0]);
        } catch (WireException e) {
            count("drop.bad-chunk");
            return;
        }
        ChunkAssembler.Assembled message = chunks.add(o.peer(), o.generation(), o.seq(), new ChunkAssembler.Chunk(
                header.first(), header.last(), o.compressed(), Arrays.copyOfRange(payload, 1, payload.length), now));
        if (message != null) {
            deliver(o.peer(), message);
        }
    }

    private void deliver(Hit peer, ChunkAssembler.Assembled message) {
        InnerMessage inner;
        try {
            byte[] bytes = message.compressed()
                    ? Compression.inflate(message.bytes(), options.maxMessageBytes() + INNER_OVERHEAD)
                    : message.bytes();
            inner = InnerMessage.parse(bytes, 0, bytes.length);
        } catch (DataFormatException e) {
            count("drop.bad-compression");
            return;
        } catch (WireException e) {
            count("drop.bad-message");
            return;
        }
        if (delivered.seen(peer, inner.messageId())) {
            count("messages.duplicate");
            return;
        }
        try {
            delivered.delivered(peer, inner.messageId());
        } catch (java.io.IOException e) {
            count("drop.journal-failed");
            return;
        }
        count("messages.delivered");
        events.deliver(new ReceivedMessage(peer, inner.topic(), inner.messageId(), inner.body()));
    }

    private void onAck(OpenedPdu o, long now) {
        Optional<SessionParameters> p = envelope.parameters(o.peer());
        SseAck ack;
        try {
            if (p.isEmpty()) {
                throw new WireException(WireException.Reason.BAD_VALUE, "no session");
            }
            ack = SseAck.parse(p.get().format(), o.payload(), 0, o.payload().length);
        } catch (WireException e) {
            count("drop.bad-ack");
            return;
        }
        count("acks.received");
        lastAckAt.put(o.peer(), now);
        try {
            onAckEntries(o, ack);
            resendHoles(o, ack, now);
        } finally {
            pump(o.peer(), now);
        }
    }

    /**
     * Fast retransmission: an ACK that covers a later PDU but not an earlier one, sent before it and not resent since the
     * ACK could have been bundled, means the earlier one (or its ACK) was lost: resend its missing fragments now
     * instead of waiting for its timer. Its retry count and timeout are left alone.
     */
    private void resendHoles(OpenedPdu o, SseAck ack, long now) {
        long highest = 0;
        for (SseAck.Entry e : ack.entries()) {
            highest = Math.max(highest, e.seq());
        }
        long settle = 4 * options.ackDelayMillis() + 20;
        for (OutboundPdu pdu : inFlight.values()) {
            if (pdu.message.peer.equals(o.peer()) && pdu.generation == o.generation() && pdu.seq < highest
                    && now - pdu.lastSentAt > settle) {
                count("fragments.fast-retransmitted");
                resendMissing(pdu, now);
            }
        }
    }

    private void onAckEntries(OpenedPdu o, SseAck ack) {
        for (SseAck.Entry entry : ack.entries()) {
            OutboundPdu pdu = inFlight.get(new PduKey(o.peer(), o.generation(), entry.seq()));
            if (pdu == null) {
                continue;
            }
            pdu.held |= entry.bitmap();
            if (pdu.complete()) {
                untrack(pdu);
                OutboundMessage m = pdu.message;
                m.unacknowledged.remove(pdu);
                if (m.unacknowledged.isEmpty()) {
                    count("messages.acknowledged");
                    events.acknowledged(m);
                }
            }
        }
    }

    private void queueAck(Hit peer, int generation, long seq, int bitmap, long now) {
        AckKey k = new AckKey(peer, generation);
        AckBatch b = acks.computeIfAbsent(k, x -> new AckBatch(now + options.ackDelayMillis()));
        b.entries.merge(seq, bitmap, (x, y) -> x | y);
        if (b.entries.size() >= EAGER_ACK_ENTRIES || options.ackDelayMillis() == 0) {
            flushAcks(k, now);
        }
    }

    private void flushAcks(AckKey k, long now) {
        AckBatch b = acks.remove(k);
        Optional<SessionParameters> session = envelope.parameters(k.peer);
        if (b == null || session.isEmpty()) {
            return;
        }
        SessionParameters p = session.get();
        int entryLength = SseAck.entryLength(p.format());
        int perPdu = SseAck.MAX_ENTRIES;
        if (p.fragmentSize() > 0) {
            int room = p.fragmentSize() - p.format().headerLength() - p.suite().tagLength();
            perPdu = Math.max(1, Math.min(perPdu, room / entryLength));
        }
        List<SseAck.Entry> entries = new ArrayList<>();
        b.entries.forEach((seq, bitmap) -> entries.add(new SseAck.Entry(seq, bitmap)));
        LinkedHashMap<Long, Integer> recent = recentAcks.computeIfAbsent(k, x -> new LinkedHashMap<>());
        int room = (perPdu - entries.size() % perPdu) % perPdu;
        List<Long> older = new ArrayList<>(recent.keySet());
        for (int i = older.size() - 1; i >= 0 && room > 0; i--) {
            Long seq = older.get(i);
            if (!b.entries.containsKey(seq) && recent.get(seq) != 0) {
                entries.add(new SseAck.Entry(seq, recent.get(seq)));
                room--;
            }
        }
        b.entries.forEach((seq, bitmap) -> {
            recent.remove(seq);
            recent.put(seq, bitmap);
        });
        while (recent.size() > REPEATED_ACKS) {
            recent.remove(recent.keySet().iterator().next());
        }
        for (int from = 0; from < entries.size(); from += perPdu) {
            SseAck ack = new SseAck(entries.subList(from, Math.min(entries.size(), from + perPdu)));
            try {
                SealedPdu sealed = envelope.seal(k.peer, Envelope.FRAG_ACK << 3, ack.encode(p.format()), k.generation);
                count("acks.sent");
                events.publish(k.peer, sealed.bytes(), null);
            } catch (EnvelopeException e) {
                count("ack." + name(e.reason()));
                return;
            }
        }
    }

    private void track(OutboundPdu pdu) {
        lastSealed.merge(pdu.message.peer, pdu.seq, Math::max);
        inFlight.put(key(pdu), pdu);
        inFlightPerPeer.merge(pdu.message.peer, 1, Integer::sum);
    }

    private void untrack(OutboundPdu pdu) {
        if (inFlight.remove(key(pdu)) != null) {
            inFlightPerPeer.merge(pdu.message.peer, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private void park(OutboundMessage m) {
        waiting.computeIfAbsent(m.peer, k -> new ArrayDeque<>()).addLast(m);
    }

    private static PduKey key(OutboundPdu pdu) {
        return new PduKey(pdu.message.peer, pdu.generation, pdu.seq);
    }

    private void count(String name) {
        count(name, 1);
    }

    private void count(String name, long n) {
        counters.merge(name, n, Long::sum);
    }

    private static String name(Enum<?> reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private record PduKey(Hit peer, int generation, long seq) {
    }

    private record AckKey(Hit peer, int generation) {
    }

    private static final class AckBatch {
        final long due;
        final Map<Long, Integer> entries = new LinkedHashMap<>();

        AckBatch(long due) {
            this.due = due;
        }
    }
}
