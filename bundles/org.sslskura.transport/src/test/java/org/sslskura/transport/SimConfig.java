package org.sslskura.transport;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.sslskura.crypto.SseSuite;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.wire.sse.SseFormat;

/**
 * The parameters of one simulation run: the session services the two nodes offer, the transport tunables, the
 * workload and the faults. {@link #random} draws them all from the run's PRNG; {@link #calm} is a fault-free base for
 * scripted scenarios.
 */
final class SimConfig {
    // ---- session services (both nodes offer one format and one suite, so the agreed ones are known)
    SseFormat format = SseFormat.COMPACT;
    SseSuite suite = SseSuite.AES_CCM_16;
    boolean compression = true;
    int deviceChunk = 1024;
    int collectorChunk = 1024;
    int deviceFragment;
    int collectorFragment;
    /** Compact-format rekey threshold (sequence number at which the envelope asks for a rekey), or 0 for the default. */
    long rekeyThreshold;
    int replayWindow = 64;
    Duration retiredGrace = Duration.ofSeconds(60);

    // ---- transport
    TransportOptions transport = TransportOptions.DEFAULTS;

    // ---- workload
    int messages = 20;
    /** Largest body in bytes; the size distribution is skewed towards small bodies. */
    int maxBody = 40_000;
    /** Bodies are drawn no larger than what fits one PDU when chunking is off (a few runs test TOO_LARGE). */
    boolean capToUnchunked = true;

    // ---- faults
    long faultMillis = 120_000;
    long maxQuietMillis = 40 * 60_000L;
    double[] loss = {0, 0};
    double[] duplicate = {0, 0};
    double[] reorder = {0, 0};
    long baseDelay = 5;
    long jitter = 10;
    int brokerRestarts;
    /** Windows in which one direction is cut off (everything published is lost). */
    int partitions;
    /** Windows in which one direction stalls: what is published is held and arrives, in order, when it ends. */
    int stalls;
    int deviceCrashes;
    int collectorCrashes;
    /** The collector's journal fails (and the collector restarts a while later). */
    int journalFailures;
    int rekeys;
    int reestablishes;
    boolean attacker;
    /** Mean time between attacker actions. */
    long attackEveryMillis = 3000;

    /** Index 0: device to collector, 1: collector to device. */
    static int direction(boolean fromDevice) {
        return fromDevice ? 0 : 1;
    }

    static SimConfig calm() {
        return new SimConfig();
    }

    static SimConfig random(Random r) {
        SimConfig c = new SimConfig();
        double f = r.nextDouble();
        c.format = f < 0.6 ? SseFormat.COMPACT : f < 0.85 ? SseFormat.LARGE : SseFormat.EXTREME;
        List<SseSuite> suites = List.of(SseSuite.AES_CCM_16, SseSuite.AES_GCM_16, SseSuite.CHACHA20_POLY1305,
                SseSuite.AES_CCM_8, SseSuite.AES_GCM_8);
        c.suite = suites.get(r.nextInt(suites.size()));
        c.compression = r.nextBoolean();
        int[] chunks = {0, 0, 128, 256, 1024, 4000};
        c.deviceChunk = chunks[r.nextInt(chunks.length)];
        c.collectorChunk = r.nextInt(4) == 0 ? chunks[r.nextInt(chunks.length)] : c.deviceChunk;
        int[] fragments = {0, 0, 48, 48, 48, 64, 100, 512};
        c.deviceFragment = fragments[r.nextInt(fragments.length)];
        c.collectorFragment = r.nextInt(4) == 0 ? fragments[r.nextInt(fragments.length)] : c.deviceFragment;
        c.rekeyThreshold = c.format == SseFormat.COMPACT && r.nextInt(4) == 0 ? 40 + r.nextInt(400) : 0;
        c.replayWindow = r.nextInt(4) == 0 ? 32 : 64;
        // Users set the grace (0-3600 s), never the threshold (about 2^20 sequence numbers for the compact format): a
        // message sealed just before a rekey has the grace to get through, and if it misses it, the next generation
        // lasts long enough. With a threshold of a few hundred, a generation lasts seconds, and a short grace could never
        // drain a message of hundreds of PDUs over 500 ms of jitter: a livelock no deployment can reach.
        boolean shortGrace = r.nextInt(4) == 0;
        c.retiredGrace = Duration.ofSeconds(shortGrace && c.rekeyThreshold == 0 ? 5 : 60);

        long ackDelay = new long[] {0, 50, 50, 200}[r.nextInt(4)];
        long reassemblyTimeout = r.nextInt(3) == 0 ? 5_000 : 30_000;
        int maxReassemblies = r.nextInt(3) == 0 ? 16 : 256;
        int maxInFlight = Math.min(c.replayWindow - 8, r.nextBoolean() ? 48 : 16);
        c.transport = transport(r.nextBoolean() ? 1000 : 300, ackDelay, reassemblyTimeout, maxReassemblies,
                maxInFlight);

        c.messages = 20 + r.nextInt(90);
        c.maxBody = new int[] {200, 4_000, 40_000}[r.nextInt(3)];
        c.capToUnchunked = r.nextInt(8) != 0;

        c.faultMillis = 90_000 + r.nextInt(240_000);
        int lossy = r.nextInt(4); // 0: clean network, 1: mild, 2: bad, 3: awful
        for (int d = 0; d < 2; d++) {
            c.loss[d] = new double[] {0, 0.02, 0.15, 0.35}[lossy] * r.nextDouble();
            c.duplicate[d] = r.nextInt(3) == 0 ? 0.1 * r.nextDouble() : 0;
            c.reorder[d] = r.nextInt(3) == 0 ? 0.2 * r.nextDouble() : 0;
        }
        c.baseDelay = 1 + r.nextInt(60);
        c.jitter = r.nextInt(4) == 0 ? 500 : 20;
        c.brokerRestarts = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        c.partitions = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        c.stalls = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
        c.deviceCrashes = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        c.collectorCrashes = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        c.journalFailures = r.nextInt(6) == 0 ? 1 : 0;
        c.rekeys = r.nextInt(2) == 0 ? r.nextInt(5) : 0;
        c.reestablishes = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        c.attacker = r.nextInt(2) == 0;
        c.attackEveryMillis = 500 + r.nextInt(5000);
        if (c.rekeyThreshold > 0 && c.agreedChunk() > 0) {
            // The default threshold (about 2^20) is over a hundred times the PDUs of the largest message (1 MiB in
            // chunks of at least 128 bytes): a message always fits in a generation many times over. A threshold below
            // the message's own PDU count would retire every generation while its message is still in flight, and
            // each resend would start over: a livelock no deployment can reach. Keep that ratio at 4 or more.
            int pdus = (c.maxBody + c.agreedChunk() - 1) / c.agreedChunk();
            c.rekeyThreshold = Math.max(c.rekeyThreshold, 4L * pdus);
        }
        return c;
    }

