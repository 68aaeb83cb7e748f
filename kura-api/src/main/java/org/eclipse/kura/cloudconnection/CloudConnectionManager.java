// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection;

import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraDisconnectException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.osgi.annotation.versioning.ProviderType;

/** Connection state of a cloud connection; Kura's endpoints (raw MQTT, CloudService) implement it too. */
@ProviderType
public interface CloudConnectionManager {

    void connect() throws KuraConnectException;

    void disconnect() throws KuraDisconnectException;

    boolean isConnected();

    void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);
}
