package org.sslskura.api;

import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;

/**
 * The negotiated session services with one peer, without keys.
 *
 * @param suite the SSE suite
 * @param format the SSE format
 * @param compression true if DEFLATE was agreed
 * @param chunkSize agreed chunk size (0 = off)
 * @param fragmentSize agreed fragment size (0 = off)
 * @param generation the current SA generation
 */
public record SessionParameters(SseSuite suite, SseFormat format, boolean compression, int chunkSize,
                                int fragmentSize, int generation) {
}
