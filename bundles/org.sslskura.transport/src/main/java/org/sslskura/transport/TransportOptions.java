package org.sslskura.transport;

/**
 * Tunables of the message pipeline; the defaults are those of docs/PROTOCOL.md §8 (decisions 6.5–6.10).
 *
 * @param retransmitMillis first retransmission timeout of a PDU (doubles per try)
 * @param pduTries retransmissions of one PDU before the message is sent again as new PDUs
 * @param messageAttempts times a message is sent as new PDUs before it is reported lost
 * @param ackDelayMillis how long ACK entries are bundled
 * @param reassemblyTimeoutMillis how long fragments and partial chunk runs are kept
 * @param maxReassemblies PDUs in reassembly at once (all peers)
 * @param maxReassemblyBytes bytes held in reassembly and partial chunk runs (all peers)
 * @param maxMessageBytes largest application message (after inflation) accepted or sent
 * @param dedupeWindow message ids remembered per peer for duplicate suppression
 * @param maxInFlightPdus the sequence numbers the unacknowledged PDUs to one peer may span (oldest to newest); keep
 *        it below the peer's replay window (default 64), or retransmissions fall behind the window and are dropped
 */
public record TransportOptions(long retransmitMillis, int pduTries, int messageAttempts, long ackDelayMillis,
                               long reassemblyTimeoutMillis, int maxReassemblies, long maxReassemblyBytes,
                               int maxMessageBytes, int dedupeWindow, int maxInFlightPdus) {

    /** The documented defaults. */
    public static final TransportOptions DEFAULTS =
            new TransportOptions(1000, 5, 10, 50, 30_000, 256, 8L << 20, 1 << 20, 10_000, 48);

    /** @throws IllegalArgumentException on a value out of range */
    public TransportOptions {
        if (retransmitMillis <= 0 || pduTries < 0 || messageAttempts < 1 || ackDelayMillis < 0
                || reassemblyTimeoutMillis <= 0 || maxReassemblies < 1 || maxReassemblyBytes < 4096
                || maxMessageBytes < 1 || dedupeWindow < 1 || maxInFlightPdus < 1) {
            throw new IllegalArgumentException("transport option out of range");
        }
    }
}
