package org.sslskura.cli;

/** The command line is wrong (unknown option, missing or bad value): exit code 2, with the command's usage line. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
