// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker of a service whose configuration Kura's ConfigurationService manages; the metatype is looked up as
 * {@code OSGI-INF/metatype/<service.pid>.xml}.
 */
@ConsumerType
public interface ConfigurableComponent {
}
