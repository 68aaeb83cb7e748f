package org.sslskura.transport;

import java.util.ArrayList;
import java.util.List;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/**
 * An on-path attacker: sees every publish (HIP and SSE), and injects replays (also much later, which reorders),
 * truncations, bit flips, random bytes, and forged fragments with valid-looking headers: floods of fragments for
 * random sequence numbers under a captured SPI (to evict partial reassemblies), and fragments for a captured
 * (SPI, sequence) racing the genuine ones (to poison a reassembly). It holds no key: everything it forges must fail
 * authentication, and nothing it does may break an invariant (denial of service is allowed).
 */
final class SimAttacker {
    /** A captured publish. */
    record Captured(String topic, byte[] bytes, long at, boolean fromDevice) {
    }

    private static final int KEEP_SSE = 400;
    private static final int KEEP_HIP = 100;
    private final SimWorld world;
    private final List<Captured> sse = new ArrayList<>();
    private final List<Captured> hip = new ArrayList<>();

    SimAttacker(SimWorld world) {
        this.world = world;
    }

    void capture(SimNode from, String topic, byte[] bytes) {
        List<Captured> list = topic.endsWith("/hip") ? hip : sse;
        list.add(new Captured(topic, bytes.clone(), world.now, from.isDevice()));
        if (list.size() > (list == hip ? KEEP_HIP : KEEP_SSE)) {
            list.remove(0);
        }
    }

    /** One random action. */
    void act() {
        int action = world.rng.nextInt(10);
        switch (action) {
            case 0, 1 -> replay(pick(sse), "replay");
            case 2 -> replay(pick(hip), "replay");
            case 3 -> mutate(pick(world.rng.nextInt(4) == 0 ? hip : sse), true);
            case 4 -> mutate(pick(world.rng.nextInt(4) == 0 ? hip : sse), false);
            case 5 -> junk();
            case 6, 7 -> poison(pickFragment());
            case 8 -> flood(pickFragment(), world.config.transport.maxReassemblies() + 8);
            default -> replayBurst();
        }
    }

    private Captured pick(List<Captured> list) {
        if (list.isEmpty()) {
            return null;
        }
        // recent traffic is the interesting kind: pick from the last 50 mostly
        int from = world.rng.nextInt(4) == 0 ? 0 : Math.max(0, list.size() - 50);
        return list.get(from + world.rng.nextInt(list.size() - from));
    }

    /** @return a recently captured data fragment, or null */
    Captured pickFragment() {
        SseFormat format = world.config.format;
        for (int tries = 0; tries < 20 && !sse.isEmpty(); tries++) {
            Captured c = pick(sse);
            SseHeader h = SimBroker.header(format, c.bytes());
            if (h != null && h.frag() >= 1 && h.frag() <= SseHeader.FRAG_MAX) {
                return c;
            }
        }
        return null;
    }

    /** @return the most recent captured fragment that matches, or null */
    Captured lastFragment(java.util.function.Predicate<Captured> which) {
        SseFormat format = world.config.format;
        for (int i = sse.size() - 1; i >= 0; i--) {
            Captured c = sse.get(i);
            SseHeader h = SimBroker.header(format, c.bytes());
            if (h != null && h.frag() >= 1 && h.frag() <= SseHeader.FRAG_MAX && which.test(c)) {
                return c;
            }
        }
        return null;
    }

    private void replay(Captured c, String why) {
        if (c != null) {
            long delay = world.rng.nextInt(3) == 0 ? world.rng.nextInt(20_000) : world.rng.nextInt(50);
            world.broker.inject(c.topic(), c.bytes().clone(), delay, why + " of " + age(c));
        }
    }

    private void replayBurst() {
        int n = 1 + world.rng.nextInt(20);
        for (int i = 0; i < n; i++) {
            replay(pick(sse), "burst replay");
        }
    }

