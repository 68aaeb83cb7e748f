package org.sslskura.wire.sse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sslskura.wire.WireException;

/** Round trips and fuzzing of the SSE codecs: parsing yields a value or WireException, nothing else. */
class SseProperties {
    @Provide
    Arbitrary<SseHeader> headers() {
        return Arbitraries.of(SseFormat.values()).flatMap(f -> Combinators.combine(
                Arbitraries.longs().between(1, f.maxSpi()),
                Arbitraries.integers().between(0, SseHeader.FRAG_ACK),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, f.maxLength()),
                f == SseFormat.EXTREME ? Arbitraries.longs().filter(s -> s != 0)
                        : Arbitraries.longs().between(1, f.maxSeq()))
                .as((spi, frag, c, len, seq) -> SseHeader.of(f, spi, frag, c, len, seq)));
    }

    @Property(tries = 3000)
    void header_encodeThenParse_identity(@ForAll("headers") SseHeader h) throws WireException {
        byte[] b = h.aadBytes();
        assertEquals(h.format().headerLength(), b.length);
        SseHeader back = SseHeader.parse(h.format(), b, 0, b.length);
        assertEquals(h, back);
        assertArrayEquals(b, back.aadBytes());
        assertEquals(0, back.withFrag(0).frag());
        assertArrayEquals(h.withFrag(0).aadBytes(), h.fragmentAad());
        if (h.spi() >= 0x010000 && h.spi() <= 0xFFFFFF) { // the inbound SPI range of decisions §6.15
            assertEquals(h.spi(), SseHeader.peekSpi(b, 0, b.length));
        }
    }

    @Property(tries = 3000)
    void header_randomBytes_valueOrWireException(@ForAll @Size(max = 24) byte[] b,
            @ForAll @IntRange(min = -1, max = 25) int off) {
        for (SseFormat f : SseFormat.values()) {
            try {
                SseHeader h = SseHeader.parse(f, b, 0, b.length);
                assertArrayEquals(Arrays.copyOf(b, f.headerLength()), h.aadBytes());
            } catch (WireException expected) {
                // fine
            }
            try {
                SseHeader.parse(f, b, off, b.length - off);
            } catch (WireException expected) {
                // fine
            }
        }
        try {
            SseHeader.peekSpi(b, 0, b.length);
        } catch (WireException expected) {
            // fine
        }
    }

    @Provide
    Arbitrary<List<SseAck.Entry>> entries() {
        return Combinators.combine(Arbitraries.longs().between(1, (1 << 20) - 1),
                Arbitraries.integers().map(i -> i & 0x7FFFFFFE)).as(SseAck.Entry::new)
                .list().ofMinSize(1).ofMaxSize(SseAck.MAX_ENTRIES);
    }

    @Property(tries = 1000)
    void ack_encodeThenParse_identity(@ForAll("entries") List<SseAck.Entry> es)
            throws WireException {
        SseAck ack = new SseAck(es);
        for (SseFormat f : SseFormat.values()) {
            byte[] b = ack.encode(f);
            assertEquals(ack, SseAck.parse(f, b, 0, b.length));
        }
    }

    @Property(tries = 3000)
    void ack_randomBytes_valueOrWireException(@ForAll @Size(max = 800) byte[] b) {
        for (SseFormat f : SseFormat.values()) {
            try {
                SseAck ack = SseAck.parse(f, b, 0, b.length);
                assertArrayEquals(b, ack.encode(f));
            } catch (WireException expected) {
                // fine
            }
        }
    }

    @Property(tries = 2000)
    void innerMessage_encodeThenParse_identity(@ForAll @Size(min = 1, max = 300) String topic, @ForAll long id,
            @ForAll @Size(max = 100) byte[] body) throws WireException {
        InnerMessage m;
        try {
            m = InnerMessage.of(topic, id, body);
        } catch (IllegalArgumentException unpairedSurrogate) {
            return;
        }
        byte[] b = m.encode();
        InnerMessage back = InnerMessage.parse(b, 0, b.length);
        assertEquals(m, back);
        assertEquals(topic, back.topic());
        assertArrayEquals(body, back.body());
    }

    @Property(tries = 5000)
    void innerMessage_randomBytes_valueOrWireException(@ForAll @Size(max = 64) byte[] b) {
        try {
            InnerMessage m = InnerMessage.parse(b, 0, b.length);
            assertArrayEquals(b, m.encode());
        } catch (WireException expected) {
            // fine
        }
    }
}
