package org.sslskura.crypto;

import java.security.GeneralSecurityException;

/** An authentication tag or MAC did not verify; the input must be dropped. Carries no secret data. */
public final class AuthenticationException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without secret data */
    public AuthenticationException(String message) {
        super(message);
    }
}
