// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection.subscriber.listener;

import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of a subscription. */
@ConsumerType
@FunctionalInterface
public interface CloudSubscriberListener {

    void onMessageArrived(KuraMessage message);
}
