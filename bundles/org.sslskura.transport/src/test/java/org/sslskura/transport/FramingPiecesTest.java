package org.sslskura.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;
import org.sslskura.api.PduHeader;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SessionParameters;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/** Compression, chunk sizing, fragmentation and reassembly in isolation, including bounds under a flood. */
class FramingPiecesTest {
    private static final Hit PEER = HostIdentity.of(12, new byte[] {
        9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31}).hit();

    @Test
    void compressionOnlyWhenWorthIt() throws DataFormatException {
        assertNull(Compression.compressIfSmaller(new byte[63]), "under 64 bytes");
        byte[] random = new byte[500];
        new Random(1).nextBytes(random);
        assertNull(Compression.compressIfSmaller(random), "incompressible");
        byte[] text = "temperature=21.5;".repeat(40).getBytes();
        byte[] deflated = Compression.compressIfSmaller(text);
        assertNotNull(deflated);
        assertTrue(deflated.length < text.length);
        assertArrayEquals(text, Compression.inflate(deflated, text.length));
        assertThrows(DataFormatException.class, () -> Compression.inflate(deflated, text.length - 1), "cap");
        assertThrows(DataFormatException.class, () -> Compression.inflate(Arrays.copyOf(deflated, 5), 10_000));
        byte[] trailing = Arrays.copyOf(deflated, deflated.length + 1);
        assertThrows(DataFormatException.class, () -> Compression.inflate(trailing, 10_000));
    }

    @Test
    void chunkSizeFitsFormatAndThirtyFragments() {
        SessionParameters plain = new SessionParameters(SseSuite.AES_CCM_16, SseFormat.COMPACT, false, 0, 0, 0);
        assertEquals(4094, ChunkPlan.maxChunkData(plain));
        assertTrue(ChunkPlan.fits(plain, 4094));
        assertFalse(ChunkPlan.fits(plain, 4095), "chunking off: one PDU only");
        SessionParameters tiny = new SessionParameters(SseSuite.AES_CCM_16, SseFormat.COMPACT, false, 0, 48, 0);
        assertEquals(30 * 40 - 16 - 1, ChunkPlan.maxChunkData(tiny), "30 fragments of 40 bytes");
        SessionParameters both = new SessionParameters(SseSuite.AES_CCM_16, SseFormat.COMPACT, false, 1024, 48, 0);
        assertEquals(1024, ChunkPlan.maxChunkData(both));
        SessionParameters chunked = new SessionParameters(SseSuite.AES_GCM_16, SseFormat.EXTREME, false, 500, 0, 0);
        assertEquals(500, ChunkPlan.maxChunkData(chunked));
        assertTrue(ChunkPlan.fits(chunked, 1 << 20));
    }

    @Test
    void fragmentsSplitAndReassembleEveryFormat() {
        Random random = new Random(2);
        for (SseFormat format : SseFormat.values()) {
            int fragmentSize = 48;
            int mostBody = 30 * (fragmentSize - format.headerLength());
            for (int body : new int[] {41, 100, mostBody}) {
                SealedPdu pdu = pdu(format, 0x123456, 77, body, random);
                List<byte[]> pieces = Fragments.split(pdu, fragmentSize);
                int piece = fragmentSize - format.headerLength();
                int n = (body + piece - 1) / piece;
                assertEquals(n, pieces.size());
                Reassembler r = new Reassembler(16, MemoryBudget.global(1 << 20), 30_000);
                Reassembler.Result last = null;
                List<byte[]> shuffled = new java.util.ArrayList<>(pieces);
                java.util.Collections.shuffle(shuffled, random);
                for (byte[] f : shuffled) {
                    assertTrue(f.length <= fragmentSize);
                    last = r.add(header(format, f, body), f, fragmentSize, 0);
                    assertTrue(last.accepted());
                }
                assertArrayEquals(pdu.bytes(), last.complete(), format + " " + body);
                assertEquals(Fragments.fullBitmap(n), last.bitmap());
                assertEquals(0, r.size());
            }
        }
    }

    @Test
    void inconsistentFragmentsAreRefused() {
        SealedPdu pdu = pdu(SseFormat.COMPACT, 0x123456, 5, 100, new Random(3));
        List<byte[]> pieces = Fragments.split(pdu, 48);
        Reassembler r = new Reassembler(16, MemoryBudget.global(1 << 20), 30_000);
        byte[] shortened = Arrays.copyOf(pieces.get(0), pieces.get(0).length - 1);
        assertFalse(r.add(header(SseFormat.COMPACT, shortened, 100), shortened, 48, 0).accepted());
        assertTrue(r.add(header(SseFormat.COMPACT, pieces.get(0), 100), pieces.get(0), 48, 0).accepted());
        byte[] otherFlags = pieces.get(1).clone();
        otherFlags[3] |= 0x02; // a reserved bit differs from the first fragment's header
        assertFalse(r.add(header(SseFormat.COMPACT, otherFlags, 100), otherFlags, 48, 0).accepted());
    }

