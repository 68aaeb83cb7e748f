/**
 * COMPILE-ONLY STUB of Eclipse Kura's {@code org.eclipse.kura.system} package. Kura 5.0: 1.5.0; Kura 5.5: 1.7.0.
 * The version is the one Kura 5.0 exports, the lowest we support, so that bnd in the consuming bundles computes an
 * import range every Kura 5.x and 6 satisfies. Never shipped.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.eclipse.kura.system;
