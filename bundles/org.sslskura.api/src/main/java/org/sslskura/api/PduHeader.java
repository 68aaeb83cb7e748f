package org.sslskura.api;

import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;

/**
 * The header of a received PDU or fragment, read before opening.
 *
 * @param peer the peer of the inbound SA the SPI names
 * @param spi the SPI
 * @param seq the sequence number
 * @param flags the FLAGS byte
 * @param length the Length field (ciphertext bytes without the ICV)
 * @param tagLength the ICV length of the SA's suite
 * @param format the SSE format
 * @param generation the generation of the SA pair whose inbound SA the SPI names
 */
public record PduHeader(Hit peer, long spi, long seq, int flags, long length, int tagLength, SseFormat format,
                        int generation) {

    /** @return the Frag field (bits 7..3) */
    public int frag() {
        return (flags >>> 3) & 0x1F;
    }

    /** @return the bytes of ciphertext || ICV of the whole PDU */
    public long bodyLength() {
        return length + tagLength;
    }
}
