package org.sslskura.wire;

import java.util.Arrays;

/**
 * A bounds-checked cursor over a range of a byte array, for parsing untrusted input. Every read checks the bytes left
 * and throws {@link WireException} ({@link WireException.Reason#TRUNCATED}) instead of running past the range, so
 * parsers never see an {@link IndexOutOfBoundsException}. Multi-byte integers are big-endian (network order).
 * <p>
 * Not thread-safe; the underlying array is not copied, so the caller must not change it while reading.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    private ByteReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /**
     * @param buf the input
     * @param off the first byte of the range
     * @param len the number of bytes in the range
     * @return a reader positioned at {@code off}
     * @throws WireException if {@code buf} is null or the range lies outside it
     */
    public static ByteReader of(byte[] buf, int off, int len) throws WireException {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new WireException(WireException.Reason.TRUNCATED, "range outside the buffer");
        }
        return new ByteReader(buf, off, len);
    }

    /** @return the number of unread bytes */
    public int remaining() {
        return end - pos;
    }

    /** @return the absolute index of the next byte in the underlying array */
    public int position() {
        return pos;
    }

    private int take(int n, String what) throws WireException {
        if (n < 0 || n > end - pos) {
            throw new WireException(WireException.Reason.TRUNCATED, what + " needs " + n + " bytes, " + (end - pos)
                    + " left");
        }
        int at = pos;
        pos += n;
        return at;
    }

    /** @return the next unsigned byte */
    public int u8() throws WireException {
        return buf[take(1, "u8")] & 0xFF;
    }

    /** @return the next unsigned 16-bit value */
    public int u16() throws WireException {
        int at = take(2, "u16");
        return (buf[at] & 0xFF) << 8 | buf[at + 1] & 0xFF;
    }

    /** @return the next unsigned 24-bit value */
    public int u24() throws WireException {
        int at = take(3, "u24");
        return (buf[at] & 0xFF) << 16 | (buf[at + 1] & 0xFF) << 8 | buf[at + 2] & 0xFF;
    }

    /** @return the next unsigned 32-bit value */
    public long u32() throws WireException {
        int at = take(4, "u32");
        return (buf[at] & 0xFFL) << 24 | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | buf[at + 3] & 0xFF;
    }

    /** @return the next 64-bit value (unsigned on the wire; read {@code long} as unsigned) */
    public long u64() throws WireException {
        long hi = u32();
        return hi << 32 | u32();
    }

    /**
     * @param n the number of bytes, checked against the bytes left before anything is allocated
     * @return a copy of the next {@code n} bytes
     */
    public byte[] bytes(int n) throws WireException {
        int at = take(n, "field");
        return Arrays.copyOfRange(buf, at, at + n);
    }

    /**
     * @param n the number of bytes to skip
     */
    public void skip(int n) throws WireException {
        take(n, "skip");
    }

    /**
     * @param n the length of the sub-range
     * @return a reader over the next {@code n} bytes; this reader moves past them
     */
    public ByteReader slice(int n) throws WireException {
        return new ByteReader(buf, take(n, "slice"), n);
    }

    /**
     * @param what names the structure in the exception message
     * @throws WireException ({@link WireException.Reason#BAD_LENGTH}) if unread bytes remain
     */
    public void expectEnd(String what) throws WireException {
        if (pos != end) {
            throw new WireException(WireException.Reason.BAD_LENGTH, (end - pos) + " trailing bytes after " + what);
        }
    }
}
