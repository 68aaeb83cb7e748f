/**
 * Kura integration (private): secure CloudPublisher/CloudSubscriber factories, the MessageLink over Kura's
 * CloudEndpoint, ConfigurableComponent registrations of the ssls PIDs, and the CryptoService PasswordDecoder.
 * docs/KURA.md explains the design.
 */
package org.sslskura.kura.internal;
