package org.sslskura.identity;

import java.io.IOException;

/**
 * An identity file (private key, trusted peers, learned peers) exists but cannot be read or does not parse, or the
 * identity directory cannot be used. Checked on purpose: the caller must decide, and the store never "repairs" the
 * situation by generating a new identity or by dropping trust records. The file concerned is left untouched.
 * <p>
 * Messages name the file and the problem, never key material.
 */
public class IdentityException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and with which file */
    public IdentityException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and with which file
     * @param cause the underlying I/O error
     */
    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
