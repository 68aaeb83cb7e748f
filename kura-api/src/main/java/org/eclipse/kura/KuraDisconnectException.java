// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public class KuraDisconnectException extends KuraException {
    private static final long serialVersionUID = 1L;

    public KuraDisconnectException(Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, null, argument);
    }

    public KuraDisconnectException(Throwable cause, Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, cause, argument);
    }
}
