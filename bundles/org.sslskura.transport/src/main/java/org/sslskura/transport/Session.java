package org.sslskura.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseAck;

/**
 * All transport state of one SA generation with one peer: on the sending side the sealed PDUs not yet published and
 * those published and not yet acknowledged; on the receiving side fragment reassembly, chunk runs, the sequence
 * numbers accepted, and the ACK entries to send. A session ends in one step ({@link #end}): its memory is released
 * and the messages it had no receipt for go back to their peer's backlog, to be sent whole under the next keys.
 */
final class Session {
    /** Full ACK entries repeated in later ACK PDUs, so that one lost ACK PDU rarely costs a retransmission. */
    static final int REPEATED_ACKS = 16;
    /** Accepted sequence numbers remembered below the highest: the largest replay window. */
    private static final long ACCEPTED_SPAN = 4096;

    final Hit peer;
    final int generation;
    final SessionParameters parameters;
    /** Sealed, not yet published, by sequence number. */
    final TreeMap<Long, OutboundPdu> unsent = new TreeMap<>();
    /** Published and not yet acknowledged in full, by sequence number. */
    final TreeMap<Long, OutboundPdu> inFlight = new TreeMap<>();
    /** Wire PDUs (fragments count one each) of {@link #inFlight}. */
    int inFlightWire;
    /**
     * The highest sequence number sent in this session (data and ACK PDUs share the space): the peer's replay window
     * ends at most here, so a PDU more than the send window below it may no longer be accepted.
     */
    long highestSent;

    final Reassembler reassembler;
    final ChunkAssembler chunks;
    private final MemoryBudget memory;
    private final TreeSet<Long> accepted = new TreeSet<>();
    private final LinkedHashMap<Long, Integer> pendingAcks = new LinkedHashMap<>();
    private final LinkedHashMap<Long, Integer> recentFull = new LinkedHashMap<>();
    /** A pending entry acknowledges a PDU accepted since the last ACK. */
    private boolean receiptPending;
    /** When the pending ACK entries are due, or {@link Long#MAX_VALUE}. */
    long ackDue = Long.MAX_VALUE;
    /** Set once the session ended: nothing more is done in it. */
    boolean ended;

    Session(Hit peer, SessionParameters parameters, TransportOptions options, MemoryBudget memory, int maxMessage) {
        this.peer = peer;
        this.generation = parameters.generation();
        this.parameters = parameters;
        this.memory = memory;
        this.reassembler = new Reassembler(options.maxReassemblies(), memory, options.reassemblyTimeoutMillis());
        this.chunks = new ChunkAssembler(options.reassemblyTimeoutMillis(), maxMessage, memory);
    }

    // ---- sending

    /** A PDU (or ACK PDU) with {@code seq} went out. */
    void sent(long seq) {
        highestSent = Math.max(highestSent, seq);
    }

    /** {@code pdu} was published for the first time. */
    void published(OutboundPdu pdu) {
        unsent.remove(pdu.seq);
        inFlight.put(pdu.seq, pdu);
        inFlightWire += pdu.fragments.size();
        sent(pdu.seq);
    }

    /**
     * @return the oldest sequence number sealed and not yet acknowledged that holds back the send window (a last chunk
     *         the peer holds for its message does not), or -1
     */
    long oldestOutstanding() {
        long oldest = unsent.isEmpty() ? Long.MAX_VALUE : unsent.firstKey();
        for (OutboundPdu pdu : inFlight.values()) {
            if (pdu.seq >= oldest) {
                break;
            }
            // a last chunk the peer holds until its message completes must not hold back later messages: if that
            // message's run was dropped, the last chunk is only acknowledged once the message went out again whole,
            // and a window pinned on it would stall the next message until its own run expires (a livelock)
            if (!pdu.awaitsItsMessage()) {
                oldest = pdu.seq;
                break;
            }
        }
        return oldest == Long.MAX_VALUE ? -1 : oldest;
    }

    /** Forgets {@code pdu} (acknowledged, given up, or its message goes out again). */
    void untrack(OutboundPdu pdu) {
        unsent.remove(pdu.seq, pdu);
        if (inFlight.remove(pdu.seq, pdu)) {
            inFlightWire -= pdu.fragments.size();
        }
    }

    // ---- receiving

    /** @return true if the PDU {@code seq} was accepted (admitted or delivered): acknowledge it again, nothing more */
    boolean accepted(long seq) {
        return accepted.contains(seq);
    }

