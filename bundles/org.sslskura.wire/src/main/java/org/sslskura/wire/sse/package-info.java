/**
 * Session Security Envelope wire codec (draft-moskowitz-sse-05 with the SSLS framing of decisions §2.7-2.9 and
 * §6.5-6.10, 6.15, 6.20): the three header formats ({@link org.sslskura.wire.sse.SseHeader},
 * {@link org.sslskura.wire.sse.SseFormat}), the ACK PDU payload ({@link org.sslskura.wire.sse.SseAck}), the chunk
 * header ({@link org.sslskura.wire.sse.ChunkHeader}) and the inner message
 * ({@link org.sslskura.wire.sse.InnerMessage}). No cryptography: the AEAD lives in {@code org.sslskura.crypto}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.sslskura.wire.sse;
