package org.sslskura.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sslskura.api.MessagingException;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.SealedPdu;
import org.sslskura.wire.sse.SseAck;

/**
 * Watches a run and checks the promise: "a message the sender was told is delivered was delivered, exactly once, and
 * nothing accepted is ever lost". The invariants:
 * <ol>
 * <li>every message the device was told is delivered (acknowledged) was handed to the collector's application before
 * that, byte-identical, exactly once (one repeat allowed per collector crash that found its delivered id not yet
 * synced in the journal);</li>
 * <li>nothing is delivered that was not sent (id, topic and body);</li>
 * <li>every message accepted into the device's queue ends acknowledged or failed;</li>
 * <li>no (key, nonce) pair is used twice: (outbound key, sequence number) of every seal is unique;</li>
 * <li>every PDU opened is byte for byte one that was sealed, under the key it was sealed with, with the same
 * plaintext;</li>
 * <li>the collector acknowledges the PDU that completed a message only after the message's delivered id is synced in
 * the journal;</li>
 * </ol>
 * and 0: the harness itself (an exception out of a component, the event budget).
 */
final class SimOracle {
    static final String[] NAMES = {"0 harness/exception", "1 receipt=>delivered once", "2 delivered=>sent",
        "3 accepted=>resolved", "4 key/nonce unique", "5 opened=>sealed", "6 sync before ACK"};

    record Violation(int invariant, long at, String text) {
        @Override
        public String toString() {
            long t = at - SimWorld.EPOCH;
            return "[inv " + NAMES[invariant] + "] t=" + t / 1000 + "." + String.format("%03d", t % 1000) + "s "
                    + text;
        }
    }

    record Sent(int index, long id, String topic, byte[] body, long at) {
    }

    record Delivery(long id, String topic, byte[] body, long at, int collectorIncarnation) {
    }

    private record SealRecord(String node, String key, byte[] payload, long seq, int generation) {
    }

    private static final class Bytes {
        final byte[] b;
        final int hash;

