/**
 * COMPILE-ONLY STUB of Eclipse Kura's {@code org.eclipse.kura} package. Kura 5.0: 1.6.0; 5.4 to 6.0: 1.7.0.
 * The version is the one Kura 5.0 exports (the package versions of Kura 5.0's API bundle), the lowest we support, so that bnd in the
 * consuming bundles computes an import range every Kura 5.x and 6 satisfies. Never shipped.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.eclipse.kura;
