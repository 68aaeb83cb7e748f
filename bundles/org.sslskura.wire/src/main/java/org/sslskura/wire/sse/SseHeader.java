package org.sslskura.wire.sse;

import java.util.Objects;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;

/**
 * An SSE header (draft-moskowitz-sse-05 §5 with the SSLS-00 FLAGS of S11, decisions §2.8, §6.15, §6.20), immutable.
 * <pre>
 * FLAGS (bit 0 = MSB):  0 1 2 3 4 | 5 6 | 7
 *                       Frag(5)   | R R | C
 * </pre>
 * Frag 0 = a whole PDU, 1..30 = fragment number, 31 = ACK PDU; C = compressed. The reserved bits (R, and the 24
 * Reserved bits of the large and extreme formats) are sent 0 and ignored on receipt, but kept so that
 * {@link #aadBytes()} reproduces the header exactly as received. SPI and sequence number are never 0.
 */
public final class SseHeader {
    /** Frag value of a whole (unfragmented) PDU. */
    public static final int FRAG_NONE = 0;
    /** Largest fragment number. */
    public static final int FRAG_MAX = 30;
    /** Frag value of an ACK PDU. */
    public static final int FRAG_ACK = 31;
    private static final int FRAG_SHIFT = 3;
    private static final int FLAG_C = 0x01;
    private static final int FLAGS_RESERVED = 0x06;
    private static final int COMPACT_SEQ_BITS = 20;

    private final SseFormat format;
    private final long spi;
    private final int reserved;
    private final int flags;
    private final long length;
    private final long seq;

    private SseHeader(SseFormat format, long spi, int reserved, int flags, long length, long seq) {
        this.format = format;
        this.spi = spi;
        this.reserved = reserved;
        this.flags = flags;
        this.length = length;
        this.seq = seq;
    }

    /**
     * @param format the header format
     * @param spi the SPI: 1..2^24-1 for compact, 1..2^32-1 otherwise
     * @param frag 0 (whole PDU), 1..30 (fragment) or 31 (ACK PDU)
     * @param compressed the C flag
     * @param length the payload length without ICV: at most 4095 for compact, 2^32-1 otherwise
     * @param seq the sequence number, non-zero: below 2^20 for compact, 2^32 for large, any for extreme (unsigned)
     * @return the header, reserved bits 0
     * @throws IllegalArgumentException if a field does not fit
     */
    public static SseHeader of(SseFormat format, long spi, int frag, boolean compressed, long length, long seq) {
        Objects.requireNonNull(format, "format");
        if (frag < 0 || frag > FRAG_ACK) {
            throw new IllegalArgumentException("frag " + frag);
        }
        String problem = problem(format, spi, length, seq);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SseHeader(format, spi, 0, frag << FRAG_SHIFT | (compressed ? FLAG_C : 0), length, seq);
    }

    private static String problem(SseFormat format, long spi, long length, long seq) {
        if (spi <= 0 || spi > format.maxSpi()) {
            return "SPI " + spi + " out of range for " + format;
        }
        if (length < 0 || length > format.maxLength()) {
            return "length " + length + " out of range for " + format;
        }
        if (seq == 0 || !format.fitsSeq(seq)) {
            return "sequence number " + Long.toUnsignedString(seq) + " out of range for " + format;
        }
        return null;
    }

    /**
     * Reads the header at the start of {@code buf[off, off+len)}; the bytes after it are the payload.
     *
     * @return the header
     * @throws WireException if fewer bytes than the header are present, or SPI or sequence number is 0
     */
    public static SseHeader parse(SseFormat format, byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        if (format == null || len < format.headerLength()) {
            throw new WireException(WireException.Reason.TRUNCATED, "SSE header needs "
                    + (format == null ? "a format" : format.headerLength() + " bytes"));
        }
        SseHeader h = format == SseFormat.COMPACT ? readCompact(r) : readWide(format, r);
        String problem = problem(format, h.spi, h.length, h.seq);
        if (problem != null) {
            throw new WireException(WireException.Reason.BAD_VALUE, problem);
        }
        return h;
    }

    private static SseHeader readCompact(ByteReader r) throws WireException {
        long spi = r.u24();
        int flags = r.u8();
        long word = r.u32();
        return new SseHeader(SseFormat.COMPACT, spi, 0, flags, word >>> COMPACT_SEQ_BITS,
                word & ((1L << COMPACT_SEQ_BITS) - 1));
    }

