package org.sslskura.transport;

import org.sslskura.api.SessionParameters;
import org.sslskura.wire.sse.ChunkHeader;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/**
 * How much message data one chunk may carry with a session's parameters (decision 6.5): the agreed chunk size, lowered
 * so that the chunk header and data fit the format's Length field and the sealed PDU fits 30 fragments.
 */
final class ChunkPlan {
    private static final int COMPACT_MAX_LENGTH = 4095;
    private static final int LARGE_PRACTICAL_MAX = 1 << 24;

    private ChunkPlan() {
    }

    /** @return the largest chunk data length, or 0 if not even one byte fits */
    static int maxChunkData(SessionParameters p) {
        int limit = (p.format() == SseFormat.COMPACT ? COMPACT_MAX_LENGTH : LARGE_PRACTICAL_MAX) - ChunkHeader.LENGTH;
        if (p.fragmentSize() > 0) {
            int piece = p.fragmentSize() - p.format().headerLength();
            int fitsFragments = SseHeader.FRAG_MAX * piece - p.suite().tagLength() - ChunkHeader.LENGTH;
            limit = Math.min(limit, fitsFragments);
        }
        if (p.chunkSize() > 0) {
            limit = Math.min(limit, p.chunkSize());
        }
        return Math.max(0, limit);
    }

    /** @return true if a message of {@code length} bytes can be sent: with chunking any size, else one chunk */
    static boolean fits(SessionParameters p, int length) {
        int max = maxChunkData(p);
        return max > 0 && (p.chunkSize() > 0 || length <= max);
    }
}
