package org.sslskura.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * outgoing messages until every chunk is acknowledged in full, retransmitting only missing fragments, paced by a
 * congestion window; reassemble, open, de-chunk, inflate, de-duplicate and hand over incoming ones, and acknowledge a
 * message's last chunk only once the application took it and its id is journaled. All state tied to one SA generation
 * lives in a {@link Session}; a new generation (rekey or new exchange) ends the previous session, and the messages it
 * had no receipt for are sent again whole. I/O and time come from the owner ({@link PipelineEvents}, the {@code now}
 * arguments). Not thread-safe: the owner calls it from one thread.
 */
final class MessagePipeline {
    private static final int INNER_OVERHEAD = 3 + InnerMessage.MAX_TOPIC_LENGTH + 8;
    /**
     * Entries that make an ACK PDU go out before the bundling delay ends: the sender may have only a replay window's
     * worth of PDUs unacknowledged, so waiting the full delay under load would stall it.
     */
    private static final int EAGER_ACK_ENTRIES = 16;
    private static final long EXPIRY_SCAN_MILLIS = 1000;
    /** The shortest wait before partial or repeated ACK entries alone are sent. */
    private static final long PARTIAL_ACK_DELAY_MILLIS = 50;

    private final Envelope envelope;
    private final TransportOptions options;
    private final PipelineEvents events;
    private final DeliveredIds delivered;
    private final MemoryBudget memory;
    private final int maxInner;
    private final Map<Hit, Peer> peers = new HashMap<>();
    /** Sessions with ACK entries waiting, so that flushing does not visit every peer. */
    private final Set<Session> acksWaiting = new LinkedHashSet<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private long nextExpiryScan = Long.MIN_VALUE;
    /** See {@link #takeEarliestNewDeadline}. */
    private long earliestNewDeadline = Long.MAX_VALUE;
    private boolean storageFailed;

    MessagePipeline(Envelope envelope, TransportOptions options, PipelineEvents events, DeliveredIds delivered) {
        this.envelope = envelope;
        this.options = options;
        this.events = events;
        this.delivered = delivered;
        this.memory = MemoryBudget.global(options.maxReassemblyBytes());
        this.maxInner = options.maxMessageBytes() + INNER_OVERHEAD;
    }

    /** Queues {@code m} for its peer and sends what the window allows (asking for a session if there is none). */
    void submit(OutboundMessage m, long now) {
        count("messages.submitted");
        Peer p = peer(m.peer);
        p.backlog.put(m.id, m);
        pump(p, now);
    }

    /** An SA pair with {@code peer} is (again) available, perhaps of a new generation: send what waits. */
    void sessionReady(Hit peer, long now) {
        pump(peer(peer), now);
    }

    /** The SAs with {@code peer} are gone: its sessions end, and its unacknowledged messages wait for a new one. */
    void sessionLost(Hit peer) {
        Peer p = peers.get(peer);
        if (p != null) {
            p.sessions().forEach(s -> end(p, s));
        }
    }

    /** One payload received on our SSE topic: a PDU, a fragment or an ACK. */
    void onSse(byte[] bytes, long now) {
        if (storageFailed) {
            count("drop.storage-failed");
            return;
        }
        PduHeader h;
        try {
            h = envelope.peek(bytes);
        } catch (EnvelopeException e) {
            count("drop." + name(e.reason()));
            return;
        }
        Peer p = peer(h.peer());
        session(p); // notices a new generation
        Session s = p.session(h.generation());
        if (s == null) {
            count("drop.ended-session"); // its session's messages are being sent again under the current keys
            return;
        }
        if (h.frag() >= 1 && h.frag() <= SseHeader.FRAG_MAX) {
            onFragment(s, h, bytes, now);
        } else {
            open(p, s, bytes, 1, now);
        }
    }