        Bytes(byte[] b) {
            this.b = b;
            this.hash = Arrays.hashCode(b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && other.hash == hash && Arrays.equals(other.b, b);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final SimWorld world;
    final Map<Long, Sent> sent = new LinkedHashMap<>();
    final Map<Long, Long> acknowledgedAt = new LinkedHashMap<>();
    final Map<Long, String> failed = new LinkedHashMap<>();
    final Map<Long, List<Delivery>> deliveries = new LinkedHashMap<>();
    private final Map<Long, Integer> unsyncedAtCrash = new HashMap<>();
    final List<Violation> violations = new ArrayList<>();
    private final Set<String> nonces = new HashSet<>();
    private final Map<Bytes, SealRecord> sealed = new HashMap<>();
    /** Collector: "incarnation/generation/seq" of the PDU that completed a message, to its id. */
    private final Map<String, Long> completing = new HashMap<>();
    private final Set<Long> ackedBeforeSync = new HashSet<>();
    private final Set<Long> fireAndForget = new HashSet<>();
    private String lastOpenedData;
    private final Map<String, Long> counters = new TreeMap<>();

    SimOracle(SimWorld world) {
        this.world = world;
    }

    void violation(int invariant, String text) {
        Violation v = new Violation(invariant, world.now, text);
        violations.add(v);
        world.trace.add("CHECK", "VIOLATION " + v);
    }

    /** @return the id of the application's message {@code index} */
    long idOf(int index) {
        for (Sent s : sent.values()) {
            if (s.index() == index) {
                return s.id();
            }
        }
        throw new IllegalArgumentException("no message " + index + " was sent");
    }

    boolean isAcknowledged(int index) {
        return acknowledgedAt.containsKey(idOf(index));
    }

    int deliveryCount(int index) {
        return deliveries.getOrDefault(idOf(index), List.of()).size();
    }

    /** @return the violations of invariants other than {@code except} */
    List<Violation> violationsExcept(int except) {
        return violations.stream().filter(v -> v.invariant() != except).toList();
    }

    String label(long id) {
        Sent s = sent.get(id);
        return s == null ? "id" + id : "m" + s.index();
    }

    void count(String name) {
        counters.merge(name, 1L, Long::sum);
    }

    Map<String, Long> counters() {
        return counters;
    }

    // ---- the application's view

    void accepted(int index, long id, String topic, byte[] body) {
        sent.put(id, new Sent(index, id, topic, body.clone(), world.now));
    }

    /** A message sent without the offline guarantee: it may be lost, but never altered or duplicated. */
    void sentFireAndForget(int index, long id, String topic, byte[] body) {
        sent.put(id, new Sent(index, id, topic, body.clone(), world.now));
        fireAndForget.add(id);
    }

    void delivered(SimNode collector, ReceivedMessage m) {
        long id = m.messageId();
        List<Delivery> ds = deliveries.computeIfAbsent(id, k -> new ArrayList<>());
        ds.add(new Delivery(id, m.topic(), m.payload().clone(), world.now, collector.incarnation()));
        world.trace.add(collector.name, "app DELIVER " + label(id) + " " + m.payload().length + "B"
                + (ds.size() > 1 ? " (delivery #" + ds.size() + ")" : ""));
        if (lastOpenedData != null) {
            completing.put(lastOpenedData, id);
        }
        Sent s = sent.get(id);
        if (s == null) {
            violation(2, "delivered id " + id + " (topic " + m.topic() + ", " + m.payload().length
                    + " bytes) that the device never sent");
        } else if (!s.topic().equals(m.topic()) || !Arrays.equals(s.body(), m.payload())) {
            violation(2, "delivered " + label(id) + " with different content: topic " + m.topic() + " vs "
                    + s.topic() + ", " + m.payload().length + " vs " + s.body().length + " bytes"
                    + (Arrays.equals(s.body(), m.payload()) ? "" : ", body differs"));
        }
        int allowed = 1 + unsyncedAtCrash.getOrDefault(id, 0);
        if (ds.size() > allowed) {
            violation(1, "delivered " + label(id) + " " + ds.size() + " times (" + (allowed - 1)
                    + " collector crash(es) found it unsynced)");
        }
    }

    void acknowledged(long id) {
        world.trace.add("dev", "app RECEIPT " + label(id));
        count("acknowledged");
        if (acknowledgedAt.containsKey(id)) {
            count("acknowledged.again");
            return;
        }
        acknowledgedAt.put(id, world.now);
        if (!deliveredIntact(id, world.now)) {
            world.trace.add("CHECK", "receipt for " + label(id) + " but not (yet) delivered intact");
        }
    }

    void failed(long id, MessagingException why) {
        world.trace.add("dev", "app FAILED " + label(id) + ": " + why.reason() + " " + why.getMessage());
        count("failed." + why.reason());
        failed.putIfAbsent(id, why.reason() + ": " + why.getMessage());
    }

    void collectorCrashed(Set<Long> unsynced) {
        for (Long id : unsynced) {
            unsyncedAtCrash.merge(id, 1, Integer::sum);
        }
        if (!unsynced.isEmpty()) {
            world.trace.add("col", "crash lost " + unsynced.size() + " unsynced delivered ids");
        }
    }

    void exception(String where, RuntimeException e) {
        StringBuilder sb = new StringBuilder(where + " threw " + e);
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(6, st.length); i++) {
            sb.append("\n      at ").append(st[i]);
        }
        violation(0, sb.toString());
    }

    private boolean deliveredIntact(long id, long by) {
        Sent s = sent.get(id);
        for (Delivery d : deliveries.getOrDefault(id, List.of())) {
            if (d.at() <= by && s != null && s.topic().equals(d.topic()) && Arrays.equals(s.body(), d.body())) {
                return true;
            }
        }
        return false;
    }

    /** @return true if every accepted message is acknowledged or failed */
    boolean allResolved() {
        for (Long id : sent.keySet()) {
            if (!acknowledgedAt.containsKey(id) && !failed.containsKey(id) && !fireAndForget.contains(id)) {
                return false;
            }
        }
        return true;
    }

    // ---- the envelope's view

    void sealed(SimNode node, SealedPdu pdu, int flags, byte[] payload) {
        count("sealed");
        String key = node.outboundKey(pdu.generation());
        if (key == null) {
            violation(0, node.name + " sealed under generation " + pdu.generation() + " whose key it never saw");
            return;
        }
        if (!nonces.add(key + "/" + Long.toUnsignedString(pdu.seq()))) {
            violation(4, node.name + " sealed a second PDU under key " + key + " with sequence number " + pdu.seq());
        }
        sealed.put(new Bytes(pdu.bytes().clone()), new SealRecord(node.name, key, payload.clone(), pdu.seq(),
                pdu.generation()));
        if (!node.isDevice() && (flags >>> 3) == 31) {
            acksSealed.put(new Bytes(pdu.bytes().clone()), new AckSeal(pdu, payload.clone()));
        }
    }

    /** A sealed ACK PDU, checked when it is published (sealing it before the journal sync is allowed). */
    private record AckSeal(SealedPdu pdu, byte[] payload) {
    }

    private final Map<Bytes, AckSeal> acksSealed = new HashMap<>();

    /** {@code node} publishes {@code bytes}: an ACK PDU must not acknowledge a message whose id is not yet synced. */
    void published(SimNode node, byte[] bytes) {
        AckSeal a = acksSealed.remove(new Bytes(bytes));
        if (a != null) {
            checkAckAfterSync(node, a.pdu(), a.payload());
        }
    }

    private void checkAckAfterSync(SimNode collector, SealedPdu pdu, byte[] payload) {
        SseAck ack;
        try {
            ack = SseAck.parse(pdu.format(), payload, 0, payload.length);
        } catch (Exception e) {
            violation(0, "collector sealed an ACK it cannot parse: " + e);
            return;
        }
        for (SseAck.Entry e : ack.entries()) {
            Long id = completing.get(collector.incarnation() + "/" + pdu.generation() + "/" + e.seq());
            if (id != null && collector.journal.unsynced(id) && ackedBeforeSync.add(id)) {
                count("ack-before-sync");
                if (ackedBeforeSync.size() == 1) {
                    violation(6, "collector acknowledges seq " + e.seq() + " (completing " + label(id)
                            + ") before its delivered id is synced in the journal (reported once per run; "
                            + "journal syncs so far: " + collector.journal.syncs() + ")");
                }
            }
        }
    }

    void opened(SimNode node, byte[] bytes, OpenedPdu o) {
        count("opened");
        if (!node.isDevice()) {
            lastOpenedData = o.isAck() || o.duplicate() ? null
                    : node.incarnation() + "/" + o.generation() + "/" + o.seq();
        }
        SealRecord r = sealed.get(new Bytes(bytes));
        if (r == null) {
            violation(5, node.name + " opened a PDU (seq " + o.seq() + ", " + bytes.length
                    + " bytes) that nobody sealed");
            return;
        }
        String key = node.inboundKey(o.generation());
        if (!r.key().equals(key)) {
            violation(5, node.name + " opened seq " + o.seq() + " under inbound key " + key + " (generation "
                    + o.generation() + ") but it was sealed by " + r.node() + " under " + r.key());
        }
        if (!Arrays.equals(r.payload(), o.payload())) {
            violation(5, node.name + " opened seq " + o.seq() + " with a plaintext other than the one sealed");
        }
    }

    // ---- the end of the run

    void finish() {
        for (Map.Entry<Long, Long> e : acknowledgedAt.entrySet()) {
            long id = e.getKey();
            if (!deliveredIntact(id, Long.MAX_VALUE)) {
                List<Delivery> ds = deliveries.getOrDefault(id, List.of());
                violation(1, "the device was told " + label(id) + " is delivered (at " + rel(e.getValue())
                        + ") but the collector " + (ds.isEmpty() ? "never delivered it" : "delivered other content"));
            } else if (!deliveredIntact(id, e.getValue())) {
                violation(1, "the device was told " + label(id) + " is delivered at " + rel(e.getValue())
                        + ", before the collector delivered it at " + rel(deliveries.get(id).get(0).at()));
            }
        }
        for (Long id : failed.keySet()) {
            if (deliveries.containsKey(id)) {
                count("failed.but.delivered"); // allowed (no receipt was given), but the application may resend
            }
        }
        List<String> stuck = new ArrayList<>();
        for (Sent s : sent.values()) {
            if (!acknowledgedAt.containsKey(s.id()) && !failed.containsKey(s.id())
                    && !fireAndForget.contains(s.id())) {
                stuck.add(label(s.id()) + (deliveries.containsKey(s.id()) ? " (delivered)" : " (not delivered)"));
            }
        }
        if (!stuck.isEmpty()) {
            violation(3, stuck.size() + " accepted message(s) neither acknowledged nor failed after the quiet phase: "
                    + stuck + "; device queue holds " + world.device.queueSize() + "; device pipeline "
                    + world.device.pipelineCounters());
        }
        world.trace.add("CHECK", "end: " + summary());
    }

    String summary() {
        int dups = 0;
        for (List<Delivery> ds : deliveries.values()) {
            dups += Math.max(0, ds.size() - 1);
        }
        Map<String, Long> failedReasons = new TreeMap<>();
        failed.values().forEach(r -> failedReasons.merge(r.substring(0, r.indexOf(':')), 1L, Long::sum));
        return "accepted " + sent.size() + ", acknowledged " + acknowledgedAt.size() + ", failed " + failed.size()
                + (failedReasons.isEmpty() ? "" : " " + failedReasons) + ", delivered " + deliveries.size()
                + (dups > 0 ? " (+" + dups + " repeats)" : "") + ", violations " + violations.size();
    }

    private static String rel(long at) {
        long t = at - SimWorld.EPOCH;
        return t / 1000 + "." + String.format("%03d", t % 1000) + "s";
    }
}
