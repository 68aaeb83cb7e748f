package org.sslskura.wire.hip;

import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * SSE_INFO (67, critical, PROVISIONAL): Reserved(16) || KEYMAT Index(16) || OLD SPI(32) || NEW SPI(32), 12 bytes,
 * laid out like ESP_INFO (RFC 7402 §5.1.1; S1). Semantic rules (index 0 and OLD SPI 0 in I2/R2, NEW SPI non-zero,
 * decisions §6.13) belong to the exchange, not to this codec.
 *
 * @param reserved the Reserved field, sent 0, kept as received
 * @param keymatIndex the KEYMAT index, 16 bits
 * @param oldSpi the old inbound SPI, 32 bits
 * @param newSpi the new inbound SPI, 32 bits
 */
public record SseInfo(int reserved, int keymatIndex, long oldSpi, long newSpi) implements HipParameter {
    private static final int LENGTH = 12;

    /** @throws IllegalArgumentException if a field does not fit its width */
    public SseInfo {
        Check.unsigned("reserved", reserved, 16);
        Check.unsigned("KEYMAT index", keymatIndex, 16);
        Check.unsigned("old SPI", oldSpi, 32);
        Check.unsigned("new SPI", newSpi, 32);
    }

    /** @return an SSE_INFO to send, Reserved 0 */
    public static SseInfo of(int keymatIndex, long oldSpi, long newSpi) {
        return new SseInfo(0, keymatIndex, oldSpi, newSpi);
    }

    static SseInfo decode(ByteReader r) throws WireException {
        Tlv.requireLength(r, LENGTH, "SSE_INFO");
        return new SseInfo(r.u16(), r.u16(), r.u32(), r.u32());
    }

    @Override
    public int type() {
        return HipConstants.SSE_INFO;
    }

    @Override
    public byte[] contents() {
        return new ByteWriter(LENGTH).u16(reserved).u16(keymatIndex).u32(oldSpi).u32(newSpi).toByteArray();
    }
}