    private static SseHeader readWide(SseFormat format, ByteReader r) throws WireException {
        long spi = r.u32();
        int reserved = r.u24();
        int flags = r.u8();
        long length = r.u32();
        long seq = format == SseFormat.EXTREME ? r.u64() : r.u32();
        return new SseHeader(format, spi, reserved, flags, length, seq);
    }

    /**
     * Reads the SPI of a PDU without knowing its format, by the rule of {@link SseFormat#isCompact(byte)}.
     *
     * @return the SPI (the SA it names gives the format)
     * @throws WireException if fewer than 8 bytes (the smallest header) are present
     */
    public static long peekSpi(byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        if (len < SseFormat.COMPACT.headerLength()) {
            throw new WireException(WireException.Reason.TRUNCATED, "PDU of " + len + " bytes");
        }
        return SseFormat.isCompact(buf[off]) ? r.u24() : r.u32();
    }

    /**
     * Writes the header.
     *
     * @return the number of bytes written ({@link SseFormat#headerLength()})
     * @throws IllegalArgumentException if the header does not fit at {@code off}
     */
    public int encode(byte[] out, int off) {
        byte[] h = aadBytes();
        if (out == null || off < 0 || off > out.length - h.length) {
            throw new IllegalArgumentException("no room for a " + h.length + "-byte header");
        }
        System.arraycopy(h, 0, out, off, h.length);
        return h.length;
    }

    /** @return the header exactly as sent or received: the AAD of a whole PDU or an ACK PDU (decisions §2.3) */
    public byte[] aadBytes() {
        return write(flags);
    }

    /** @return the header with the Frag bits zeroed (other bits as sent): the AAD of a fragmented PDU (§6.20) */
    public byte[] fragmentAad() {
        return write(flags & ~(FRAG_ACK << FRAG_SHIFT));
    }

    private byte[] write(int flagsByte) {
        ByteWriter w = new ByteWriter(format.headerLength());
        if (format == SseFormat.COMPACT) {
            return w.u24((int) spi).u8(flagsByte).u32(length << COMPACT_SEQ_BITS | seq).toByteArray();
        }
        w.u32(spi).u24(reserved).u8(flagsByte).u32(length);
        return (format == SseFormat.EXTREME ? w.u64(seq) : w.u32(seq)).toByteArray();
    }

    /** @return a copy with another Frag value (e.g. for each fragment of a sealed PDU) */
    public SseHeader withFrag(int frag) {
        if (frag < 0 || frag > FRAG_ACK) {
            throw new IllegalArgumentException("frag " + frag);
        }
        return new SseHeader(format, spi, reserved, flags & ~(FRAG_ACK << FRAG_SHIFT) | frag << FRAG_SHIFT, length,
                seq);
    }

    /** @return the format */
    public SseFormat format() {
        return format;
    }

    /** @return the SPI */
    public long spi() {
        return spi;
    }

    /** @return the FLAGS byte as sent or received */
    public int flags() {
        return flags;
    }

    /** @return the Frag field: 0 whole PDU, 1..30 fragment, 31 ACK PDU */
    public int frag() {
        return flags >>> FRAG_SHIFT;
    }

    /** @return true for an ACK PDU (Frag 31) */
    public boolean isAck() {
        return frag() == FRAG_ACK;
    }

    /** @return true for a fragment (Frag 1..30) */
    public boolean isFragment() {
        return frag() != FRAG_NONE && frag() != FRAG_ACK;
    }

    /** @return the C (compressed) flag */
    public boolean compressed() {
        return (flags & FLAG_C) != 0;
    }

    /** @return the two reserved FLAGS bits (bits 5 and 6, MSB first) as a value 0..3; ignored on receipt */
    public int reservedFlags() {
        return (flags & FLAGS_RESERVED) >>> 1;
    }

    /** @return the payload length without the ICV */
    public long length() {
        return length;
    }

    /** @return the sequence number (unsigned for extreme) */
    public long seq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SseHeader)) {
            return false;
        }
        SseHeader h = (SseHeader) o;
        return format == h.format && spi == h.spi && reserved == h.reserved && flags == h.flags && length == h.length
                && seq == h.seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, spi, reserved, flags, length, seq);
    }

    @Override
    public String toString() {
        return "SseHeader[" + format + ", spi=" + Long.toHexString(spi) + ", frag=" + frag() + ", C=" + compressed()
                + ", length=" + length + ", seq=" + Long.toUnsignedString(seq) + "]";
    }
}
