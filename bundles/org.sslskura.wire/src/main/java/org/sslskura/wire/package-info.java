/**
 * Shared pieces of the sans-IO wire codecs: the single checked {@link org.sslskura.wire.WireException} every parser
 * throws on untrusted input, and the bounds-checked {@link org.sslskura.wire.ByteReader}.
 * <p>
 * Subpackages: {@code hip} (HIP DEX header, parameters, HIT), {@code sse} (Session Security Envelope header, ACK
 * payload, chunk header, inner message). Layouts: docs/PROTOCOL.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.sslskura.wire;