    /**
     * The one place transport options are built: the tunables the simulation varies, the documented defaults for the
     * rest.
     */
    static TransportOptions transport(long retransmitMillis, long ackDelayMillis, long reassemblyTimeoutMillis,
                                      int maxReassemblies, int maxInFlightPdus) {
        TransportOptions d = TransportOptions.DEFAULTS;
        return new TransportOptions(retransmitMillis, d.pduTries(), d.messageTtlMillis(), ackDelayMillis,
                reassemblyTimeoutMillis, maxReassemblies, d.maxReassemblyBytes(), d.maxMessageBytes(),
                d.dedupeWindow(), maxInFlightPdus);
    }

    /** @return the key exchange configuration of one node */
    DexConfig dex(boolean device) {
        return DexConfig.builder()
                .suites(List.of(suite))
                .formats(List.of(format))
                .compression(compression)
                .maxChunkSize(device ? deviceChunk : collectorChunk)
                .maxFragmentSize(device ? deviceFragment : collectorFragment)
                .build();
    }

    /** @return the agreed chunk size (SSLS_INFO: min of both, 0 if either is 0) */
    int agreedChunk() {
        return deviceChunk == 0 || collectorChunk == 0 ? 0 : Math.min(deviceChunk, collectorChunk);
    }

    /** @return the agreed fragment size */
    int agreedFragment() {
        return deviceFragment == 0 || collectorFragment == 0 ? 0 : Math.min(deviceFragment, collectorFragment);
    }

    @Override
    public String toString() {
        return format + " " + suite + (compression ? " deflate" : "") + " chunk=" + agreedChunk() + " frag="
                + agreedFragment() + (rekeyThreshold > 0 ? " rekeyAt=" + rekeyThreshold : "") + " window="
                + replayWindow + " grace=" + retiredGrace.toSeconds() + "s | ackDelay=" + transport.ackDelayMillis()
                + " rto=" + transport.retransmitMillis() + " reasmTimeout=" + transport.reassemblyTimeoutMillis()
                + " maxReasm=" + transport.maxReassemblies() + " inFlight=" + transport.maxInFlightPdus()
                + " | msgs=" + messages + " maxBody=" + maxBody + " | faults " + faultMillis / 1000 + "s loss="
                + pct(loss) + " dup=" + pct(duplicate) + " reorder=" + pct(reorder) + " delay=" + baseDelay + "+"
                + jitter + "ms brokerRestarts=" + brokerRestarts + " partitions=" + partitions + " stalls=" + stalls
                + " crashes dev=" + deviceCrashes + " col=" + collectorCrashes
                + (journalFailures > 0 ? " journalFailure" : "") + " rekeys=" + rekeys + " reestablish=" + reestablishes
                + (attacker ? " attacker/" + attackEveryMillis + "ms" : "");
    }

    private static String pct(double[] v) {
        return String.format("%.0f%%/%.0f%%", v[0] * 100, v[1] * 100);
    }
}
