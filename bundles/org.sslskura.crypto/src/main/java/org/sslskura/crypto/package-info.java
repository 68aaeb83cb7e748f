/**
 * Cryptographic primitives of HIP DEX and the Session Security Envelope, with a small misuse-resistant API:
 * callers pick an {@link org.sslskura.crypto.SseAead} by {@link org.sslskura.crypto.SseSuite} and pass sequence
 * numbers, never nonces; keys are copied in and wiped on {@code close()}; tags are compared in constant time.
 * <p>
 * Needs only the JDK (SunJCE): usable as a plain jar or as an OSGi bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.sslskura.crypto;
