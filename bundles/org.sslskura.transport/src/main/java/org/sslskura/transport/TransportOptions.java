package org.sslskura.transport;

/**
 * Tunables of the message pipeline; the defaults are those of docs/PROTOCOL.md §8 (decisions 6.5–6.10).
 *
 * @param retransmitMillis the first and smallest retransmission timeout of a PDU (the RTT estimate raises it; doubles
 *        per try)
 * @param pduTries retransmissions of one PDU before its message is sent again whole, as new PDUs
 * @param messageTtlMillis how long a reliable message is tried (from its acceptance into the offline queue) before it
 *        is reported {@code EXPIRED}; it is never given up earlier
 * @param ackDelayMillis how long ACK entries are bundled
 * @param reassemblyTimeoutMillis how long fragments and partial chunk runs are kept
 * @param maxReassemblies PDUs in reassembly at once (all peers)
 * @param maxReassemblyBytes bytes held in reassembly and partial chunk runs, all peers together (each peer session
 *        may hold up to twice the largest message within it)
 * @param maxMessageBytes largest application message (after inflation) accepted or sent
 * @param dedupeWindow message ids remembered per peer for duplicate suppression
 * @param maxInFlightPdus the sequence numbers the unacknowledged PDUs to one peer may span (oldest to newest); keep
 *        it below the peer's replay window (default 64), or retransmissions fall behind the window and are dropped
 */
public record TransportOptions(long retransmitMillis, int pduTries, long messageTtlMillis, long ackDelayMillis,
                               long reassemblyTimeoutMillis, int maxReassemblies, long maxReassemblyBytes,
                               int maxMessageBytes, int dedupeWindow, int maxInFlightPdus) {

    /** Default time to live of a reliable message: 7 days. */
    public static final long DEFAULT_TTL_MILLIS = 7L * 24 * 3600 * 1000;

    /** The documented defaults. */
    public static final TransportOptions DEFAULTS =
            new TransportOptions(1000, 5, DEFAULT_TTL_MILLIS, 50, 30_000, 256, 8L << 20, 1 << 20, 10_000, 48);

    /** @throws IllegalArgumentException on a value out of range */
    public TransportOptions {
        if (retransmitMillis <= 0 || pduTries < 0 || messageTtlMillis < 1 || ackDelayMillis < 0
                || reassemblyTimeoutMillis <= 0 || maxReassemblies < 1 || maxReassemblyBytes < 4096
                || maxMessageBytes < 1 || dedupeWindow < 1 || maxInFlightPdus < 1) {
            throw new IllegalArgumentException("transport option out of range");
        }
    }
}
