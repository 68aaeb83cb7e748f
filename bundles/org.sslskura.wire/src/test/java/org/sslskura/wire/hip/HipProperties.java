package org.sslskura.wire.hip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sslskura.wire.WireException;

/** Round trips for every parameter type and for packets, and fuzzing that may only yield a value or WireException. */
class HipProperties {
    @Provide
    Arbitrary<HipParameter> parameters() {
        return HipArbitraries.anyParameter();
    }

    @Provide
    Arbitrary<HipPacket> packets() {
        return HipArbitraries.packet();
    }

    @Property(tries = 3000)
    void parameter_encodeThenDecode_identity(@ForAll("parameters") HipParameter p) throws WireException {
        byte[] c = p.contents();
        HipParameter back = HipParameters.decode(p.type(), c, 0, c.length);
        assertEquals(p, back);
        assertEquals(p.hashCode(), back.hashCode());
        assertArrayEquals(c, back.contents());
    }

    @Example
    void everyParameterType_isGenerated() {
        Set<Integer> known = new HashSet<>();
        for (Arbitrary<? extends HipParameter> a : HipArbitraries.perType()) {
            HipParameter p = a.sample();
            if (!(p instanceof UnknownParameter)) {
                known.add(p.type());
            }
        }
        assertEquals(23, known.size(), "one generator per known type");
        assertTrue(known.stream().allMatch(HipParameters::isKnown));
    }

    @Property(tries = 1000)
    void packet_encodeThenParse_identity(@ForAll("packets") HipPacket p) throws WireException {
        byte[] wire = p.encode();
        assertEquals(p.encodedLength(), wire.length);
        assertEquals(0, wire.length % 8);
        HipPacket back = HipPacket.parse(wire, 0, wire.length);
        assertEquals(p, back);
        assertArrayEquals(wire, back.encode());
        assertArrayEquals(p.macInput(), HipPacket.macInput(wire, 0, wire.length));
    }

    @Property(tries = 200)
    void packet_everyTruncation_rejected(@ForAll("packets") HipPacket p) {
        byte[] wire = p.encode();
        for (int n = 0; n < wire.length; n++) {
            try {
                HipPacket.parse(wire, 0, n);
                throw new AssertionError("truncation to " + n + " accepted");
            } catch (WireException expected) {
                // dropped, as it must be
            }
        }
    }

    @Property(tries = 2000)
    void packet_truncatedWithHeaderLengthFixed_onlyValueOrWireException(@ForAll("packets") HipPacket p,
            @ForAll @IntRange(min = 0, max = 2048) int cut) {
        byte[] wire = p.encode();
        int len = Math.max(40, Math.min(wire.length, cut) / 8 * 8);
        byte[] t = Arrays.copyOf(wire, len);
        t[1] = (byte) (len / 8 - 1);
        parseOrWireException(t);
    }

    @Property(tries = 5000)
    void packet_mutated_onlyValueOrWireException(@ForAll("packets") HipPacket p,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 65535) Integer> positions,
            @ForAll byte value) throws WireException {
        byte[] wire = p.encode();
        for (int pos : positions) {
            wire[pos % wire.length] ^= value == 0 ? 1 : value;
        }
        HipPacket back = parseOrWireException(wire);
        if (back != null) {
            HipPacket again = HipPacket.parse(back.encode(), 0, back.encodedLength());
            assertEquals(back, again);
        }
    }

    @Provide
    Arbitrary<byte[]> validHeaderRandomParameters() {
        Arbitrary<byte[]> body = Arbitraries.integers().between(0, 251).flatMap(blocks ->
                HipArbitraries.bytes(8 * blocks, 8 * blocks));
        return Combinators.combine(HipArbitraries.packetType(), body).as((type, params) -> {
            byte[] out = new byte[40 + params.length];
            out[0] = 59;
            out[1] = (byte) (out.length / 8 - 1);
            out[2] = (byte) (int) type;
            out[3] = 0x21;
            System.arraycopy(params, 0, out, 40, params.length);
            return out;
        });
    }

    @Property(tries = 5000)
    void randomParameterArea_onlyValueOrWireException(@ForAll("validHeaderRandomParameters") byte[] wire) {
        parseOrWireException(wire);
    }

    @Property(tries = 5000)
    void randomBytes_onlyValueOrWireException(@ForAll @Size(max = 2100) byte[] wire,
            @ForAll @IntRange(min = -2, max = 2200) int off, @ForAll @IntRange(min = -2, max = 2200) int len) {
        parseOrWireException(wire);
        try {
            HipPacket.parse(wire, off, len);
        } catch (WireException expected) {
            // fine
        }
        try {
            HipPacket.macInput(wire, 0, wire.length);
        } catch (WireException expected) {
            // fine
        }
    }

    @Property(tries = 3000)
    void randomContents_decodeOnlyValueOrWireException(@ForAll @IntRange(min = 0, max = 65535) int type,
            @ForAll @Size(max = 80) byte[] contents) {
        try {
            HipParameter p = HipParameters.decode(type, contents, 0, contents.length);
            assertArrayEquals(contents, p.contents(), "lossless representation");
        } catch (WireException expected) {
            // fine
        }
    }

    @Property(tries = 500)
    void lists_longerThanSix_keptWholeButOfferSix(@ForAll @Size(min = 7, max = 40) List<@IntRange(max = 65535)
            Integer> ids) throws WireException {
        byte[] c = new byte[2 * ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            c[2 * i] = (byte) (ids.get(i) >>> 8);
            c[2 * i + 1] = (byte) (int) ids.get(i);
        }
        HipCipher h = (HipCipher) HipParameters.decode(HipConstants.HIP_CIPHER, c, 0, c.length);
        assertEquals(6, h.ids().length);
        assertEquals(ids.size(), h.allIds().length);
        assertArrayEquals(c, h.contents());
    }

    private static HipPacket parseOrWireException(byte[] wire) {
        try {
            return HipPacket.parse(wire, 0, wire.length);
        } catch (WireException expected) {
            return null;
        }
    }
}
