package org.sslskura.itests.kurart.probe;

import java.lang.reflect.Method;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds services of the runtime and calls them by reflection: the probe is compiled without Kura's or our classes
 * (they come from bundles installed later), and a method is looked up on the interface the service is registered
 * under, loaded through the service object's own class loader.
 */
final class Services {
    private final BundleContext context;
    private final long deadline;

    /** @param deadline System.nanoTime() after which every wait fails */
    Services(BundleContext context, long deadline) {
        this.context = context;
        this.deadline = deadline;
    }

    /** @return the reference of the first service matching the LDAP filter, waiting until the deadline */
    ServiceReference<?> await(String filter) throws Exception {
        Filter f = context.createFilter(filter);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, f, null);
        tracker.open(true);
        try {
            long ms = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (tracker.waitForService(ms) == null) {
                throw new IllegalStateException("no service " + filter + " before the deadline");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /** @return the service object of the first service matching the filter */
    Object get(String filter) throws Exception {
        return context.getService(await(filter));
    }

    /** @return the service object registered as {@code iface} */
    Object byInterface(String iface) throws Exception {
        return get("(objectClass=" + iface + ")");
    }

    /** Calls {@code iface.method(args)} on {@code target}; parameter types by class name. */
    static Object call(Object target, String iface, String method, String[] types, Object... args) throws Exception {
        ClassLoader loader = target.getClass().getClassLoader();
        Class<?> type = Class.forName(iface, false, loader);
        Class<?>[] params = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            params[i] = primitive(types[i]);
            if (params[i] == null) {
                params[i] = Class.forName(types[i], false, loader);
            }
        }
        Method m = type.getMethod(method, params);
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Calls a public no-argument method of a public class (values such as a Hit). */
    static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static Class<?> primitive(String name) {
        switch (name) {
            case "boolean":
                return boolean.class;
            case "long":
                return long.class;
            default:
                return null;
        }
    }

    /** Waits for {@code condition} until the deadline; fails with {@code what} when it never holds. */
    void until(String what, Check condition) throws Exception {
        waitUntil(what, deadline, condition);
    }

    /** As {@link #until(String, Check)}, giving up after {@code seconds} at most. */
    void until(String what, long seconds, Check condition) throws Exception {
        waitUntil(what, Math.min(deadline, System.nanoTime() + seconds * 1_000_000_000L), condition);
    }

    private static void waitUntil(String what, long deadline, Check condition) throws Exception {
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            // polling, not synchronisation: each round re-reads the condition, the deadline bounds the wait
            Thread.sleep(100);
        }
    }

    /** A condition re-evaluated until it holds. */
    interface Check {
        boolean holds() throws Exception;
    }
}
