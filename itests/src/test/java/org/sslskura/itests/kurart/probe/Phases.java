package org.sslskura.itests.kurart.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** What a user does in each Kura run, through Kura's own services, and what the probe reports about it. */
final class Phases {
    static final String CONFIGURATION_SERVICE = "org.eclipse.kura.configuration.ConfigurationService";
    static final String DEPLOYMENT_AGENT = "org.eclipse.kura.deployment.agent.DeploymentAgentService";
    static final String INSTALLED_TOPIC = "org/eclipse/kura/deployment/agent/INSTALLED";
    static final String IDENTITY = "org.sslskura.api.IdentityStore";
    static final String MESSAGING = "org.sslskura.api.SecureMessaging";
    static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";
    static final String PUBLISHER_FACTORY = Expectations.PUBLISHER_FACTORY;
    static final String PUBLISHER = Expectations.PUBLISHER;
    static final int QUEUED = Expectations.QUEUED;
    static final Map<String, Object[]> UPDATES = Expectations.UPDATES;
    static final String CONNECTION_FACTORY = "org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory";
    static final String SSLS_CONNECTION = "ssls";
    private final BundleContext context;
    private final Services services;
    private final Properties facts;

    Phases(BundleContext context, Services services, Properties facts) {
        this.context = context;
        this.services = services;
        this.facts = facts;
    }

