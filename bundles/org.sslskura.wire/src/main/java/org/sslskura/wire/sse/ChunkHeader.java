package org.sslskura.wire.sse;

import org.sslskura.wire.WireException;

/**
 * The 1-byte chunk header at the start of every decrypted SSE payload (decisions §2.7, S13):
 * {@code B E 0 0 0 0 0 0}, B (0x80) = first chunk of a message, E (0x40) = last. The other bits must be 0.
 *
 * @param first the B bit
 * @param last the E bit
 */
public record ChunkHeader(boolean first, boolean last) {
    /** Length of the chunk header. */
    public static final int LENGTH = 1;
    /** A message in a single chunk: B and E set. */
    public static final ChunkHeader WHOLE = new ChunkHeader(true, true);
    private static final int B = 0x80;
    private static final int E = 0x40;

    /** @return the header byte */
    public byte encode() {
        return (byte) ((first ? B : 0) | (last ? E : 0));
    }

    /**
     * @param b the header byte
     * @return the header
     * @throws WireException ({@link WireException.Reason#BAD_VALUE}) if a bit other than B and E is set
     */
    public static ChunkHeader parse(byte b) throws WireException {
        if ((b & ~(B | E) & 0xFF) != 0) {
            throw new WireException(WireException.Reason.BAD_VALUE, "chunk header reserved bits set");
        }
        return new ChunkHeader((b & B) != 0, (b & E) != 0);
    }
}
