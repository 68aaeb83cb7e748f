package org.sslskura.api;

import java.util.concurrent.CompletionStage;

/**
 * A message handed to {@link SecureMessaging#submit}: when it was accepted and when it was acknowledged.
 *
 * @param accepted completes once the message can no longer be lost: for a reliable message, when its offline queue
 *        record is forced to disk (a crash or power failure after that does not lose it; it is sent again after a
 *        restart); for fire-and-forget, at once. Completes exceptionally (like {@code receipt}) if it was refused.
 * @param receipt completes with the receipt as {@link SecureMessaging#send} does
 */
public record Submission(CompletionStage<Void> accepted, CompletionStage<MessageReceipt> receipt) {
}
