package org.sslskura.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The record of one simulation run: every line is folded into a 64-bit fingerprint (two runs of one seed must end with
 * the same fingerprint and line count), and the most recent lines are kept for the failure report. Optionally keeps
 * every line (tests that compare whole traces, or a replay being read).
 */
final class SimTrace {
    private final int keep;
    private final boolean keepAll;
    private final Deque<String> recent = new ArrayDeque<>();
    private final List<String> all = new ArrayList<>();
    private long fingerprint = 0xcbf29ce484222325L;
    private long lines;
    private final SimWorld world;

    SimTrace(SimWorld world, int keep, boolean keepAll) {
        this.world = world;
        this.keep = keep;
        this.keepAll = keepAll;
    }

    /** Appends one line, stamped with the virtual time (seconds.millis since the run's start). */
    void add(String who, String what) {
        long t = world.now - SimWorld.EPOCH;
        String line = String.format("%4d.%03d %-6s %s", t / 1000, t % 1000, who, what);
        for (int i = 0; i < line.length(); i++) {
            fingerprint ^= line.charAt(i);
            fingerprint *= 0x100000001b3L;
        }
        fingerprint ^= '\n';
        fingerprint *= 0x100000001b3L;
        lines++;
        recent.addLast(line);
        if (recent.size() > keep) {
            recent.removeFirst();
        }
        if (keepAll) {
            all.add(line);
        }
    }

    long fingerprint() {
        return fingerprint;
    }

    long lines() {
        return lines;
    }

    /** @return the last {@code n} lines, oldest first */
    List<String> last(int n) {
        List<String> out = new ArrayList<>(recent);
        return out.subList(Math.max(0, out.size() - n), out.size());
    }

    /** @return every line, if kept */
    List<String> all() {
        return all;
    }
}
