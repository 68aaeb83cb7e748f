package org.sslskura.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.sslskura.testing.ManualClock;

/**
 * One deterministic simulation run: a virtual clock, one seeded PRNG that decides everything, and a single-threaded
 * event loop (a priority queue of time, insertion order and action). The device and the collector are
 * {@link SimNode}s joined by a {@link SimBroker}; an optional {@link SimAttacker} sits on the path; the
 * {@link SimOracle} checks the invariants. Same seed, same trace.
 */
final class SimWorld implements AutoCloseable {
    /** The virtual time at which every run starts (Unix epoch milliseconds). */
    static final long EPOCH = 1_700_000_000_000L;
    static final String PREFIX = "ssls/v1";

    final long seed;
    final Random rng;
    final SimConfig config;
    final SimTrace trace;
    final Path root;
    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(EPOCH));
    final SimOracle oracle;
    final SimBroker broker;
    final SimAttacker attacker;
    final SimNode device;
    final SimNode collector;
    long now = EPOCH;
    /** True once the fault phase is over: no losses, duplicates, reordering, crashes, rekeys or attacks. */
    boolean quiet;
    /** Stops a run whose events never end (a livelock at one instant, or a storm). */
    long eventBudget = 10_000_000;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::order));
    /** Application sends scheduled and not yet made. */
    int appSendsOutstanding;
    private long order;
    private long executed;
    private boolean aborted;

    /**
     * @param config the run's parameters, or null to draw them from the seed
     * @param keepWholeTrace keep every trace line (else only the last few hundred)
     */
    SimWorld(long seed, SimConfig config, Path root, boolean keepWholeTrace) {
        this.seed = seed;
        this.rng = new Random(seed);
        this.config = config != null ? config : SimConfig.random(rng);
        this.trace = new SimTrace(this, 400, keepWholeTrace);
        this.root = root;
        this.oracle = new SimOracle(this);
        this.broker = new SimBroker(this);
        this.attacker = new SimAttacker(this);
        this.device = new SimNode(this, SimNode.Role.DEVICE, root.resolve("device"));
        this.collector = new SimNode(this, SimNode.Role.COLLECTOR, root.resolve("collector"));
        device.createIdentity();
        collector.createIdentity();
        device.peer = collector;
        collector.peer = device;
        trace.add("world", "seed " + seed + ": " + this.config);
    }

    /** Starts both nodes (identity, key exchange, envelope, pipeline; the device's queue). */
    void start() {
        collector.start();
        device.start();
    }

    // ---- event loop

    void schedule(long at, Runnable action) {
        events.add(new Event(Math.max(at, now), order++, action));
    }

    void after(long delay, Runnable action) {
        schedule(now + delay, action);
    }

    /** Runs every event due up to {@code end}, then sets the clock to {@code end}. */
    void runUntil(long end) {
        while (!aborted && !events.isEmpty() && events.peek().at() <= end) {
            Event e = events.poll();
            now = Math.max(now, e.at());
            clock.setMillis(now);
            if (++executed > eventBudget) {
                aborted = true;
                oracle.violation(0, "event budget of " + eventBudget + " exhausted (a livelock or a storm)");
                return;
            }
            e.action().run();
        }
        if (!aborted) {
            now = Math.max(now, end);
            clock.setMillis(now);
        }
    }

    void runFor(long millis) {
        runUntil(now + millis);
    }

    /** Runs in steps of {@code step} until {@code done} or {@code end}. @return true if done */
    boolean runUntil(long end, long step, BooleanSupplier done) {
        while (now < end && !aborted) {
            if (done.getAsBoolean()) {
                return true;
            }
            runUntil(Math.min(end, now + step));
        }
        return done.getAsBoolean();
    }

    boolean aborted() {
        return aborted;
    }

    long executed() {
        return executed;
    }

    // ---- the randomized run

    /** The whole run: fault phase, quiet phase, checks. */
    void runRandomized() {
        SimConfig c = config;
        start();
        long faultEnd = EPOCH + c.faultMillis;
        appSendsOutstanding = c.messages;
        for (int i = 0; i < c.messages; i++) {
            int index = i + 1;
            schedule(EPOCH + 500 + (long) (rng.nextDouble() * c.faultMillis * 0.8), () -> appSend(index));
        }
        for (int i = 0; i < c.brokerRestarts; i++) {
            schedule(faultTime(), () -> {
                if (!quiet) {
                    broker.restart(100 + rng.nextInt(5000));
                }
            });
        }
        for (int i = 0; i < c.partitions; i++) {
            schedule(faultTime(), () -> {
                if (!quiet) {
                    broker.partition(rng.nextInt(2), 2_000 + rng.nextInt(60_000));
                }
            });
        }
        for (int i = 0; i < c.stalls; i++) {
            schedule(faultTime(), () -> {
                if (!quiet) {
                    broker.stall(rng.nextInt(2), 1_000 + rng.nextInt(40_000));
                }
            });
        }
        for (int i = 0; i < c.journalFailures; i++) {
            schedule(faultTime(), () -> {
                if (!quiet && collector.up()) {
                    trace.add("col", "FAULT journal fails (the collector restarts later)");
                    collector.journal.failing = true;
                    int inc = collector.incarnation();
                    after(1_000 + rng.nextInt(20_000), () -> {
                        if (collector.up() && collector.incarnation() == inc) {
                            collector.crash();
                            after(100 + rng.nextInt(5_000), collector::start);
                        }
                    });
                }
            });
        }
        scheduleCrashes(device, c.deviceCrashes);
        scheduleCrashes(collector, c.collectorCrashes);
        for (int i = 0; i < c.rekeys; i++) {
            schedule(faultTime(), () -> {
                SimNode n = rng.nextBoolean() ? device : collector;
                if (!quiet && n.up()) {
                    trace.add(n.name, "FAULT rekey requested");
                    n.requestRekey();
                }
            });
        }
        for (int i = 0; i < c.reestablishes; i++) {
            schedule(faultTime(), () -> {
                SimNode n = rng.nextInt(4) == 0 ? collector : device;
                if (!quiet && n.up()) {
                    trace.add(n.name, "FAULT re-establishment");
                    n.requestReestablish();
                }
            });
        }
        if (c.attacker) {
            schedule(EPOCH + (long) (rng.nextDouble() * c.attackEveryMillis), this::attackerStep);
        }
        schedule(faultEnd, () -> {
            quiet = true;
            trace.add("world", "quiet phase: faults off");
        });
        runUntil(faultEnd);
        runUntil(faultEnd + c.maxQuietMillis, 1000, this::converged);
        runFor(5_000); // let stray packets and timers settle
        oracle.finish();
    }

    private long faultTime() {
        return EPOCH + 1000 + (long) (rng.nextDouble() * (config.faultMillis - 1000));
    }

    private void scheduleCrashes(SimNode node, int count) {
        for (int i = 0; i < count; i++) {
            schedule(faultTime(), () -> {
                if (!quiet && node.up()) {
                    node.crash();
                    after(100 + rng.nextInt(10_000), node::start);
                }
            });
        }
    }

    private void attackerStep() {
        if (quiet) {
            return;
        }
        attacker.act();
        after(1 + (long) (-Math.log(1 - rng.nextDouble()) * config.attackEveryMillis), this::attackerStep);
    }

    /** The device application sends message {@code index}; while the device is down it tries again later. */
    void appSend(int index) {
        if (!device.up()) {
            after(1000, () -> appSend(index));
            return;
        }
        String topic = "app/sensor" + rng.nextInt(5) + "/m" + index;
        appSendsOutstanding--;
        device.appSend(index, topic, body());
    }

    /** A body: mostly small, some medium, a few large; random or compressible bytes. */
    byte[] body() {
        SimConfig c = config;
        int max = c.maxBody;
        if (c.capToUnchunked && c.agreedChunk() == 0) {
            max = Math.min(max, unchunkedLimit() - 200);
        }
        max = Math.max(1, max);
        double r = rng.nextDouble();
        int size = r < 0.5 ? 1 + rng.nextInt(Math.min(max, 100))
                : r < 0.8 ? 1 + rng.nextInt(Math.min(max, 2000)) : 1 + rng.nextInt(max);
        byte[] b = new byte[size];
        if (rng.nextBoolean()) {
            rng.nextBytes(b);
        } else {
            byte[] word = ("reading " + rng.nextInt(1000) + ";").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < size; i++) {
                b[i] = word[i % word.length];
            }
        }
        return b;
    }

    /** @return roughly the largest inner message one unchunked PDU carries under this run's parameters */
    private int unchunkedLimit() {
        SimConfig c = config;
        int limit = c.format == org.sslskura.wire.sse.SseFormat.COMPACT ? 4094 : 1 << 20;
        if (c.agreedFragment() > 0) {
            int piece = c.agreedFragment() - c.format.headerLength();
            limit = Math.min(limit, 30 * piece - c.suite.tagLength() - 1);
        }
        return limit;
    }

    /** @return true when every accepted message is acknowledged or failed and both nodes are up */
    boolean converged() {
        return device.up() && collector.up() && appSendsOutstanding == 0 && oracle.allResolved()
                && device.queueSize() == 0;
    }

    @Override
    public void close() {
        device.shutdown();
        collector.shutdown();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Event(long at, long order, Runnable action) {
    }
}
