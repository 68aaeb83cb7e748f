package org.sslskura.kura.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The ssls connection type of Kura's Cloud Connections page (New Connection): creates one {@link SslsConnection},
 * whose form configures the ssls stack. The stack (identity store, MQTT link, key exchange, envelope, secure
 * messaging) exists once per device, since the device has one ssls identity: so there is at most one ssls connection,
 * and its stack components are the stack's PIDs. Kura's web UI knows a connection type by {@link #getFactoryPid()}
 * and reads the two {@code kura.ui.csf.*} hints of its New Connection dialog from this service; the factory itself
 * has no configuration (policy IGNORE) and so no {@code service.pid}.
 */
@Component(name = SslsConnectionFactory.PID, configurationPolicy = ConfigurationPolicy.IGNORE,
        service = CloudConnectionFactory.class, property = {"kura.ui.csf.pid.default=ssls", KuraNames.PID_REGEX})
public final class SslsConnectionFactory implements CloudConnectionFactory {
    /** The factory's component name, recorded in each connection it creates. */
    public static final String PID = "org.sslskura.kura.SslsConnectionFactory";

    private StackConfigurations configurations;
    private BundleContext context;

    @Reference
    void setConfigurations(StackConfigurations stackConfigurations) {
        this.configurations = stackConfigurations;
    }

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public String getFactoryPid() {
        return SslsConnection.PID;
    }

    /**
     * Creates connection {@code pid}, its form filled with what the stack is configured with now (a connection created
     * on a device set up by hand changes nothing); refused if an ssls connection exists already (one stack per device).
     */
    @Override
    public void createConfiguration(String pid) throws KuraException {
        Set<String> existing = getManagedCloudConnectionPids();
        if (!existing.isEmpty()) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, null, "this device has one ssls stack and its"
                    + " connection exists already: " + existing);
        }
        Map<String, Object> props = new HashMap<>(ConnectionSettings.adopt(configurations::current));
        props.put(KURA_CLOUD_CONNECTION_FACTORY_PID, PID);
        configurations.create(SslsConnection.PID, pid, props);
    }

    /** @return the connection's PID, then the PIDs of the stack components its form configures */
    @Override
    public List<String> getStackComponentsPids(String pid) throws KuraException {
        List<String> pids = new ArrayList<>();
        pids.add(pid);
        pids.addAll(SslsConnection.stackPids());
        return pids;
    }

    /** Deletes the connection; the stack keeps its configurations (and the device its identity). */
    @Override
    public void deleteConfiguration(String pid) throws KuraException {
        configurations.delete(pid);
    }

    @Override
    public Set<String> getManagedCloudConnectionPids() throws KuraException {
        try {
            Set<String> pids = new TreeSet<>();
            for (ServiceReference<CloudEndpoint> ref : context.getServiceReferences(CloudEndpoint.class,
                    "(service.factoryPid=" + SslsConnection.PID + ")")) {
                Object pid = ref.getProperty(KuraNames.KURA_SERVICE_PID);
                if (pid instanceof String s) {
                    pids.add(s);
                }
            }
            return pids;
        } catch (InvalidSyntaxException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, SslsConnection.PID);
        }
    }
}