    private void mutate(Captured c, boolean flip) {
        if (c == null || c.bytes().length == 0) {
            return;
        }
        byte[] b = c.bytes().clone();
        if (flip) {
            int bits = 1 + world.rng.nextInt(3);
            for (int i = 0; i < bits; i++) {
                int bit = world.rng.nextInt(b.length * 8);
                b[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            world.broker.inject(c.topic(), b, world.rng.nextInt(30), "bit flip of " + age(c));
        } else {
            byte[] t = java.util.Arrays.copyOf(b, world.rng.nextInt(b.length));
            world.broker.inject(c.topic(), t, world.rng.nextInt(30), "truncation of " + age(c));
        }
    }

    private void junk() {
        SimNode to = world.rng.nextBoolean() ? world.device : world.collector;
        boolean toHip = world.rng.nextInt(3) == 0;
        byte[] b = new byte[world.rng.nextInt(120)];
        world.rng.nextBytes(b);
        if (!toHip && b.length > 8 && world.rng.nextBoolean()) {
            // a forged PDU or ACK under a captured SPI: a valid-looking header, random ciphertext
            Captured c = pick(sse);
            if (c != null && c.bytes().length >= world.config.format.headerLength()) {
                SseHeader h = SimBroker.header(world.config.format, c.bytes());
                if (h != null) {
                    int frag = world.rng.nextBoolean() ? SseHeader.FRAG_ACK : 0;
                    int tag = world.config.suite.tagLength();
                    int len = Math.max(0, b.length - world.config.format.headerLength() - tag);
                    byte[] forged = forge(h, frag, len, 1 + world.rng.nextInt(1000), b.length);
                    world.broker.inject(c.topic(), forged, world.rng.nextInt(30), "forged "
                            + (frag == 0 ? "PDU" : "ACK"));
                    return;
                }
            }
        }
        world.broker.inject(toHip ? to.hipTopic() : to.sseTopic(), b, world.rng.nextInt(30), "random bytes");
    }

    /**
     * Forged fragments for random sequence numbers under the SPI of {@code c}, each a valid-looking fragment of the
     * same size and index: every one opens a new partial reassembly, evicting the oldest ones.
     */
    void flood(Captured c, int count) {
        if (c == null) {
            return;
        }
        SseFormat format = world.config.format;
        SseHeader h = SimBroker.header(format, c.bytes());
        long maxSeq = format == SseFormat.COMPACT ? (1L << 20) - 1 : (1L << 31);
        for (int i = 0; i < count; i++) {
            long seq = 1 + (long) (world.rng.nextDouble() * (maxSeq - 1));
            byte[] f = forge(h, h.frag(), h.length(), seq, c.bytes().length);
            world.broker.inject(c.topic(), f, world.rng.nextInt(5), i == 0 ? "eviction flood x" + count : "flood");
        }
    }

    /**
     * Fragments for the (SPI, sequence) of {@code c} with every other index and random contents, sent at once: they
     * race the genuine fragments into the receiver's reassembly.
     */
    void poison(Captured c) {
        if (c == null) {
            return;
        }
        SimConfig cfg = world.config;
        SseHeader h = SimBroker.header(cfg.format, c.bytes());
        int piece = cfg.agreedFragment() - cfg.format.headerLength();
        if (piece <= 0) {
            return;
        }
        long body = h.length() + cfg.suite.tagLength();
        int n = (int) ((body + piece - 1) / piece);
        for (int k = 1; k <= n; k++) {
            if (k == h.frag()) {
                continue;
            }
            int size = cfg.format.headerLength() + (int) (k < n ? piece : body - (long) (n - 1) * piece);
            byte[] f = forge(h, k, h.length(), h.seq(), size);
            world.broker.inject(c.topic(), f, world.rng.nextInt(3), "poisoned frag" + k + " seq=" + h.seq());
        }
    }

    /** @return {@code size} bytes: a header like {@code h} with the given fields, then random bytes */
    private byte[] forge(SseHeader h, int frag, long length, long seq, int size) {
        SseFormat format = world.config.format;
        byte[] out = new byte[Math.max(size, format.headerLength())];
        world.rng.nextBytes(out);
        SseHeader.of(format, h.spi(), frag, h.compressed(), Math.min(length, format.maxLength()), seq).encode(out, 0);
        return out;
    }

    private String age(Captured c) {
        return (c.fromDevice() ? "dev" : "col") + " packet of " + (world.now - c.at()) + " ms ago";
    }
}