    /**
     * Sends every pending ACK entry now. The owner calls this when no further received payload is waiting to be
     * processed: bundling only pays while PDUs keep arriving, and an idle receiver that waits the bundling delay adds
     * it to every round trip.
     */
    void flushAcks(long now) {
        for (Session s : new ArrayList<>(acksWaiting)) {
            if (s.receiptsPending()) {
                flushAcks(s);
            }
        }
    }

    /** Runs what is due: retransmissions, bundled ACKs, expiry of partial reassemblies and of old messages. */
    void tick(long now) {
        boolean scan = now >= nextExpiryScan;
        if (scan) {
            nextExpiryScan = now + EXPIRY_SCAN_MILLIS;
        }
        for (Peer p : new ArrayList<>(peers.values())) {
            for (Session s : p.sessions()) {
                if (!s.ended && p.session != s && !envelope.hasGeneration(p.hit, s.generation)) {
                    end(p, s); // the retired SA pair's grace is over
                }
                if (!s.ended) {
                    retransmitDue(p, s, now);
                }
                if (!s.ended) {
                    if (now >= s.ackDue) {
                        flushAcks(s);
                    }
                    s.reassembler.expire(now);
                    s.chunks.expire(now).forEach(s::unaccept);
                }
            }
            if (scan) {
                expireBacklog(p, now);
            }
            pump(p, now);
        }
    }

    /**
     * @return the earliest time {@link #tick} has work, or {@link Long#MAX_VALUE}: a scan of every peer's sessions, for
     *         after a tick (between ticks, {@link #takeEarliestNewDeadline} is enough)
     */
    long nextDeadline() {
        earliestNewDeadline = Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        for (Peer p : peers.values()) {
            for (Session s : p.sessions()) {
                next = Math.min(next, s.ackDue);
                for (OutboundPdu pdu : s.inFlight.values()) {
                    next = Math.min(next, pdu.deadline);
                }
            }
        }
        return next;
    }

    /**
     * @return the earliest retransmission or ACK deadline set since the previous call or {@link #nextDeadline}, or
     *         {@link Long#MAX_VALUE}; outside {@link #tick} only PDUs going out and ACK entries queued set deadlines,
     *         so after any other step a timer armed for the previous earliest deadline needs to move only if this is
     *         earlier (a collector with thousands of peers must not scan them all per message)
     */
    long takeEarliestNewDeadline() {
        long earliest = earliestNewDeadline;
        earliestNewDeadline = Long.MAX_VALUE;
        return earliest;
    }

    private void noteDeadline(long at) {
        earliestNewDeadline = Math.min(earliestNewDeadline, at);
    }

    /** @return messages waiting to be sealed (no session, or no room in the window) */
    int waitingCount() {
        return peers.values().stream().mapToInt(p -> p.backlog.size()).sum();
    }

    /** @return PDUs published and not yet acknowledged */
    int inFlightCount() {
        return peers.values().stream().flatMap(p -> p.sessions().stream()).mapToInt(s -> s.inFlight.size()).sum();
    }

