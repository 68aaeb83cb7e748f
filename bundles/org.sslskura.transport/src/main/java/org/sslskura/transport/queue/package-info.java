/**
 * The persistent, bounded outbound (offline) queue of the transport bundle: a message accepted by
 * {@code SecureMessaging.send} is appended here, forced to disk before {@code send} returns, and stays until the peer
 * acknowledged it end to end, across process restarts (decisions §2.8, §6.10).
 *
 * <p>{@link org.sslskura.transport.queue.OutboundQueue} is the entry point; {@link
 * org.sslskura.transport.queue.MessageIds} issues the message ids that decisions §6.6 requires to be unique for the
 * life of the sender identity. The on-disk format is described in {@link org.sslskura.transport.queue.OutboundQueue}.
 *
 * <p>Bundle-private (not exported): only the transport bundle's own messaging service uses it.
 */
package org.sslskura.transport.queue;
