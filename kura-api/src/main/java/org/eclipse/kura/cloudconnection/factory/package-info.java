// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.eclipse.kura.cloudconnection.factory;
