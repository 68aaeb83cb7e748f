// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection.factory;

import java.util.List;
import java.util.Set;
import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/** A connection type of Kura's Cloud Connections page: creates and deletes the services of one connection. */
@ProviderType
public interface CloudConnectionFactory {

    /** Property of a created connection: the {@code service.pid} of the factory that created it. */
    String KURA_CLOUD_CONNECTION_FACTORY_PID = "kura.cloud.connection.factory.pid";

    /** @return the factory PID of the connection's CloudEndpoint component */
    String getFactoryPid();

    /** Creates the configurations of a connection whose CloudEndpoint gets {@code kura.service.pid = pid}. */
    void createConfiguration(String pid) throws KuraException;

    /** @return the {@code kura.service.pid}s of the services making up connection {@code pid} */
    List<String> getStackComponentsPids(String pid) throws KuraException;

    /** Deletes the configurations of connection {@code pid}. */
    void deleteConfiguration(String pid) throws KuraException;

    /** @return the {@code kura.service.pid}s of the connections of this factory */
    Set<String> getManagedCloudConnectionPids() throws KuraException;
}
