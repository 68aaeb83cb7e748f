package org.sslskura.api;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.sslskura.wire.hip.Hit;

/**
 * End-to-end secured messages to and from peers (docs/PROTOCOL.md §8, §10): compression, chunking, fragmentation,
 * receipt acknowledgment with retransmission, duplicate suppression, and an offline queue that survives restarts.
 */
@ProviderType
public interface SecureMessaging {

    /**
     * Sends {@code payload} under the application topic {@code topic} to {@code peer}.
     *
     * @return completes with the receipt when the peer acknowledged every chunk (or, with
     *         {@link SendOptions#fireAndForget()}, when the carrier took the PDUs); completes exceptionally with a
     *         {@link MessagingException} if the message was refused (queue full, too large, unknown peer) or lost
     */
    CompletionStage<MessageReceipt> send(Hit peer, String topic, byte[] payload, SendOptions options);

    /**
     * Sends like {@link #send}, and also tells when the message was accepted (see {@link Submission#accepted()}): an
     * application that reports a message as taken, such as a Kura {@code CloudPublisher} returning its id, waits for
     * that first.
     */
    Submission submit(Hit peer, String topic, byte[] payload, SendOptions options);

    /** Sends to every configured collector like {@link #sendToCollectors}, telling when all accepted the message. */
    Submission submitToCollectors(String topic, byte[] payload, SendOptions options);

    /**
     * Sends to every configured collector.
     *
     * @return completes when every collector acknowledged (exceptionally if none is configured or one fails)
     */
    CompletionStage<MessageReceipt> sendToCollectors(String topic, byte[] payload, SendOptions options);

    /** Registers a receiver of authentic, de-duplicated messages; close the handle to remove it. */
    AutoCloseable addReceiver(MessageReceiver receiver);

    /** @return counters (messages sent, acknowledged, delivered, duplicates, drops by reason, queue size) */
    Map<String, Long> counters();
}