    @Test
    void floodOfFragmentsStaysWithinBounds() {
        long maxBytes = 64 * 1024;
        MemoryBudget budget = MemoryBudget.global(maxBytes);
        Reassembler r = new Reassembler(64, budget, 30_000);
        Random random = new Random(4);
        long peak = 0;
        for (int i = 0; i < 200_000; i++) {
            long seq = 1 + random.nextInt(1 << 20 - 1);
            int body = 48 + random.nextInt(30 * 40 - 48);
            byte[] f = new byte[48];
            random.nextBytes(f);
            SseHeader h = SseHeader.of(SseFormat.COMPACT, 0x010203, 1, false, body - 16, seq);
            h.encode(f, 0);
            r.add(new PduHeader(PEER, 0x010203, seq, h.flags(), body - 16, 16, SseFormat.COMPACT, 0), f, 48, i);
            peak = Math.max(peak, budget.used());
            assertTrue(r.size() <= 64);
        }
        assertTrue(peak <= maxBytes, "peak " + peak);
        assertTrue(r.evicted() > 0);
    }

    @Test
    void chunkRunsAssembleOnlyWhenUnbroken() {
        MemoryBudget budget = MemoryBudget.global(1 << 20);
        ChunkAssembler a = new ChunkAssembler(30_000, 1 << 20, budget);
        assertInstanceOf(ChunkAssembler.Admitted.class, a.add(10, chunk(true, false, 1, 0)));
        assertInstanceOf(ChunkAssembler.Admitted.class, a.add(12, chunk(false, true, 3, 0)));
        ChunkAssembler.Assembled m = assertInstanceOf(ChunkAssembler.Assembled.class, a.add(11, chunk(false, false, 2, 0)));
        assertArrayEquals(new byte[] {1, 2, 3}, m.bytes());
        assertEquals(10, m.firstSeq());
        assertEquals(12, m.lastSeq());
        assertEquals(0, budget.used());
        // a B chunk after an E chunk starts a new run; a run broken by a gap never completes and expires
        assertInstanceOf(ChunkAssembler.Admitted.class, a.add(20, chunk(true, false, 1, 0)));
        assertInstanceOf(ChunkAssembler.Admitted.class, a.add(22, chunk(false, true, 2, 10)));
        assertEquals(List.of(20L), a.expire(30_000));
        assertEquals(List.of(22L), a.expire(30_010));
        assertEquals(0, budget.used());
    }

    @Test
    void chunkThatDoesNotFitIsRefusedNotStored() {
        MemoryBudget global = MemoryBudget.global(4096);
        ChunkAssembler a = new ChunkAssembler(30_000, 1 << 20, global.share(3000));
        assertInstanceOf(ChunkAssembler.Admitted.class, a.add(1, new ChunkAssembler.Chunk(true, false, false,
                new byte[2000], 0, 0)));
        assertInstanceOf(ChunkAssembler.Refused.class, a.add(2, new ChunkAssembler.Chunk(false, false, false,
                new byte[2000], 0, 0)), "over the session's share");
        ChunkAssembler other = new ChunkAssembler(30_000, 1 << 20, global.share(3000));
        assertInstanceOf(ChunkAssembler.Refused.class, other.add(7, new ChunkAssembler.Chunk(true, false, false,
                new byte[2500], 0, 0)), "over the global budget");
        a.clear();
        assertEquals(0, global.used());
        ChunkAssembler small = new ChunkAssembler(30_000, 3, global.share(3000));
        small.add(1, chunk(true, false, 1, 0));
        small.add(2, new ChunkAssembler.Chunk(false, false, false, new byte[2], 0, 0));
        assertInstanceOf(ChunkAssembler.Refused.class, small.add(3, chunk(false, true, 3, 0)), "message too large");
        assertEquals(0, global.used());
    }

    private static ChunkAssembler.Chunk chunk(boolean first, boolean last, int value, long at) {
        return new ChunkAssembler.Chunk(first, last, false, new byte[] {(byte) value}, at, 0x40000000);
    }

    private static SealedPdu pdu(SseFormat format, long spi, long seq, int body, Random random) {
        byte[] bytes = new byte[format.headerLength() + body];
        random.nextBytes(bytes);
        SseHeader.of(format, spi, 0, false, body - 16, seq).encode(bytes, 0);
        return new SealedPdu(bytes, spi, seq, format, 0);
    }

    private static PduHeader header(SseFormat format, byte[] fragment, int body) {
        try {
            SseHeader h = SseHeader.parse(format, fragment, 0, fragment.length);
            return new PduHeader(PEER, h.spi(), h.seq(), h.flags(), body - 16, 16, format, 0);
        } catch (org.sslskura.wire.WireException e) {
            throw new AssertionError(e);
        }
    }
}
