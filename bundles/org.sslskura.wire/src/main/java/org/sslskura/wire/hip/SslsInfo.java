package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * SSLS_INFO (70, non-critical, PROVISIONAL): Chunk size(16) || Fragment size(16), 4 bytes, in bytes; 0 = off
 * (S4, decisions §6.5, §6.8, §6.11). A fragment size other than 0 must be at least {@value #MIN_FRAGMENT_SIZE}.
 *
 * @param chunkSize the chunk size (chunk data only), 0..65535
 * @param fragmentSize the fragment size (whole fragment PDU including its SSE header), 0 or 48..65535
 */
public record SslsInfo(int chunkSize, int fragmentSize) implements HipParameter {
    /** Smallest non-zero fragment size: any one-entry ACK PDU fits (decisions §6.8). */
    public static final int MIN_FRAGMENT_SIZE = 48;
    private static final int LENGTH = 4;

    /** @throws IllegalArgumentException if a size does not fit 16 bits or the fragment size is 1..47 */
    public SslsInfo {
        Check.unsigned("chunk size", chunkSize, 16);
        Check.unsigned("fragment size", fragmentSize, 16);
        if (fragmentSize != 0 && fragmentSize < MIN_FRAGMENT_SIZE) {
            throw new IllegalArgumentException("fragment size must be 0 or >= " + MIN_FRAGMENT_SIZE);
        }
    }

    static SslsInfo decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "SSLS_INFO");
        int chunk = r.u16();
        int fragment = r.u16();
        if (fragment != 0 && fragment < MIN_FRAGMENT_SIZE) {
            throw new WireException(WireException.Reason.BAD_VALUE, "fragment size " + fragment);
        }
        return new SslsInfo(chunk, fragment);
    }

    @Override
    public int type() {
        return HipConstants.SSLS_INFO;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u16(chunkSize).u16(fragmentSize).toByteArray();
    }
}
