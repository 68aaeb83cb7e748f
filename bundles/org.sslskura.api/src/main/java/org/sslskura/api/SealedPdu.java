package org.sslskura.api;

import org.sslskura.wire.sse.SseFormat;

/**
 * A sealed SSE PDU: header || ciphertext || ICV, and what the transport needs to fragment and track it.
 *
 * @param bytes the PDU (header with Frag bits as requested)
 * @param spi the outbound SPI
 * @param seq the sequence number
 * @param format the SSE format
 * @param generation the SA generation it was sealed under
 */
public record SealedPdu(byte[] bytes, long spi, long seq, SseFormat format, int generation) {

    /** @return the header length of the format */
    public int headerLength() {
        return format.headerLength();
    }
}
