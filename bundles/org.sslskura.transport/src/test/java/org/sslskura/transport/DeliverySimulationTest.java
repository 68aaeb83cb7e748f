package org.sslskura.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic simulation of the delivery promise (in the spirit of FoundationDB's simulation testing and
 * TigerBeetle's VOPR): "a message the sender was told is delivered was delivered, exactly once, and nothing accepted
 * is ever lost: across loss, restarts, rekeys and attacks". See {@link SimWorld} for the harness and
 * {@link SimOracle} for the invariants.
 * <p>
 * {@code -Dsim.seeds=N} (default 300) and {@code -Dsim.firstSeed=S} choose the seeds; a failing seed prints a
 * one-line replay command and the end of its trace.
 */
@Tag("sim")
class DeliverySimulationTest {
    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    private static final long DEFAULT_FIRST_SEED = 20_261_203L;
    private static final int DETAILED_FAILURES = 6;

    @TempDir
    Path tmp;

    /** The outcome of one seed. */
    record Outcome(long seed, String config, String summary, List<SimOracle.Violation> violations,
                   List<String> lastLines, long fingerprint, long lines, List<String> allLines, long events,
                   Map<String, Long> counters) {
    }

    static Outcome run(long seed, Path dir, boolean keepWholeTrace) {
        SimWorld w = new SimWorld(seed, null, dir.resolve("seed-" + seed), keepWholeTrace);
        try (w) {
            try {
                w.runRandomized();
            } catch (RuntimeException | AssertionError e) {
                w.oracle.exception("the run", e instanceof RuntimeException r ? r : new RuntimeException(e));
            }
            return new Outcome(seed, w.config.toString(), w.oracle.summary(), List.copyOf(w.oracle.violations),
                    w.trace.last(200), w.trace.fingerprint(), w.trace.lines(), List.copyOf(w.trace.all()),
                    w.executed(), Map.copyOf(w.oracle.counters()));
        }
    }

    static String replayCommand(long seed) {
        return "mvn -B -o -pl bundles/org.sslskura.transport test -Dtest=DeliverySimulationTest"
                + " -Dsim.firstSeed=" + seed + " -Dsim.seeds=1";
    }

    @Test
    void randomizedRunsKeepThePromise() {
        int seeds = Integer.getInteger("sim.seeds", 300);
        long first = Long.getLong("sim.firstSeed", DEFAULT_FIRST_SEED);
        boolean fullTrace = Boolean.getBoolean("sim.fullTrace") || seeds <= 3;
        long started = System.nanoTime();
        List<Outcome> failures = new ArrayList<>();
        Map<String, List<Long>> byInvariant = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        long events = 0;
        java.util.TreeMap<Long, Long> slowest = new java.util.TreeMap<>();
        for (int i = 0; i < seeds; i++) {
            long seed = first + i;
            long t0 = System.nanoTime();
            Outcome o = run(seed, tmp, fullTrace);
            slowest.put((System.nanoTime() - t0) / 1_000_000 * 1_000_000_000L + seed, seed);
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            events += o.events();
            if (fullTrace) {
                writeTrace(o);
            }
            o.counters().forEach((k, v) -> totals.merge(k, v, Long::sum));
            totals.merge("runs.acknowledged", count(o.summary(), "acknowledged "), Long::sum);
            if (!o.violations().isEmpty()) {
                failures.add(o);
                o.violations().stream().map(v -> SimOracle.NAMES[v.invariant()]).distinct()
                        .forEach(n -> byInvariant.computeIfAbsent(n, k -> new ArrayList<>()).add(seed));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder report = new StringBuilder();
        report.append(String.format("%n==== delivery simulation: %d seeds from %d in %.1f s (%d events); %d failed%n",
                seeds, first, millis / 1000.0, events, failures.size()));
        report.append("counters: ").append(totals).append('\n');
        report.append("slowest seeds (ms): ");
        slowest.descendingMap().forEach((k, seed) -> report.append(seed).append('=').append(k / 1_000_000_000L)
                .append(' '));
        report.append('\n');
        byInvariant.forEach((inv, list) -> report.append("  invariant ").append(inv).append(": ").append(list.size())
                .append(" seed(s) ").append(list.size() > 30 ? list.subList(0, 30) + "..." : list).append('\n'));
        int detailed = 0;
        Map<String, Integer> shownPerInvariant = new LinkedHashMap<>();
        List<Outcome> ordered = new ArrayList<>(failures);
        // the seeds that break more than the journal sync ordering first: they are the interesting ones
        ordered.sort(java.util.Comparator.comparing(o -> o.violations().stream().allMatch(v -> v.invariant() == 6)));
        for (Outcome o : ordered) {
            String firstInv = SimOracle.NAMES[o.violations().stream().filter(v -> v.invariant() != 6)
                    .findFirst().orElse(o.violations().get(0)).invariant()];
            boolean detail = detailed < DETAILED_FAILURES && shownPerInvariant.merge(firstInv, 1, Integer::sum) <= 2;
            report.append(describe(o, detail));
            if (detail) {
                detailed++;
            }
        }
        System.out.println(report);
        assertTrue(failures.isEmpty(), failures.size() + " of " + seeds + " seeds broke an invariant: " + byInvariant
                + "; replay one with " + (failures.isEmpty() ? "" : replayCommand(failures.get(0).seed())));
    }

    /** Writes the whole trace of a run to target/sim/seed-S.trace (asked for with -Dsim.fullTrace=true). */
    private static void writeTrace(Outcome o) {
        try {
            Path dir = Path.of("target", "sim");
            java.nio.file.Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + o.seed() + ".trace");
            java.nio.file.Files.write(file, o.allLines());
            System.out.println("whole trace of seed " + o.seed() + ": " + file.toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(String summary, String key) {
        int i = summary.indexOf(key);
        if (i < 0) {
            return 0;
        }
        int j = i + key.length();
        int k = j;
        while (k < summary.length() && Character.isDigit(summary.charAt(k))) {
            k++;
        }
        return Long.parseLong(summary.substring(j, k));
    }

    static String describe(Outcome o, boolean withTrace) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n---- seed ").append(o.seed()).append(" FAILED: ").append(o.summary()).append('\n');
        sb.append("  config: ").append(o.config()).append('\n');
        sb.append("  replay: ").append(replayCommand(o.seed())).append('\n');
        int shown = 0;
        for (SimOracle.Violation v : o.violations()) {
            if (shown++ == 8) {
                sb.append("  ... ").append(o.violations().size() - 8).append(" more\n");
                break;
            }
            sb.append("  ").append(v).append('\n');
        }
        if (withTrace) {
            sb.append("  last ").append(o.lastLines().size()).append(" trace lines:\n");
            o.lastLines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void sameSeedSameTrace() {
        for (long seed : new long[] {DEFAULT_FIRST_SEED, DEFAULT_FIRST_SEED + 7}) {
            Outcome a = run(seed, tmp.resolve("a"), true);
            Outcome b = run(seed, tmp.resolve("b"), true);
            assertTrue(a.lines() > 100, "a run worth comparing");
            assertEquals(a.allLines(), b.allLines(), "seed " + seed + " ran differently twice");
            assertEquals(a.fingerprint(), b.fingerprint());
        }
    }
}
