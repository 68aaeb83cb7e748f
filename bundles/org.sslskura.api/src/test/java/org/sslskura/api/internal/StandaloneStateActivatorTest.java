package org.sslskura.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.sslskura.api.StateDirectory;

/** Which state directory the api bundle registers, from the framework properties. */
class StandaloneStateActivatorTest {
    private final Map<String, String> properties = new HashMap<>();
    private final List<Object> registered = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();

    /** A BundleContext that answers framework properties and records registrations. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperty":
                            return properties.get((String) args[0]);
                        case "registerService":
                            registered.add(args[1]);
                            return Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                        unregistered.add(m.getName());
                                        return null;
                                    });
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void theFrameworkPropertyNamesTheRoot() {
        properties.put(StateDirectory.ROOT_PROPERTY, " /var/lib/ssls ");
        StandaloneStateActivator a = new StandaloneStateActivator();
        a.start(context());
        assertEquals(Path.of("/var/lib/ssls"), ((StateDirectory) registered.get(0)).root());
        a.stop(context());
        assertEquals(List.of("unregister"), unregistered);
    }

    @Test
    void withoutThePropertyTheRootIsInTheUsersHome() {
        new StandaloneStateActivator().start(context());
        assertEquals(Path.of(System.getProperty("user.home"), ".sslskura"),
                ((StateDirectory) registered.get(0)).root());
    }

    @Test
    void onKuraNothingIsRegistered_theKuraBundleProvidesTheRoot() {
        properties.put(StateDirectory.KURA_HOME_PROPERTY, "/opt/eclipse/kura");
        properties.put(StateDirectory.ROOT_PROPERTY, "/var/lib/ssls");
        StandaloneStateActivator a = new StandaloneStateActivator();
        a.start(context());
        a.stop(context());
        assertEquals(List.of(), registered);
        assertEquals(List.of(), unregistered);
    }
}
