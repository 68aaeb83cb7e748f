package org.sslskura.kura.internal;

import java.nio.file.Path;
import org.eclipse.kura.system.SystemService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.StateDirectory;

/**
 * On Kura, registers the {@link StateDirectory} under Kura's data directory ({@code <kura.data>/ssls}): Kura starts
 * Equinox with {@code osgi.clean=true}, which wipes the bundle data areas at every start, while Kura leaves its data
 * directory alone. The api bundle registers no StateDirectory on Kura, so the components wait for this one.
 */
@Component(service = {})
public final class KuraStateDirectory {
    /** The folder under Kura's data directory. */
    static final String FOLDER = "ssls";
    private static final Logger LOG = LoggerFactory.getLogger(KuraStateDirectory.class);

    private final ServiceRegistration<StateDirectory> registration;

    /** @throws IllegalStateException if Kura reports no data directory */
    @Activate
    public KuraStateDirectory(BundleContext context, @Reference SystemService system) {
        String data = system.getKuraDataDirectory();
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("Kura's SystemService reports no data directory (kura.data); the ssls"
                    + " state has no place that survives a restart");
        }
        StateDirectory dir = new StateDirectory(Path.of(data.strip(), FOLDER), "Kura data directory");
        registration = context.registerService(StateDirectory.class, dir, null);
        LOG.info("ssls state directory: {}", dir);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
