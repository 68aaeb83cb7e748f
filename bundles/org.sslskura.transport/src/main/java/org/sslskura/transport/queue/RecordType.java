package org.sslskura.transport.queue;

import java.util.Optional;

/** The record types of the queue log, with their on-disk codes (never {@code ordinal()}). */
enum RecordType {
    /** A message accepted by append: its whole content. */
    APPEND(1),
    /** The acknowledgment of an earlier APPEND: its message id. */
    ACK(2);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Optional<RecordType> fromCode(int code) {
        for (RecordType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return whether a payload of {@code length} bytes can be a record of this type at all (before any CRC check) */
    boolean plausibleLength(long length) {
        if (this == ACK) {
            return length == LogFormat.ACK_PAYLOAD_LENGTH;
        }
        return length >= LogFormat.APPEND_FIXED_LENGTH;
    }
}
