package org.sslskura.wire.sse;

import java.util.Optional;

/**
 * The three SSE header formats (draft-moskowitz-sse-05 §5, decisions §2.1), with their SSE_FORMAT ids, header sizes
 * and field widths. Compact is mandatory to implement.
 */
public enum SseFormat {
    /** 8-byte header: SPI(24) || FLAGS(8) || Length(12) || Seq(20). */
    COMPACT(1, 8, 24, 12, 20),
    /** 16-byte header: SPI(32) || Reserved(24) || FLAGS(8) || Length(32) || Seq(32). */
    LARGE(2, 16, 32, 32, 32),
    /** 20-byte header: SPI(32) || Reserved(24) || FLAGS(8) || Length(32) || Seq(64). */
    EXTREME(3, 20, 32, 32, 64);

    private final int id;
    private final int headerLength;
    private final int spiBits;
    private final int lengthBits;
    private final int seqBits;

    SseFormat(int id, int headerLength, int spiBits, int lengthBits, int seqBits) {
        this.id = id;
        this.headerLength = headerLength;
        this.spiBits = spiBits;
        this.lengthBits = lengthBits;
        this.seqBits = seqBits;
    }

    /** @return the SSE_FORMAT id (1, 2, 3) */
    public int id() {
        return id;
    }

    /** @return the header length in bytes */
    public int headerLength() {
        return headerLength;
    }

    /** @return the width of the SPI field in bits */
    public int spiBits() {
        return spiBits;
    }

    /** @return the width of the Sequence Number field in bits */
    public int seqBits() {
        return seqBits;
    }

    /** @return the largest SPI the header carries */
    public long maxSpi() {
        return (1L << spiBits) - 1;
    }

    /** @return the largest Length value (payload bytes without the ICV): 4095 or 2^32-1 */
    public long maxLength() {
        return (1L << lengthBits) - 1;
    }

    /** @return the largest sequence number, as an unsigned value (-1 = 2^64-1 for extreme) */
    public long maxSeq() {
        return seqBits == 64 ? -1L : (1L << seqBits) - 1;
    }

    /** @return true if {@code seq} fits the field (unsigned) */
    public boolean fitsSeq(long seq) {
        return seqBits == 64 || seq >>> seqBits == 0;
    }

    /** @return the format with SSE_FORMAT id {@code id}, if any */
    public static Optional<SseFormat> fromId(int id) {
        for (SseFormat f : values()) {
            if (f.id == id) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Demultiplexing rule on a shared topic (decisions §6.15): inbound SPIs lie in 0x010000-0xFFFFFF, so the first
     * byte of a compact PDU is never 0, and the first byte of a large or extreme PDU (the top byte of its 32-bit
     * SPI) is always 0. The SA found by the SPI tells large from extreme.
     *
     * @return true if a PDU starting with {@code firstByte} is compact
     */
    public static boolean isCompact(byte firstByte) {
        return firstByte != 0;
    }
}
