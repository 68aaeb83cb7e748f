/**
 * The services the ssls-kura bundles offer each other: {@link org.sslskura.api.IdentityStore} (the device identity
 * and trusted peers), {@link org.sslskura.api.KeyExchange} (HIP DEX, producing
 * {@link org.sslskura.api.SecureSession}s) and {@link org.sslskura.api.MessageLink} (the carrier, MQTT by default).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.sslskura.api;
