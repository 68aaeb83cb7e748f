package org.sslskura.cli;

/** An expected runtime failure (no identity, broker unreachable, messages not acknowledged): exit code 1. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
