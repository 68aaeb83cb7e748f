// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura;

import java.util.Arrays;
import org.osgi.annotation.versioning.ProviderType;

/** Kura's checked exception, carrying a {@link KuraErrorCode}. */
@ProviderType
public class KuraException extends Exception {
    private static final long serialVersionUID = 7468633737373095296L;

    private Object[] arguments;
    private final KuraErrorCode code;

    public KuraException(final KuraErrorCode code) {
        this.code = code;
    }

    public KuraException(final KuraErrorCode code, final Object... arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    public KuraException(final KuraErrorCode code, final Throwable cause, final Object... arguments) {
        super(cause);
        this.code = code;
        this.arguments = arguments;
    }

    public static KuraException internalError(final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, null, message);
    }

    public static KuraException internalError(final Throwable cause) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, "");
    }

    public static KuraException internalError(final Throwable cause, final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, message);
    }

    public KuraErrorCode getCode() {
        return this.code;
    }

    /** Kura localises the message from a resource bundle; the stub joins the code and the arguments. */
    @Override
    public String getMessage() {
        return this.code + (this.arguments == null ? "" : " " + Arrays.toString(this.arguments));
    }
}
