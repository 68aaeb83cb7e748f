package org.sslskura.transport;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw DEFLATE (RFC 1951) with the rules of decision 6.7: only from 64 bytes, only when strictly smaller, capped. */
final class Compression {
    /** Messages shorter than this are never compressed. */
    static final int MIN_LENGTH = 64;

    private Compression() {
    }

    /** @return the raw DEFLATE of {@code in}, or null if {@code in} is short or does not get strictly smaller */
    static byte[] compressIfSmaller(byte[] in) {
        if (in.length < MIN_LENGTH) {
            return null;
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(in);
            deflater.finish();
            byte[] buf = new byte[in.length - 1]; // anything that needs more is not smaller
            int n = 0;
            while (!deflater.finished() && n < buf.length) {
                n += deflater.deflate(buf, n, buf.length - n);
            }
            return deflater.finished() ? java.util.Arrays.copyOf(buf, n) : null;
        } finally {
            deflater.end();
        }
    }

    /**
     * @param cap the largest output accepted
     * @return the inflated bytes
     * @throws DataFormatException on invalid DEFLATE data, trailing data, or output above {@code cap}
     */
    static byte[] inflate(byte[] in, int cap) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, Math.max(64, 4 * in.length)));
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated DEFLATE data");
                }
                if (out.size() + n > cap) {
                    throw new DataFormatException("inflated message over " + cap + " bytes");
                }
                out.write(buf, 0, n);
            }
            if (inflater.getRemaining() != 0) {
                throw new DataFormatException("data after the DEFLATE stream");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