    /**
     * First Kura run: install the .dp and the example's, update every PID, queue messages, create a publisher, roll
     * back.
     */
    void first(Path dp, Path exampleDp) throws Exception {
        Object cs = services.byInterface(CONFIGURATION_SERVICE);
        activateDeploymentAgent();
        install(services.byInterface(DEPLOYMENT_AGENT), dp, "dp");
        install(services.byInterface(DEPLOYMENT_AGENT), exampleDp, "dp.example");
        awaitOurServices(false);
        facts.setProperty("hit", hitHex());

        createPublisher(cs);
        for (Map.Entry<String, Object[]> u : UPDATES.entrySet()) {
            Map<String, Object> props = new HashMap<>();
            for (int i = 0; i < u.getValue().length; i += 2) {
                props.put((String) u.getValue()[i], u.getValue()[i + 1]);
            }
            Services.call(cs, CONFIGURATION_SERVICE, "updateConfiguration", new String[] {String.class.getName(),
                    Map.class.getName()}, u.getKey(), props);
        }
        for (String pid : UPDATES.keySet()) {
            reportConfiguration(cs, pid, true);
        }
        facts.setProperty("identity.trustPolicy",
                String.valueOf(Services.call(services.byInterface(IDENTITY), IDENTITY, "trustPolicy", new String[0])));

        createSslsConnection(cs);
        queueMessages();
        reportServicePids("first");

        long snapshot = (Long) Services.call(cs, CONFIGURATION_SERVICE, "snapshot", new String[0]);
        Services.call(cs, CONFIGURATION_SERVICE, "rollback", new String[] {"long"}, snapshot);
        reportPublisher(cs, "rollback");
        reportServicePids("rollback");

        // what Felix DeploymentAdmin does to each bundle of an upgraded .dp: the publisher's service goes and comes
        // back without Kura's ConfigurationService being asked, so only Kura's service tracker re-learns it (with its
        // service.factoryPid); the snapshot then records what Kura tracks, and the restart restores from it
        Bundle kuraBundle = bundle("org.sslskura.kura");
        kuraBundle.stop();
        kuraBundle.start();
        reportPublisher(cs, "bundleRestart");
        Services.call(cs, CONFIGURATION_SERVICE, "snapshot", new String[0]);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    /** A later Kura run on the same directories (osgi.clean=true): report what survived. */
    void restart() throws Exception {
        Object cs = services.byInterface(CONFIGURATION_SERVICE);
        activateDeploymentAgent();
        awaitOurServices(false); // the publisher is what reportPublisher looks for
        facts.setProperty("hit", hitHex());
        reportPublisher(cs, "restart");
        reportSslsConnection(cs, "restart");
        for (String pid : UPDATES.keySet()) {
            reportConfiguration(cs, pid, false);
        }
        facts.setProperty("identity.trustPolicy",
                String.valueOf(Services.call(services.byInterface(IDENTITY), IDENTITY, "trustPolicy", new String[0])));
        facts.setProperty("queue.messages", String.valueOf(queuedMessages()));
        reportServicePids("restart");
    }

    /**
     * The deployment agent bundle has a lazy activation policy: it stays STARTING until a class is loaded from it, and
     * Kura's metatype tracking (ACTIVE bundles only) then seeds the configuration its component requires. On a gateway
     * the web UI, which imports the agent's package, does that load; here the probe does it.
     */
    private void activateDeploymentAgent() throws Exception {
        bundle("org.eclipse.kura.deployment.agent").loadClass(DEPLOYMENT_AGENT);
    }

    /**
     * As the web UI's Packages page: through Kura's deployment agent, waiting for its INSTALLED event, reported as
     * facts {@code <fact>.successful}, {@code <fact>.name} and {@code <fact>.exception}.
     */
    private void install(Object agent, Path dp, String fact) throws Exception {
        Path copy = Files.createTempFile("ssls-it-", ".dp");
        Files.copy(dp, copy, StandardCopyOption.REPLACE_EXISTING);
        CountDownLatch installed = new CountDownLatch(1);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, INSTALLED_TOPIC);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, (Event e) -> {
            facts.setProperty(fact + ".successful", String.valueOf(e.getProperty("successful")));
            facts.setProperty(fact + ".name", String.valueOf(e.getProperty("deploymentpackage.name")));
            Object ex = e.getProperty("exception");
            if (ex != null) {
                facts.setProperty(fact + ".exception", String.valueOf(ex));
            }
            installed.countDown();
        }, props);
        try {
            Services.call(agent, DEPLOYMENT_AGENT, "installDeploymentPackageAsync",
                    new String[] {String.class.getName()}, "file:" + copy);
            if (!installed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no " + INSTALLED_TOPIC + " event within 120 s");
            }
        } finally {
            handler.unregister();
        }
    }

    /** Our core services, and every PID as a ConfigurableComponent Kura tracks. */
    private void awaitOurServices(boolean withPublisher) throws Exception {
        services.await("(objectClass=" + IDENTITY + ")");
        services.await("(objectClass=" + MESSAGING + ")");
        for (String pid : UPDATES.keySet()) {
            if (withPublisher || !pid.equals(PUBLISHER)) {
                services.await("(&(objectClass=" + CONFIGURABLE + ")(kura.service.pid=" + pid + "))");
            }
        }
    }

    private String hitHex() throws Exception {
        return String.valueOf(Services.call(Services.call(services.byInterface(IDENTITY), IDENTITY, "hit",
                new String[0]), "toHex"));
    }

    /**
     * For one PID: the value Kura's ConfigurationService shows, and the value the running component got from SCR (the
     * properties of the services it registers carry its configuration), both as text.
     */
    private void reportConfiguration(Object cs, String pid, boolean waitForUpdate) throws Exception {
        String key = (String) UPDATES.get(pid)[0];
        String expected = Expectations.text(UPDATES.get(pid)[1]);
        String component = "(&(service.pid=*)(|(kura.service.pid=" + pid + ")(service.pid=" + pid + ")))";
        if (waitForUpdate) {
            services.until(pid + " " + key + "=" + expected + " at the running component",
                    () -> allServicesHave(component, key, expected));
        }
        List<String> seen = new ArrayList<>();
        ServiceReference<?>[] current = context.getAllServiceReferences(null, component);
        for (ServiceReference<?> ref : current == null ? new ServiceReference<?>[0] : current) {
            seen.add(objectClass(ref) + "=" + Expectations.text(ref.getProperty(key)));
        }
        facts.setProperty("component." + pid, String.join(";", seen));
        Object cc = Services.call(cs, CONFIGURATION_SERVICE, "getComponentConfiguration",
                new String[] {String.class.getName()}, pid);
        Map<?, ?> props = cc == null ? null : (Map<?, ?>) Services.call(cc,
                "org.eclipse.kura.configuration.ComponentConfiguration", "getConfigurationProperties", new String[0]);
        facts.setProperty("kura." + pid, props == null ? "absent" : Expectations.text(props.get(key)));
    }

    private boolean allServicesHave(String filter, String key, String expected) throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
        if (refs == null) {
            return false;
        }
        for (ServiceReference<?> ref : refs) {
            if (!expected.equals(Expectations.text(ref.getProperty(key)))) {
                return false;
            }
        }
        return true;
    }

    /** As the web UI's Cloud Connections page creates a publisher under a connection. */
    private void createPublisher(Object cs) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("cloud.endpoint.service.pid", "ssls-it-connection");
        Services.call(cs, CONFIGURATION_SERVICE, "createFactoryConfiguration", new String[] {String.class.getName(),
                String.class.getName(), Map.class.getName(), "boolean"}, PUBLISHER_FACTORY, PUBLISHER, props, true);
        services.await("(&(objectClass=" + CONFIGURABLE + ")(kura.service.pid=" + PUBLISHER + "))");
    }

    /**
     * As the web UI's Cloud Connections page: New Connection of the ssls type through its CloudConnectionFactory, then
     * its form saved through Kura's ConfigurationService, with the values the updates above gave the stack (so that
     * they still hold). Reports what the connection wrote into the stack, as Kura's ConfigurationService has it.
     */
    private void createSslsConnection(Object cs) throws Exception {
        Object factory = services.get("(&(objectClass=" + CONNECTION_FACTORY
                + ")(component.name=org.sslskura.kura.SslsConnectionFactory))");
        Services.call(factory, CONNECTION_FACTORY, "createConfiguration", new String[] {String.class.getName()},
                SSLS_CONNECTION);
        services.await("(&(objectClass=org.eclipse.kura.cloudconnection.CloudEndpoint)(kura.service.pid="
                + SSLS_CONNECTION + "))");
        Map<String, Object> form = new HashMap<>();
        form.put("trusted.peers", new String[] {Expectations.COLLECTOR});
        form.put("collectors", new String[] {"collector"});
        form.put("sse.suites", "CHACHA20-POLY1305");
        Services.call(cs, CONFIGURATION_SERVICE, "updateConfiguration", new String[] {String.class.getName(),
                Map.class.getName()}, SSLS_CONNECTION, form);
        String messaging = "org.sslskura.transport.SecureMessaging";
        String ownLink = "(service.pid=org.sslskura.mqtt.MqttLink)";
        services.until("the connection's link filter in Kura's configuration of " + messaging,
                () -> ownLink.equals(kuraValue(cs, messaging, "MessageLink.target")));
        facts.setProperty("connection.messaging.target", Expectations.text(kuraValue(cs, messaging,
                "MessageLink.target")));
        // the stack restarts with the new filter: Secure Messaging last, as it references the key exchange
        String escaped = ownLink.replace("(", "\\(").replace(")", "\\)");
        String keyExchange = "(&(objectClass=org.sslskura.api.KeyExchange)(MessageLink.target=" + escaped + "))";
        services.await(keyExchange);
        long keyExchangeId = (Long) context.getAllServiceReferences(null, keyExchange)[0].getProperty("service.id");
        services.until("Secure Messaging restarted after the key exchange", () -> {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null,
                    "(&(objectClass=" + MESSAGING + ")(MessageLink.target=" + escaped + "))");
            return refs != null && (Long) refs[0].getProperty("service.id") > keyExchangeId;
        });
        facts.setProperty("connection.identity.peers", Expectations.text(kuraValue(cs,
                "org.sslskura.identity.IdentityStore", "trusted.peers")));
        reportSslsConnection(cs, "first");
    }

    /** The ssls connection: its endpoint's service.factoryPid, and whether Kura tracks it. */
    private void reportSslsConnection(Object cs, String when) throws Exception {
        String filter = "(&(objectClass=org.eclipse.kura.cloudconnection.CloudEndpoint)(kura.service.pid="
                + SSLS_CONNECTION + "))";
        try {
            services.until(SSLS_CONNECTION + " registered", 30, () -> context.getAllServiceReferences(null, filter)
                    != null);
        } catch (IllegalStateException e) {
            facts.setProperty(when + ".connection.factoryPid", "absent: no " + SSLS_CONNECTION + " connection");
            return;
        }
        facts.setProperty(when + ".connection.factoryPid", Expectations.text(context.getAllServiceReferences(null,
                filter)[0].getProperty("service.factoryPid")));
        facts.setProperty(when + ".connection.tracked", String.valueOf(awaitSteadilyTracked(cs, SSLS_CONNECTION)));
    }

    /**
     * Waits until Kura tracks {@code pid} in five reads in a row: after a rollback or an update Kura's components
     * deactivate and come back asynchronously, so one read can fall before the churn or inside it.
     *
     * @return false if that did not happen within 20 s
     */
    private boolean awaitSteadilyTracked(Object cs, String pid) throws Exception {
        int[] inARow = {0};
        try {
            services.until("Kura tracking " + pid + " steadily", 20, () -> {
                inARow[0] = trackedPids(cs).contains(pid) ? inARow[0] + 1 : 0;
                return inARow[0] >= 5;
            });
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** @return a copy of the PIDs Kura tracks (Kura's own set changes while it is read: copied again if it did) */
    private static Set<String> trackedPids(Object cs) throws Exception {
        while (true) {
            Set<?> live = (Set<?>) Services.call(cs, CONFIGURATION_SERVICE, "getConfigurableComponentPids",
                    new String[0]);
            try {
                return new TreeSet<>(Arrays.asList(live.stream().map(String::valueOf).toArray(String[]::new)));
            } catch (java.util.ConcurrentModificationException e) {
                // changed while copied: read it again
            }
        }
    }

    /** One attribute of a PID's configuration as Kura's ConfigurationService has it; null without one. */
    private static Object kuraValue(Object cs, String pid, String key) throws Exception {
        Object cc = Services.call(cs, CONFIGURATION_SERVICE, "getComponentConfiguration",
                new String[] {String.class.getName()}, pid);
        Map<?, ?> props = cc == null ? null : (Map<?, ?>) Services.call(cc,
                "org.eclipse.kura.configuration.ComponentConfiguration", "getConfigurationProperties", new String[0]);
        return props == null ? null : props.get(key);
    }

    /** The publisher instance: its service's service.factoryPid, and whether Kura still tracks it. */
    private void reportPublisher(Object cs, String when) throws Exception {
        String filter = "(&(objectClass=" + CONFIGURABLE + ")(kura.service.pid=" + PUBLISHER + "))";
        try {
            services.until(PUBLISHER + " registered", 30, () -> context.getAllServiceReferences(null, filter) != null);
        } catch (IllegalStateException e) {
            facts.setProperty(when + ".publisher.factoryPid", "absent: no " + PUBLISHER + " service");
            return;
        }
        ServiceReference<?> ref = context.getAllServiceReferences(null, filter)[0];
        facts.setProperty(when + ".publisher.factoryPid", Expectations.text(ref.getProperty("service.factoryPid")));
        if (!awaitSteadilyTracked(cs, PUBLISHER)) {
            facts.setProperty(when + ".publisher.untracked", "not tracked steadily within 20 s"); // asserted below
        }
        facts.setProperty(when + ".kura.tracked", String.join(",", trackedPids(cs)));
    }

    /** Sends to a collector that never answers; waits until the queue holds them. */
    private void queueMessages() throws Exception {
        Object messaging = services.byInterface(MESSAGING);
        Object reliable = Class.forName("org.sslskura.api.SendOptions", true, messaging.getClass().getClassLoader())
                .getField("RELIABLE").get(null);
        for (int i = 0; i < QUEUED; i++) {
            Services.call(messaging, MESSAGING, "sendToCollectors", new String[] {String.class.getName(),
                    "[B", "org.sslskura.api.SendOptions"}, "it/queued", ("queued " + i).getBytes(), reliable);
        }
        services.until(QUEUED + " queued messages", () -> queuedMessages() >= QUEUED);
        facts.setProperty("queue.messages", String.valueOf(queuedMessages()));
    }

    private long queuedMessages() throws Exception {
        Map<?, ?> counters = (Map<?, ?>) Services.call(services.byInterface(MESSAGING), MESSAGING, "counters",
                new String[0]);
        return ((Number) counters.get("queue.messages")).longValue();
    }

    /** service.pid of every service our bundles register: the String ones, and any other (a failure). */
    private void reportServicePids(String when) {
        List<String> strings = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() == null || !b.getSymbolicName().startsWith("org.sslskura.")
                    || b.getSymbolicName().startsWith("org.sslskura.itests")) {
                continue;
            }
            ServiceReference<?>[] refs = b.getRegisteredServices();
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object pid = ref.getProperty("service.pid");
                if (pid instanceof String) {
                    strings.add((String) pid);
                } else if (pid != null) {
                    others.add(objectClass(ref) + " service.pid=" + Expectations.text(pid) + " (" + pid.getClass().getName() + ")");
                }
            }
        }
        facts.setProperty(when + ".servicePid.strings", String.join(",", new TreeSet<>(strings)));
        facts.setProperty(when + ".servicePid.others", String.join(";", others));
    }

    private static String objectClass(ServiceReference<?> ref) {
        return Expectations.text(ref.getProperty("objectClass"));
    }

}