    /** Marks {@code seq} accepted: from now on it is acknowledged in full. */
    void accept(long seq) {
        accepted.add(seq);
        long floor = accepted.last() - ACCEPTED_SPAN;
        while (accepted.first() < floor) {
            accepted.pollFirst();
        }
    }

    /** {@code seq} is no longer held (its chunk run expired): a retransmission of it is processed again. */
    void unaccept(long seq) {
        accepted.remove(seq);
    }

    /**
     * Adds an ACK entry to the next ACK PDU: a partial one, or the repeated full entry of a PDU that arrived again.
     *
     * @return true if enough entries are pending to send them before the bundling delay ends
     */
    boolean queueAck(long seq, int bitmap, long due, int eagerEntries) {
        // the newest entry wins: partial bitmaps of successive reassembly attempts (one evicted, one new) must never
        // add up to a full set; an accepted PDU is always queued with its full bitmap
        pendingAcks.put(seq, bitmap);
        ackDue = Math.min(ackDue, due);
        return pendingAcks.size() >= eagerEntries;
    }

    /**
     * Adds the full entry of a PDU accepted just now to the next ACK PDU.
     *
     * @return true if enough entries are pending to send them before the bundling delay ends
     */
    boolean queueReceipt(long seq, int bitmap, long due, int eagerEntries) {
        receiptPending = true;
        return queueAck(seq, bitmap, due, eagerEntries);
    }

    /** @return true if ACK entries wait to be sent */
    boolean acksPending() {
        return !pendingAcks.isEmpty();
    }

    /**
     * @return true if a pending entry is news: the full entry of a PDU accepted since the last ACK. Partial and
     *         repeated entries alone wait for their delay (an ACK per arriving fragment or copy would flood the peer).
     */
    boolean receiptsPending() {
        return receiptPending;
    }

    /**
     * Takes the pending ACK entries, topped up to a multiple of {@code perPdu} with recent full entries. Full entries
     * (those of accepted PDUs) are remembered for repetition; partial ones never are: they only tell the sender what
     * to resend now.
     */
    List<SseAck.Entry> takeAcks(int perPdu) {
        List<SseAck.Entry> entries = new ArrayList<>();
        pendingAcks.forEach((seq, bitmap) -> entries.add(new SseAck.Entry(seq, bitmap)));
        int room = (perPdu - entries.size() % perPdu) % perPdu;
        List<Long> older = new ArrayList<>(recentFull.keySet());
        for (int i = older.size() - 1; i >= 0 && room > 0; i--) {
            Long seq = older.get(i);
            if (!pendingAcks.containsKey(seq)) {
                entries.add(new SseAck.Entry(seq, recentFull.get(seq)));
                room--;
            }
        }
        pendingAcks.forEach((seq, bitmap) -> {
            if (accepted.contains(seq)) {
                recentFull.remove(seq);
                recentFull.put(seq, bitmap);
            }
        });
        while (recentFull.size() > REPEATED_ACKS) {
            recentFull.remove(recentFull.keySet().iterator().next());
        }
        pendingAcks.clear();
        receiptPending = false;
        ackDue = Long.MAX_VALUE;
        return entries;
    }

    /** Forgets the pending ACK entries without sending them. */
    void dropAcks() {
        pendingAcks.clear();
        receiptPending = false;
        ackDue = Long.MAX_VALUE;
    }

    /**
     * Ends the session: releases its memory and untracks its PDUs.
     *
     * @return the messages that had PDUs here without a receipt, each with its attempt cleared
     */
    List<OutboundMessage> end() {
        ended = true;
        Set<OutboundMessage> orphans = new LinkedHashSet<>();
        for (Map<Long, OutboundPdu> m : List.of(unsent, inFlight)) {
            for (OutboundPdu pdu : m.values()) {
                // a fire-and-forget message whose PDUs were all handed to the carrier is done; any other goes again
                if (!pdu.message.fireAndForget || !pdu.message.unacknowledged.isEmpty()) {
                    orphans.add(pdu.message);
                }
            }
        }
        unsent.clear();
        inFlight.clear();
        inFlightWire = 0;
        orphans.forEach(o -> o.unacknowledged.clear());
        reassembler.clear();
        chunks.clear();
        memory.releaseAll();
        pendingAcks.clear();
        receiptPending = false;
        recentFull.clear();
        accepted.clear();
        ackDue = Long.MAX_VALUE;
        return new ArrayList<>(orphans);
    }
}
