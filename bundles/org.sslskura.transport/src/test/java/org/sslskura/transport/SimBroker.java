package org.sslskura.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/**
 * The MQTT broker: routes {@code <prefix>/<HIT hex>/hip} and {@code /sse} topics to the node subscribed to them, with
 * per direction random loss, duplication, delay and reordering during the fault phase, and restarts that drop
 * everything in flight. Every publish is shown to the attacker. A scripted test can drop packets by rule.
 */
final class SimBroker {
    /** One publish as a rule sees it. */
    record Packet(SimNode from, String topic, byte[] bytes, String label) {
        boolean sse() {
            return topic.endsWith("/sse");
        }

        /** @return the SSE header, or null (HIP, or not parseable in the run's format) */
        SseHeader header(SseFormat format) {
            return SimBroker.header(format, bytes);
        }
    }

    private final SimWorld world;
    private final Map<String, SimNode> subscribers = new HashMap<>();
    private int epoch;
    private boolean down;
    private final long[] partitionedUntil = new long[2];
    private final long[] stalledUntil = new long[2];
    /** Scripted tests: publishes for which this returns true are dropped. */
    Predicate<Packet> dropRule = p -> false;

    SimBroker(SimWorld world) {
        this.world = world;
    }

    void subscribe(String topic, SimNode node) {
        subscribers.put(topic, node);
    }

    /** A node publishes; {@code label} names the application message the PDU carries, if any. */
    void publish(SimNode from, String topic, byte[] payload, String label) {
        String what = from.name + ">" + describe(topic, payload) + (label == null ? "" : " " + label);
        world.attacker.capture(from, topic, payload);
        if (down) {
            world.trace.add("net", what + " LOST (broker down)");
            return;
        }
        if (dropRule.test(new Packet(from, topic, payload, label))) {
            world.trace.add("net", what + " DROPPED (rule)");
            return;
        }
        SimConfig c = world.config;
        int d = SimConfig.direction(from.isDevice());
        if (!world.quiet && world.now < partitionedUntil[d]) {
            world.trace.add("net", what + " LOST (partition)");
            return;
        }
        if (!world.quiet && world.rng.nextDouble() < c.loss[d]) {
            world.trace.add("net", what + " LOST");
            return;
        }
        long delay = delay(d);
        if (!world.quiet && world.now < stalledUntil[d]) {
            delay += stalledUntil[d] - world.now; // held until the stall ends (arrival order kept by the event order)
        }
        boolean dup = !world.quiet && world.rng.nextDouble() < c.duplicate[d];
        world.trace.add("net", what + " +" + delay + "ms" + (dup ? " DUP" : ""));
        deliverLater(topic, payload, delay, what);
        if (dup) {
            deliverLater(topic, payload.clone(), delay + 1 + world.rng.nextInt((int) c.jitter + 50), what + " (dup)");
        }
    }

    /** The attacker's way in: delivered after {@code delay}, no faults applied. */
    void inject(String topic, byte[] payload, long delay, String why) {
        if (down) {
            return;
        }
        String what = "atk>" + describe(topic, payload) + " " + why;
        world.trace.add("net", what + " +" + delay + "ms");
        deliverLater(topic, payload, delay, what);
    }

    /** The broker restarts: everything in flight is lost, and publishes are lost until it is back. */
    void restart(long downMillis) {
        epoch++;
        down = true;
        world.trace.add("net", "FAULT broker restart, down " + downMillis + " ms");
        world.after(downMillis, () -> {
            down = false;
            world.trace.add("net", "broker back");
        });
    }

    /** Cuts direction {@code d} (0: device to collector) off for {@code millis}. */
    void partition(int d, long millis) {
        partitionedUntil[d] = world.now + millis;
        world.trace.add("net", "FAULT partition " + (d == 0 ? "dev->col" : "col->dev") + " for " + millis + " ms");
    }

    /** Stalls direction {@code d} for {@code millis}. */
    void stall(int d, long millis) {
        stalledUntil[d] = world.now + millis;
        world.trace.add("net", "FAULT stall " + (d == 0 ? "dev->col" : "col->dev") + " for " + millis + " ms");
    }

    private long delay(int d) {
        SimConfig c = world.config;
        long delay = c.baseDelay + world.rng.nextInt((int) c.jitter + 1);
        if (!world.quiet && world.rng.nextDouble() < c.reorder[d]) {
            delay += world.rng.nextInt(3000);
        }
        return delay;
    }

    private void deliverLater(String topic, byte[] payload, long delay, String what) {
        int e = epoch;
        world.after(delay, () -> {
            if (e != epoch) {
                world.trace.add("net", "  " + what + " lost in broker restart");
                return;
            }
            SimNode n = subscribers.get(topic);
            if (n == null || !n.up()) {
                world.trace.add("net", "  " + what + " lost (receiver down)");
                return;
            }
            world.trace.add(n.name, "< " + what);
            n.receive(topic, payload);
        });
    }

    private String describe(String topic, byte[] p) {
        if (topic.endsWith("/hip")) {
            return "hip " + hipType(p) + " " + p.length + "B";
        }
        SseHeader h = header(world.config.format, p);
        if (h == null) {
            return "sse ? " + p.length + "B";
        }
        String kind = h.isAck() ? "ACK" : h.frag() == 0 ? "pdu" : "frag" + h.frag();
        return "sse " + kind + " spi=" + Long.toHexString(h.spi()) + " seq=" + h.seq() + " " + p.length + "B";
    }

    static SseHeader header(SseFormat format, byte[] p) {
        try {
            if (SseFormat.isCompact(p[0]) != (format == SseFormat.COMPACT)) {
                return null;
            }
            return SseHeader.parse(format, p, 0, p.length);
        } catch (Exception e) {
            return null;
        }
    }

    static String hipType(byte[] p) {
        if (p.length < 3) {
            return "?";
        }
        return switch (p[2] & 0x7F) {
            case 1 -> "I1";
            case 2 -> "R1";
            case 3 -> "I2";
            case 4 -> "R2";
            case 16 -> "UPDATE";
            case 17 -> "NOTIFY";
            case 18 -> "CLOSE";
            case 19 -> "CLOSE_ACK";
            default -> "type" + (p[2] & 0x7F);
        };
    }
}
