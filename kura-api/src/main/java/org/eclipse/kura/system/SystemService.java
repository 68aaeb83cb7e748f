// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.system;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's system information; the stub declares only what the Kura bundle calls (package version 1.5.0, Kura
 * 5.0; Kura 5.5 exports 1.7.0).
 */
@ProviderType
public interface SystemService {

    /** @return Kura's data directory ({@code kura.data}), which Kura's clean starts leave alone */
    String getKuraDataDirectory();
}
