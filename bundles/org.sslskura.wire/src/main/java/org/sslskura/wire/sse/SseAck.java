package org.sslskura.wire.sse;

import java.util.List;
import java.util.Objects;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;

/**
 * The payload of an ACK PDU (Frag 31; decisions §2.8, §6.9, §6.10): 1..64 entries of
 * {@code sequence number (4 bytes for compact and large, 8 for extreme) || bitmap (32 bits)}, big-endian. Bitmap bit
 * i (bit 0 = MSB) says fragment i is held; an unfragmented PDU is acknowledged by bit 1; bits 0 and 31 must be 0.
 *
 * @param entries the entries in order (copied)
 */
public record SseAck(List<Entry> entries) {
    /** Largest number of entries in one ACK PDU. */
    public static final int MAX_ENTRIES = 64;
    private static final int ILLEGAL_BITS = 0x80000001;
    private static final int BITMAP_LENGTH = 4;

    /**
     * One acknowledged PDU.
     *
     * @param seq the acknowledged sequence number, non-zero, within the format's sequence field
     * @param bitmap the fragments held; bits 0 and 31 (MSB first) clear
     */
    public record Entry(long seq, int bitmap) {
        /** @throws IllegalArgumentException if bit 0 or 31 of the bitmap is set or seq is 0 */
        public Entry {
            if ((bitmap & ILLEGAL_BITS) != 0 || seq == 0) {
                throw new IllegalArgumentException("bitmap bits 0 and 31 must be clear and seq non-zero");
            }
        }

        /** @return the entry acknowledging the whole (unfragmented) PDU {@code seq}: bit 1 */
        public static Entry wholePdu(long seq) {
            return new Entry(seq, bit(1));
        }

        /**
         * @param fragment 1..30 (or 1 for a whole PDU)
         * @return the bitmap bit of {@code fragment}, bit 0 being the MSB
         */
        public static int bit(int fragment) {
            if (fragment < 1 || fragment > SseHeader.FRAG_MAX) {
                throw new IllegalArgumentException("fragment " + fragment);
            }
            return 1 << (31 - fragment);
        }

        /** @return true if the bitmap holds {@code fragment} (1..30) */
        public boolean holds(int fragment) {
            return (bitmap & bit(fragment)) != 0;
        }
    }

    /** @throws IllegalArgumentException unless there are 1..64 entries */
    public SseAck {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an ACK carries 1.." + MAX_ENTRIES + " entries");
        }
    }

    /** @return the size of one entry in {@code format}: 8, or 12 for extreme */
    public static int entryLength(SseFormat format) {
        return seqLength(format) + BITMAP_LENGTH;
    }

    private static int seqLength(SseFormat format) {
        return format == SseFormat.EXTREME ? 8 : 4;
    }

    /**
     * @return the payload bytes
     * @throws IllegalArgumentException if a sequence number does not fit the format
     */
    public byte[] encode(SseFormat format) {
        Objects.requireNonNull(format, "format");
        ByteWriter w = new ByteWriter(entries.size() * entryLength(format));
        for (Entry e : entries) {
            if (!format.fitsSeq(e.seq())) {
                throw new IllegalArgumentException("sequence number does not fit " + format);
            }
            (format == SseFormat.EXTREME ? w.u64(e.seq()) : w.u32(e.seq())).u32(e.bitmap() & 0xFFFFFFFFL);
        }
        return w.toByteArray();
    }

    /**
     * @param format the format of the SA pair
     * @return the ACK
     * @throws WireException on a length that is not 1..64 whole entries, a bitmap with bit 0 or 31 set, or a sequence
     *         number that is 0 or outside the format's field
     */
    public static SseAck parse(SseFormat format, byte[] buf, int off, int len) throws WireException {
        ByteReader r = ByteReader.of(buf, off, len);
        int size = format == null ? 0 : entryLength(format);
        if (size == 0 || len == 0 || len % size != 0 || len / size > MAX_ENTRIES) {
            throw new WireException(WireException.Reason.BAD_LENGTH, "ACK payload of " + len + " bytes");
        }
        Entry[] entries = new Entry[len / size];
        for (int i = 0; i < entries.length; i++) {
            long seq = seqLength(format) == 8 ? r.u64() : r.u32();
            int bitmap = (int) r.u32();
            if ((bitmap & ILLEGAL_BITS) != 0 || seq == 0 || !format.fitsSeq(seq)) {
                throw new WireException(WireException.Reason.BAD_VALUE, "ACK entry " + i);
            }
            entries[i] = new Entry(seq, bitmap);
        }
        return new SseAck(List.of(entries));
    }
}
