package org.sslskura.api.internal;

import java.nio.file.Path;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.sslskura.api.StateDirectory;

/**
 * Registers the {@link StateDirectory} off Kura (plain OSGi, Karaf): the framework property
 * {@value StateDirectory#ROOT_PROPERTY}, else {@code <user.home>/.sslskura}. On Kura ({@code kura.home} set) it
 * registers nothing: the Kura bundle registers the one under Kura's data directory, and the components wait for it
 * instead of starting on a wrong root.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
// the StateDirectory service it registers, for resolvers that check the components' service requirements (Karaf)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.sslskura.api.StateDirectory",
        uses = StateDirectory.class)
public final class StandaloneStateActivator implements BundleActivator {
    private ServiceRegistration<StateDirectory> registration;

    @Override
    public void start(BundleContext context) {
        if (context.getProperty(StateDirectory.KURA_HOME_PROPERTY) != null) {
            return;
        }
        String configured = context.getProperty(StateDirectory.ROOT_PROPERTY);
        StateDirectory dir = configured != null && !configured.isBlank()
                ? new StateDirectory(Path.of(configured.strip()), "framework property " + StateDirectory.ROOT_PROPERTY)
                : new StateDirectory(Path.of(System.getProperty("user.home"), ".sslskura"),
                        "default: " + StateDirectory.ROOT_PROPERTY + " is not set");
        registration = context.registerService(StateDirectory.class, dir, null);
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
