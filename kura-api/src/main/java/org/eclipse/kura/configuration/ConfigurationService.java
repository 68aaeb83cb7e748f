// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.configuration;

import java.util.Map;
import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/** Kura's configuration service: the methods we call (configurations kept in Kura's snapshots). */
@ProviderType
public interface ConfigurationService {

    /** The property naming a component instance in Kura. */
    String KURA_SERVICE_PID = "kura.service.pid";

    /** Creates a factory component instance {@code pid}, its metatype defaults overlaid with {@code properties}. */
    void createFactoryConfiguration(String factoryPid, String pid, Map<String, Object> properties,
            boolean takeSnapshot) throws KuraException;

    /** Deletes factory component instance {@code pid}. */
    void deleteFactoryConfiguration(String pid, boolean takeSnapshot) throws KuraException;

    /** Merges {@code properties} into the configuration of {@code pid}. */
    void updateConfiguration(String pid, Map<String, Object> properties, boolean takeSnapshot) throws KuraException;
}