    /** @return the counters, including gauges of the current state */
    Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>(counters);
        long evicted = 0;
        int partials = 0;
        long window = 0;
        for (Peer p : peers.values()) {
            window += p.congestion.window();
            for (Session s : p.sessions()) {
                evicted += s.reassembler.evicted() + s.chunks.dropped();
                partials += s.reassembler.size();
            }
        }
        out.put("reassembly.pdus", (long) partials);
        out.put("reassembly.bytes", memory.used());
        out.put("reassembly.evicted", evicted);
        out.put("messages.waiting", (long) waitingCount());
        out.put("pdus.in-flight", (long) inFlightCount());
        out.put("congestion.window", window);
        return out;
    }

    // ---- sessions

    private Peer peer(Hit hit) {
        return peers.computeIfAbsent(hit, h -> new Peer(h, new CongestionControl(options.retransmitMillis())));
    }

    /**
     * @return the session of the peer's current SA generation, or null if no SA pair is installed. When the generation
     *         changed, the previous session is retired if the envelope keeps its SA pair (a rekey), else ended.
     */
    private Session session(Peer p) {
        Optional<SessionParameters> current = envelope.parameters(p.hit);
        if (current.isPresent() && p.session != null && p.session.generation == current.get().generation()) {
            return p.session;
        }
        Session old = p.session;
        if (old != null) {
            p.session = null;
            if (current.isPresent() && envelope.hasGeneration(p.hit, old.generation)) {
                retire(p, old);
            } else {
                end(p, old);
            }
        }
        if (current.isEmpty()) {
            return null;
        }
        long share = Math.min(options.maxReassemblyBytes(), 2L * maxInner + (64 << 10));
        p.session = new Session(p.hit, current.get(), options, memory.share(share), maxInner);
        count("sessions.started");
        return p.session;
    }

    /**
     * Retires a session after a rekey: nothing new is sealed in it, but the PDUs it sealed are still published,
     * retransmitted and acknowledged under the retired SA pair, and its late PDUs still received, until the envelope
     * drops the pair; then it ends and what it had no receipt for goes out again in the current session.
     */
    private void retire(Peer p, Session s) {
        count("sessions.retired");
        p.retired.add(s);
    }

    /** Ends a session: every message it had no receipt for goes back to the backlog, to go out whole. */
    private void end(Peer p, Session s) {
        if (s.ended) {
            return;
        }
        if (p.session == s) {
            p.session = null;
        }
        p.retired.remove(s);
        acksWaiting.remove(s);
        count("sessions.ended");
        for (OutboundMessage m : s.end()) {
            count("messages.requeued");
            p.backlog.put(m.id, m);
        }
    }

    // ---- sending

    /** Publishes sealed PDUs and seals backlog messages while the window and the peer's replay window allow. */
    private void pump(Peer p, long now) {
        for (Session r : new ArrayList<>(p.retired)) {
            while (!r.ended && !r.unsent.isEmpty() && mayPublish(p, r, r.unsent.firstEntry().getValue())) {
                publish(r, r.unsent.firstEntry().getValue(), now);
            }
        }
        while (true) {
            Session s = p.session != null || !p.backlog.isEmpty() ? session(p) : null;
            if (s == null) {
                if (!p.backlog.isEmpty()) {
                    events.needSession(p.hit);
                }
                return;
            }
            if (!s.unsent.isEmpty()) {
                OutboundPdu next = s.unsent.firstEntry().getValue();
                if (!mayPublish(p, s, next)) {
                    return;
                }
                publish(s, next, now);
                continue;
            }
            if (p.backlog.isEmpty()) {
                return;
            }
            OutboundMessage m = p.backlog.pollFirstEntry().getValue();
            if (!m.fireAndForget && now >= m.expiresAt) {
                expire(m);
                continue;
            }
            if (!seal(p, s, m, now)) {
                return;
            }
        }
    }

    /**
     * A PDU goes out if the congestion window has room for its fragments (or nothing is in flight), and if it is less
     * than the send window above the oldest unacknowledged PDU of its session, so that a retransmission of that one
     * still falls inside the peer's replay window (and reordering in flight does not push PDUs out of it).
     */
    private boolean mayPublish(Peer p, Session s, OutboundPdu pdu) {
        if (s.inFlight.isEmpty()) {
            return true;
        }
        return s.inFlightWire + pdu.fragments.size() <= p.congestion.window()
                && pdu.seq - s.oldestOutstanding() < options.maxInFlightPdus();
    }

    private void publish(Session s, OutboundPdu pdu, long now) {
        s.published(pdu);
        noteDeadline(pdu.deadline);
        for (byte[] f : pdu.fragments) {
            events.publish(s.peer, f, pdu.message);
        }
        count("pdus.sent");
        OutboundMessage m = pdu.message;
        if (m.fireAndForget) {
            m.unacknowledged.remove(pdu); // fire-and-forget: "unacknowledged" means not yet handed to the carrier
            if (m.unacknowledged.isEmpty()) {
                events.acknowledged(m);
            }
        }
    }

    /**
     * Seals every chunk of {@code m} in session {@code s}, under its generation only, as consecutive sequence numbers.
     *
     * @return false if the session could not seal (it has ended, or its sequence space is used up)
     */
    private boolean seal(Peer p, Session s, OutboundMessage m, long now) {
        SessionParameters params = s.parameters;
        byte[] inner = InnerMessage.of(m.topic, m.id, m.body).encode();
        byte[] deflated = params.compression() ? Compression.compressIfSmaller(inner) : null;
        byte[] data = deflated != null ? deflated : inner;
        if (!ChunkPlan.fits(params, data.length)) {
            events.failed(m, new MessagingException(MessagingException.Reason.TOO_LARGE, data.length
                    + " bytes do not fit one PDU of " + params.format() + " with chunking off"));
            return true;
        }
        int max = ChunkPlan.maxChunkData(params);
        int n = Math.max(1, (data.length + max - 1) / max);
        int flags = deflated != null ? Envelope.FLAG_COMPRESSED : 0;
        List<OutboundPdu> pdus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = i * max;
            int len = Math.min(max, data.length - from);
            byte[] payload = new byte[ChunkHeader.LENGTH + len];
            payload[0] = new ChunkHeader(i == 0, i == n - 1).encode();
            System.arraycopy(data, from, payload, 1, len);
            SealedPdu sealed;
            try {
                sealed = envelope.seal(p.hit, flags, payload, s.generation);
            } catch (EnvelopeException e) {
                count("seal." + name(e.reason()));
                if (e.reason() == EnvelopeException.Reason.TOO_LARGE) {
                    events.failed(m, new MessagingException(MessagingException.Reason.TOO_LARGE, e.getMessage()));
                    return true;
                }
                // chunks already sealed are never published: the peer never sees a partial message
                p.backlog.put(m.id, m);
                if (e.reason() == EnvelopeException.Reason.SEQUENCE_EXHAUSTED) {
                    events.needRekey(p.hit);
                } else {
                    session(p); // retires or ends it, now that the envelope moved on
                    if (p.session == s) {
                        end(p, s);
                    }
                }
                return false;
            }
            pdus.add(new OutboundPdu(m, sealed.seq(), i == n - 1, Fragments.split(sealed, params.fragmentSize()), now,
                    p.congestion.rto()));
        }
        m.attempts++;
        m.chunks = n;
        m.unacknowledged.clear();
        for (OutboundPdu pdu : pdus) {
            m.unacknowledged.add(pdu);
            s.unsent.put(pdu.seq, pdu);
        }
        return true;
    }

    private void retransmitDue(Peer p, Session s, long now) {
        for (OutboundPdu pdu : new ArrayList<>(s.inFlight.values())) {
            if (now < pdu.deadline || s.ended || !s.inFlight.containsKey(pdu.seq)) {
                continue;
            }
            OutboundMessage m = pdu.message;
            if (m.fireAndForget) {
                s.untrack(pdu); // never retransmitted; it only paced the window
                continue;
            }
            if (now >= m.expiresAt) {
                m.unacknowledged.forEach(s::untrack);
                expire(m);
                continue;
            }
            p.congestion.lost(now);
            if (behindReplayWindow(s, pdu)) {
                resendWhole(p, s, m, "messages.resent-behind-window");
                continue;
            }
            if (pdu.retransmissions >= options.pduTries()) {
                if (p.session == s && p.lastAckAt < pdu.firstSentAt) {
                    count("sessions.suspect"); // not one ACK from the peer since: it has probably lost its SAs
                    p.sessions().forEach(x -> end(p, x));
                    events.sessionSuspect(p.hit);
                    return;
                }
                resendWhole(p, s, m, "messages.resent");
                continue;
            }
            pdu.retransmissions++;
            pdu.deadline = now + p.congestion.backedOff(pdu.retransmissions);
            resendMissing(s, pdu, now);
            pdu.partial = 0; // a partial bitmap only guides the next retransmission
        }
    }

    /**
     * @return true if {@code pdu} is a send window or more below the newest PDU sent: the peer's replay window may
     *         have passed it, so a retransmission could be dropped unseen
     */
    private boolean behindReplayWindow(Session s, OutboundPdu pdu) {
        return s.highestSent - pdu.seq >= options.maxInFlightPdus();
    }

    /** Takes the message's PDUs out of the session and queues it to be sealed again, as new PDUs. */
    private void resendWhole(Peer p, Session s, OutboundMessage m, String counter) {
        count(counter);
        m.unacknowledged.forEach(s::untrack);
        m.unacknowledged.clear();
        p.backlog.put(m.id, m);
    }

    private void resendMissing(Session s, OutboundPdu pdu, long now) {
        pdu.lastSentAt = now;
        pdu.resent = true;
        for (int i = 0; i < pdu.fragments.size(); i++) {
            int bit = 1 << (31 - (i + 1));
            if ((pdu.partial & bit) == 0) {
                count("fragments.retransmitted");
                events.publish(s.peer, pdu.fragments.get(i), pdu.message);
            }
        }
    }

    private void expireBacklog(Peer p, long now) {
        for (Iterator<OutboundMessage> it = p.backlog.values().iterator(); it.hasNext();) {
            OutboundMessage m = it.next();
            if (!m.fireAndForget && now >= m.expiresAt) {
                it.remove();
                expire(m);
            }
        }
    }

    private void expire(OutboundMessage m) {
        count("messages.expired");
        m.unacknowledged.clear();
        events.failed(m, new MessagingException(MessagingException.Reason.EXPIRED, "not acknowledged within its time"
                + " to live; " + m.attempts + " attempts"));
    }

    // ---- receiving

    private void onFragment(Session s, PduHeader h, byte[] bytes, long now) {
        int fragmentSize = s.parameters.fragmentSize();
        if (fragmentSize == 0) {
            count("drop.unexpected-fragment");
            return;
        }
        if (s.accepted(h.seq())) {
            int n = fragmentsOf(h, fragmentSize);
            if (n < 2 || n > SseHeader.FRAG_MAX || h.frag() > n) {
                count("drop.bad-fragment"); // unauthenticated header: its length must still describe a real PDU
                return;
            }
            count("fragments.duplicate"); // the whole PDU was accepted: acknowledge it in full again
            queueBatchedAck(s, h.seq(), Fragments.fullBitmap(n), now);
            return;
        }
        Reassembler.Result r = s.reassembler.add(h, bytes, fragmentSize, now);
        if (!r.accepted()) {
            count("drop.bad-fragment");
            return;
        }
        if (r.complete() == null) {
            queueBatchedAck(s, h.seq(), r.bitmap(), now); // partial: tells the sender what to resend, never a receipt
            return;
        }
        open(peer(h.peer()), s, r.complete(), r.fragments(), now);
    }

    /** @return how many fragments the header's length implies (unbounded: the caller checks it) */
    private static int fragmentsOf(PduHeader h, int fragmentSize) {
        long piece = fragmentSize - h.format().headerLength();
        return piece <= 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, (h.bodyLength() + piece - 1) / piece);
    }

    private void open(Peer p, Session s, byte[] pdu, int fragments, long now) {
        OpenedPdu o;
        try {
            o = envelope.open(pdu);
        } catch (EnvelopeException e) {
            count("drop." + name(e.reason()));
            return;
        }
        if (o.generation() != s.generation) {
            count("drop.ended-session");
            return;
        }
        if (o.isAck()) {
            onAck(p, s, o, now);
            return;
        }
        int full = Fragments.fullBitmap(fragments);
        if (s.accepted(o.seq())) {
            count("pdus.duplicate");
            queueBatchedAck(s, o.seq(), full, now);
            return;
        }
        byte[] payload = o.payload();
        if (payload.length < ChunkHeader.LENGTH) {
            count("drop.bad-chunk");
            return;
        }
        ChunkHeader header;
        try {
            header = ChunkHeader.parse(payload[0]);
        } catch (WireException e) {
            count("drop.bad-chunk");
            return;
        }
        ChunkAssembler.Outcome outcome = s.chunks.add(o.seq(), new ChunkAssembler.Chunk(header.first(),
                header.last(), o.compressed(), Arrays.copyOfRange(payload, 1, payload.length), now, full));
        if (outcome instanceof ChunkAssembler.Refused refused) {
            count("chunks.refused"); // not acknowledged: the sender tries again later
            return;
        }
        if (outcome instanceof ChunkAssembler.Assembled message) {
            if (!deliver(p.hit, message)) {
                return; // not handed over (refused, malformed, or the journal failed): not acknowledged
            }
            if (message.lastSeq() != o.seq()) { // the last chunk was held unacknowledged until now
                s.accept(message.lastSeq());
                queueAck(s, message.lastSeq(), message.lastBitmap(), now);
            }
        }
        if (outcome instanceof ChunkAssembler.Admitted && header.last()) {
            count("chunks.last-held"); // held, but its message is not complete: no receipt for it yet
            return;
        }
        s.accept(o.seq());
        queueAck(s, o.seq(), full, now);
    }

    /** @return true if the message was handed over and journaled now, or had been before (a duplicate) */
    private boolean deliver(Hit peer, ChunkAssembler.Assembled message) {
        InnerMessage inner;
        try {
            byte[] bytes = message.compressed() ? Compression.inflate(message.bytes(), maxInner) : message.bytes();
            inner = InnerMessage.parse(bytes, 0, bytes.length);
        } catch (DataFormatException e) {
            count("drop.bad-compression");
            return false;
        } catch (WireException e) {
            count("drop.bad-message");
            return false;
        }
        if (delivered.seen(peer, inner.messageId())) {
            count("messages.duplicate");
            return true;
        }
        try {
            events.deliver(new ReceivedMessage(peer, inner.topic(), inner.messageId(), inner.body()));
        } catch (RuntimeException e) {
            count("messages.refused");
            return false;
        }
        try {
            delivered.delivered(peer, inner.messageId());
        } catch (IOException e) {
            storageFailed(e);
            return false;
        }
        count("messages.delivered");
        return true;
    }

    private void onAck(Peer p, Session s, OpenedPdu o, long now) {
        SseAck ack;
        try {
            ack = SseAck.parse(s.parameters.format(), o.payload(), 0, o.payload().length);
        } catch (WireException e) {
            count("drop.bad-ack");
            return;
        }
        count("acks.received");
        p.lastAckAt = now;
        long highest = 0;
        for (SseAck.Entry entry : ack.entries()) {
            highest = Math.max(highest, entry.seq());
            OutboundPdu pdu = s.inFlight.get(entry.seq());
            if (pdu == null) {
                continue;
            }
            if ((entry.bitmap() & pdu.fullBitmap) == pdu.fullBitmap) {
                acknowledged(p, s, pdu, now);
            } else {
                pdu.partial = entry.bitmap() & pdu.fullBitmap;
            }
        }
        resendHoles(p, s, highest, now);
        pump(p, now);
    }

    private void acknowledged(Peer p, Session s, OutboundPdu pdu, long now) {
        s.untrack(pdu);
        p.congestion.acknowledged(pdu.fragments.size(), pdu.resent ? -1 : now - pdu.firstSentAt);
        OutboundMessage m = pdu.message;
        if (m.fireAndForget || !m.unacknowledged.remove(pdu)) {
            return;
        }
        if (m.unacknowledged.isEmpty()) {
            count("messages.acknowledged");
            events.acknowledged(m);
        }
    }

    /**
     * Fast retransmission: an ACK that covers a later PDU but not an earlier one, sent before it and not resent since the
     * ACK could have been bundled, means the earlier one (or its ACK) was lost: resend its missing fragments now
     * instead of waiting for its timer, and halve the window. Its retry count and timeout are left alone.
     */
    private void resendHoles(Peer p, Session s, long highest, long now) {
        long settle = 4 * options.ackDelayMillis() + 20;
        for (OutboundPdu pdu : s.inFlight.headMap(highest, false).values()) {
            if (now - pdu.lastSentAt > settle && !pdu.message.fireAndForget && !behindReplayWindow(s, pdu)
                    && !pdu.awaitsItsMessage()) { // the peer holds that one on purpose: not a sign of loss
                count("fragments.fast-retransmitted");
                p.congestion.lost(now);
                resendMissing(s, pdu, now);
            }
        }
    }

    /** Queues the full entry of a PDU accepted just now: sent at the end of the bundling delay, or at once. */
    private void queueAck(Session s, long seq, int bitmap, long now) {
        acksWaiting.add(s);
        if (s.queueReceipt(seq, bitmap, now + options.ackDelayMillis(), EAGER_ACK_ENTRIES)
                || options.ackDelayMillis() == 0) {
            flushAcks(s);
        }
        noteDeadline(s.ackDue);
    }

    /**
     * Queues a partial entry, or the repeated full entry of a PDU that arrived again. Neither is news worth a PDU of
     * its own: a retransmitted PDU arrives as up to 30 fragments, and an ACK per arriving fragment would flood the peer
     * and burn our sequence space (each ACK takes a sequence number, and the spent space triggers rekeys). They wait at
     * least PARTIAL_ACK_DELAY_MILLIS, so a burst of copies costs one ACK.
     */
    private void queueBatchedAck(Session s, long seq, int bitmap, long now) {
        acksWaiting.add(s);
        s.queueAck(seq, bitmap, now + Math.max(options.ackDelayMillis(), PARTIAL_ACK_DELAY_MILLIS), Integer.MAX_VALUE);
        noteDeadline(s.ackDue);
    }

    /**
     * Seals the session's pending ACK entries and hands them to the owner, which publishes them once the
     * delivered-ids journal is forced (group commit: one force covers every id delivered before the call).
     */
    private void flushAcks(Session s) {
        acksWaiting.remove(s);
        if (storageFailed) {
            s.dropAcks(); // nothing is acknowledged any more: the journal state is unknown
            return;
        }
        if (!s.acksPending()) {
            return;
        }
        SessionParameters p = s.parameters;
        int entryLength = SseAck.entryLength(p.format());
        int perPdu = SseAck.MAX_ENTRIES;
        if (p.fragmentSize() > 0) {
            int room = p.fragmentSize() - p.format().headerLength() - p.suite().tagLength();
            perPdu = Math.max(1, Math.min(perPdu, room / entryLength));
        }
        List<SseAck.Entry> entries = s.takeAcks(perPdu);
        List<byte[]> pdus = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += perPdu) {
            SseAck ack = new SseAck(entries.subList(from, Math.min(entries.size(), from + perPdu)));
            try {
                SealedPdu sealed = envelope.seal(s.peer, Envelope.FRAG_ACK << 3, ack.encode(p.format()), s.generation);
                s.sent(sealed.seq());
                count("acks.sent");
                pdus.add(sealed.bytes());
            } catch (EnvelopeException e) {
                count("ack." + name(e.reason()));
                break;
            }
        }
        if (!pdus.isEmpty()) {
            events.publishAcks(s.peer, pdus);
        }
    }

    /**
     * The owner could not force the delivered-ids journal before publishing ACKs: those ACKs are not sent, and nothing
     * more is delivered or acknowledged.
     */
    void journalFailed(IOException e) {
        storageFailed(e);
    }

    /** The journal failed: nothing more is delivered or acknowledged; the owner must stop. */
    private void storageFailed(IOException e) {
        if (!storageFailed) {
            storageFailed = true;
            count("storage.failed");
            events.storageFailed(e);
        }
    }

    private void count(String name) {
        counters.merge(name, 1L, Long::sum);
    }

    private static String name(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
