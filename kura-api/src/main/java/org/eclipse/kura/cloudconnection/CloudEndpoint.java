// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection;

import java.util.Collections;
import java.util.Map;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.osgi.annotation.versioning.ProviderType;

/** One cloud connection's publish/subscribe entry point, registered by Kura with its {@code kura.service.pid}. */
@ProviderType
public interface CloudEndpoint {

    String publish(KuraMessage message) throws KuraException;

    void registerSubscriber(Map<String, Object> subscriptionProperties,
            CloudSubscriberListener cloudSubscriberListener);

    void unregisterSubscriber(CloudSubscriberListener cloudSubscriberListener);

    default Map<String, String> getInfo() {
        return Collections.emptyMap();
    }

    void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);

    void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);
}
