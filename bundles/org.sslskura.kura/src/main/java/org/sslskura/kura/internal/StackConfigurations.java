package org.sslskura.kura.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.ConfigurationService;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Writes the configurations of ssls cloud connections and of their stack. On Kura through Kura's ConfigurationService,
 * as Kura's own connection factories do: only what it writes is in Kura's snapshots, which Kura reapplies at every
 * start (its ConfigAdmin store does not survive a restart). Where no ConfigurationService runs (plain OSGi), through
 * ConfigurationAdmin with the same properties.
 */
@Component(service = StackConfigurations.class)
public final class StackConfigurations {
    private ConfigurationAdmin configAdmin;
    private volatile ConfigurationService kura;

    @Reference
    void setConfigAdmin(ConfigurationAdmin admin) {
        this.configAdmin = admin;
    }

    @Reference(name = "ConfigurationService", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigurationService(ConfigurationService service) {
        this.kura = service;
    }

    void unbindConfigurationService(ConfigurationService service) {
        if (this.kura == service) {
            this.kura = null;
        }
    }

    /** @return the current configuration of singleton {@code pid} in ConfigurationAdmin; empty if none */
    Map<String, Object> current(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            Map<String, Object> props = new HashMap<>();
            if (found != null) {
                Dictionary<String, Object> d = found[0].getProperties();
                for (String key : java.util.Collections.list(d.keys())) {
                    props.put(key, d.get(key));
                }
            }
            return props;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read the configuration of " + pid, e);
        }
    }

    /** Creates factory instance {@code pid} (its {@code kura.service.pid}) of {@code factoryPid}. */
    void create(String factoryPid, String pid, Map<String, Object> properties) throws KuraException {
        ConfigurationService k = kura;
        if (k != null) {
            k.createFactoryConfiguration(factoryPid, pid, new HashMap<>(properties), true);
            return;
        }
        try {
            Hashtable<String, Object> props = new Hashtable<>(properties);
            props.put(KuraNames.KURA_SERVICE_PID, pid);
            configAdmin.createFactoryConfiguration(factoryPid, "?").update(props);
        } catch (IOException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
        }
    }

    /** Deletes factory instance {@code pid}; nothing if it does not exist. */
    void delete(String pid) throws KuraException {
        ConfigurationService k = kura;
        if (k != null) {
            k.deleteFactoryConfiguration(pid, true);
            return;
        }
        Configuration c = byKuraPid(pid);
        if (c != null) {
            try {
                c.delete();
            } catch (IOException e) {
                throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
            }
        }
    }

    /** Sets {@code attributes} in the configuration of singleton {@code pid}, keeping its other attributes. */
    void update(String pid, Map<String, Object> attributes) throws KuraException {
        ConfigurationService k = kura;
        if (k != null) {
            k.updateConfiguration(pid, new HashMap<>(attributes), true);
            return;
        }
        try {
            Configuration c = configAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> current = c.getProperties();
            Hashtable<String, Object> next = new Hashtable<>();
            if (current != null) {
                for (String key : java.util.Collections.list(current.keys())) {
                    next.put(key, current.get(key));
                }
            }
            next.putAll(attributes);
            c.update(next);
        } catch (IOException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
        }
    }

    /**
     * Takes the configuration of singleton {@code pid} away from its component (which stops) until {@link #restore}.
     * Runtime state only, as a connection's Disconnect is: directly in ConfigurationAdmin, not in Kura's snapshots.
     *
     * @return the removed properties, empty if there was no configuration
     */
    Map<String, Object> remove(String pid) throws KuraException {
        try {
            Configuration c = configAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> current = c.getProperties();
            Map<String, Object> removed = new HashMap<>();
            if (current != null) {
                for (String key : java.util.Collections.list(current.keys())) {
                    removed.put(key, current.get(key));
                }
            }
            c.delete();
            return removed;
        } catch (IOException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
        }
    }

    /** Gives singleton {@code pid} back the configuration {@link #remove} took away. */
    void restore(String pid, Map<String, Object> properties) throws KuraException {
        try {
            configAdmin.getConfiguration(pid, "?").update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
        }
    }

    private Configuration byKuraPid(String pid) throws KuraException {
        try {
            Configuration[] found = configAdmin.listConfigurations(
                    "(" + KuraNames.KURA_SERVICE_PID + "=" + pid + ")");
            return found == null ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, pid);
        }
    }
}
