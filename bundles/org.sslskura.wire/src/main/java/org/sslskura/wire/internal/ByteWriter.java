package org.sslskura.wire.internal;

/**
 * Writes big-endian fields into an array of a size computed in advance. Used only on the encoding paths, whose
 * inputs are already validated; a write past the end is a bug and throws {@link IllegalStateException}.
 */
public final class ByteWriter {
    private final byte[] buf;
    private int pos;

    /** @param size the exact number of bytes that will be written */
    public ByteWriter(int size) {
        this.buf = new byte[size];
    }

    private int take(int n) {
        if (n > buf.length - pos) {
            throw new IllegalStateException("encoder wrote past its computed size");
        }
        int at = pos;
        pos += n;
        return at;
    }

    /** @return this, after writing the low 8 bits of {@code v} */
    public ByteWriter u8(int v) {
        buf[take(1)] = (byte) v;
        return this;
    }

    /** @return this, after writing the low 16 bits of {@code v} */
    public ByteWriter u16(int v) {
        int at = take(2);
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
        return this;
    }

    /** @return this, after writing the low 24 bits of {@code v} */
    public ByteWriter u24(int v) {
        u8(v >>> 16);
        return u16(v);
    }

    /** @return this, after writing the low 32 bits of {@code v} */
    public ByteWriter u32(long v) {
        u16((int) (v >>> 16));
        return u16((int) v);
    }

    /** @return this, after writing {@code v} as 8 bytes */
    public ByteWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    /** @return this, after writing all of {@code b} */
    public ByteWriter bytes(byte[] b) {
        System.arraycopy(b, 0, buf, take(b.length), b.length);
        return this;
    }

    /** @return this, after writing {@code n} zero bytes */
    public ByteWriter zeros(int n) {
        take(n);
        return this;
    }

    /** @return the array, which must be full */
    public byte[] toByteArray() {
        if (pos != buf.length) {
            throw new IllegalStateException("encoder wrote " + pos + " of " + buf.length + " bytes");
        }
        return buf;
    }
}
