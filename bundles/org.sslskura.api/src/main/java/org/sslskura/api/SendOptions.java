package org.sslskura.api;

/**
 * How a message is sent.
 *
 * @param fireAndForget complete on hand-off to the carrier instead of on end-to-end acknowledgment; such messages are
 *        not kept in the offline queue
 */
public record SendOptions(boolean fireAndForget) {
    /** Acknowledged delivery, persisted in the offline queue until acknowledged (the default). */
    public static final SendOptions RELIABLE = new SendOptions(false);
    /** Hand-off only. */
    public static final SendOptions FIRE_AND_FORGET = new SendOptions(true);
}
