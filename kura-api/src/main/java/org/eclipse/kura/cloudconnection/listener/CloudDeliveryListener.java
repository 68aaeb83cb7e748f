// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/** Notified when a published message (by the id {@code publish} returned) is confirmed. */
@ConsumerType
@FunctionalInterface
public interface CloudDeliveryListener {

    void onMessageConfirmed(String messageId);
}
