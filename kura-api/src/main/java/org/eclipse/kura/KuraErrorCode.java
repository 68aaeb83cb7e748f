// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura;

/** The subset of Kura's error codes this project uses (Kura's enum has more; names are what link at run time). */
public enum KuraErrorCode {
    CONFIGURATION_ERROR,
    @Deprecated
    INTERNAL_ERROR,
    NOT_CONNECTED,
    CONNECTION_FAILED,
    INVALID_MESSAGE_EXCEPTION,
    INVALID_PARAMETER,
    SERVICE_UNAVAILABLE,
    DISCONNECTION_FAILED
}
