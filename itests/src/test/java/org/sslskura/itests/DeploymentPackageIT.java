package org.sslskura.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.deploymentadmin.BundleInfo;
import org.osgi.service.deploymentadmin.DeploymentAdmin;
import org.osgi.service.deploymentadmin.DeploymentPackage;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.util.tracker.ServiceTracker;
import org.sslskura.api.StateDirectory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The deployment package {@code org.sslskura} (module kura-dp) in a Kura-like runtime ({@link OsgiRuntime}): installed
 * through DeploymentAdmin, every component's metatype readable by Kura, configuration through ConfigAdmin, a secured
 * message from the framework to the collector in the test JVM, the example application from its own package, a rebuilt
 * package replacing every bundle, and a clean uninstall. The methods run in name order and share the installed
 * package.
 *
 * <p>The probe never links to our packages: DeploymentAdmin refreshes packages on uninstall, which would restart a
 * probe wired to them. Our services are therefore called by reflection, with classes loaded from the DP's bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DeploymentPackageIT {
    static final String IDENTITY_PID = "org.sslskura.identity.IdentityStore";
    static final String MQTT_PID = "org.sslskura.mqtt.MqttLink";
    static final String KEYEXCHANGE_PID = "org.sslskura.keyexchange.KeyExchange";
    static final String ENVELOPE_PID = "org.sslskura.envelope.Envelope";
    static final String MESSAGING_PID = "org.sslskura.transport.SecureMessaging";
    static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";
    static final String CONNECTION_FACTORY = "org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory";
    static final String SSLS_FACTORY = "org.sslskura.kura.SslsConnectionFactory";
    static final String SSLS_CONNECTION = "org.sslskura.kura.SslsConnection";
    static final long TIMEOUT_MS = 20_000;

    /** The package installed by the first test, shared by the later ones (one framework per class). */
    private static DeploymentPackage installed;

    @Inject
    BundleContext context;
    @Inject
    DeploymentAdmin deploymentAdmin;
    @Inject
    ConfigurationAdmin configAdmin;
    @Inject
    MetaTypeService metaType;

    @Configuration
    public Option[] config() throws Exception {
        // test JVM, before the framework starts: broker + collector (outside the framework)
        String workdir = System.getProperty("ssls.it.workdir", "target/it");
        Collector.start(workdir);
        List<Option> options = OsgiRuntime.options();
        // the device's state directory (identity, queue, client id): fresh for each run, never ~/.sslskura
        Path state = Path.of(workdir).toAbsolutePath().resolve("state-" + ProcessHandle.current().pid());
        options.add(frameworkProperty(StateDirectory.ROOT_PROPERTY).value(state.toString()));
        String kuraApi = System.getProperty("ssls.it.kura.api", "");
        if (!kuraApi.isEmpty()) {
            // test runtime only: the compile-only Kura API module as a bundle exporting org.eclipse.kura.* (Kura's
            // real org.eclipse.kura.api is not on Maven Central); never part of the .dp
            options.add(bundle(new File(kuraApi).toURI().toString()));
        }
        return options.toArray(new Option[0]);
    }

    private static File dpFile() {
        return file("ssls.it.dp");
    }

    private static File file(String property) {
        String path = System.getProperty(property);
        assertNotNull("system property " + property + " (itests/pom.xml)", path);
        return new File(path);
    }

    @Test
    public void a1_deploymentPackageInstallsAndEveryBundleIsActive() throws Exception {
        // configuration first, as Kura's snapshot would have it: MQTT link needs one (policy REQUIRE)
        update(MQTT_PID, props("broker.url", System.getProperty(Collector.BROKER), "client.id", "ssls-it-device"));
        update(IDENTITY_PID, props("trust.policy", "allowlist",
                "trusted.peers", new String[] {"collector=" + System.getProperty(Collector.KEY)}));
        // only ChaCha20-Poly1305: proves below that the key exchange runs with our configuration, not its defaults
        update(KEYEXCHANGE_PID, props("sse.suites", "CHACHA20-POLY1305"));
        update(MESSAGING_PID, props("collectors", new String[] {System.getProperty(Collector.HIT)}));
        // Kura's ConfigurationService seeds every designated PID with its metatype defaults; do the same here
        update(ENVELOPE_PID, props("replay.window", 64));

        try (InputStream in = new FileInputStream(dpFile())) {
            installed = deploymentAdmin.installDeploymentPackage(in);
        }
        assertNotNull(installed);
        BundleInfo[] infos = installed.getBundleInfos();
        List<String> names = new ArrayList<>();
        for (BundleInfo info : infos) {
            names.add(info.getSymbolicName());
            Bundle b = installed.getBundle(info.getSymbolicName());
            assertNotNull("bundle of the package: " + info.getSymbolicName(), b);
            waitFor(() -> b.getState() == Bundle.ACTIVE, info.getSymbolicName() + " ACTIVE");
        }
        assertEquals("org.sslskura", installed.getName());
        for (String expected : List.of("org.sslskura.crypto", "org.sslskura.wire", "org.sslskura.api",
                "org.sslskura.identity", "org.sslskura.mqtt", "org.sslskura.keyexchange", "org.sslskura.envelope",
                "org.sslskura.transport", "org.sslskura.kura")) {
            assertTrue("the .dp holds " + expected + ": " + names, names.contains(expected));
        }
        for (String name : names) {
            assertTrue("nothing Kura installs itself: " + name, name.startsWith("org.sslskura."));
        }
        assertTrue("the example has its own package: " + names, !names.contains("org.sslskura.kura.example"));
        // Paho is private to the MQTT bundle: no Paho bundle in the framework, yet the link runs (c1)
        assertNull("no Paho bundle", installedBundle("org.eclipse.paho.client.mqttv3"));
        if (OsgiRuntime.KURA5.equals(OsgiRuntime.name())) {
            // Kura's Bouncy Castle stays installed and unstarted (we neither ship nor need it)
            for (Bundle b : context.getBundles()) {
                if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("bc")) {
                    assertTrue(b.getSymbolicName() + " not started", b.getState() != Bundle.ACTIVE);
                }
            }
        }
        for (String service : List.of("IdentityStore", "MessageLink", "KeyExchange", "Envelope",
                "SecureMessaging")) {
            service("org.sslskura.api." + service);
        }
    }

    @Test
    public void a2_everyComponentHasKuraReadableMetatype() throws Exception {
        assertNotNull("installed by a1", installed);
        // the PIDs Kura shows: every component's service.pid property, and every designated PID (MetaTypeService)
        java.util.Set<String> pids = new java.util.TreeSet<>();
        for (BundleInfo info : installed.getBundleInfos()) {
            Bundle b = installed.getBundle(info.getSymbolicName());
            String header = b.getHeaders().get("Service-Component");
            if (header != null) {
                for (String path : header.split(",")) {
                    URL xml = b.getEntry(path.trim());
                    assertNotNull(b.getSymbolicName() + ": " + path, xml);
                    pids.addAll(servicePids(xml));
                }
            }
            MetaTypeInformation mti = metaType.getMetaTypeInformation(b);
            if (mti != null) {
                pids.addAll(Arrays.asList(mti.getPids()));
                pids.addAll(Arrays.asList(mti.getFactoryPids()));
            }
        }
        for (String pid : List.of(IDENTITY_PID, MQTT_PID, KEYEXCHANGE_PID, ENVELOPE_PID, MESSAGING_PID)) {
            assertTrue("component PID " + pid + " in " + pids, pids.contains(pid));
        }
        for (String pid : pids) {
            String resource = "OSGI-INF/metatype/" + pid + ".xml";
            URL mt = null;
            for (BundleInfo info : installed.getBundleInfos()) {
                URL u = installed.getBundle(info.getSymbolicName()).getEntry(resource);
                mt = u != null ? u : mt;
            }
            assertNotNull("a bundle of the .dp has " + resource, mt);
            try (InputStream in = mt.openStream()) {
                List<String> problems = KuraMetatype.check(pid, in);
                assertTrue(resource + ": " + problems, problems.isEmpty());
            }
        }
    }

    /** Both runtimes install the Kura API bundle (itests/pom.xml): a test that needs it fails without it. */
    private static void requireKuraApi() {
        assertFalse("no Kura API bundle in this runtime (ssls.it.kura.api, itests/pom.xml)",
                System.getProperty("ssls.it.kura.api", "").isEmpty());
    }

    @Test
    public void a3_configurableComponentsAreRegisteredForKura() throws Exception {
        requireKuraApi();
        ServiceReference<?>[] refs = context.getAllServiceReferences(CONFIGURABLE, null);
        assertNotNull("ConfigurableComponent services", refs);
        List<String> pids = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            Object pid = ref.getProperty("service.pid");
            assertNotNull("service.pid on " + ref, pid);
            // Kura's ConfigurableComponentTracker does (String) ref.getProperty("service.pid"): an array (what SCR
            // makes when a declared service.pid meets a configuration's) throws ClassCastException there
            assertTrue("service.pid must be a single String for Kura, is " + Arrays.deepToString(new Object[] {pid})
                    + " on " + ref.getProperty("component.name"), pid instanceof String);
            pids.add((String) pid);
        }
        for (String pid : List.of(IDENTITY_PID, MQTT_PID, KEYEXCHANGE_PID, ENVELOPE_PID, MESSAGING_PID)) {
            assertTrue(pid + " is a ConfigurableComponent: " + pids, pids.contains(pid));
        }
    }

    @Test
    public void b1_configurationTakesEffectAndABadValueIsRefused() throws Exception {
        assertNotNull("installed by a1", installed);
        Object identity = service("org.sslskura.api.IdentityStore");
        assertEquals("ALLOWLIST", call(identity, "trustPolicy").toString());
        update(IDENTITY_PID, props("trust.policy", "trust-on-first-use",
                "trusted.peers", new String[] {"collector=" + System.getProperty(Collector.KEY)}));
        waitFor(() -> "TRUST_ON_FIRST_USE".equals(call(identity, "trustPolicy").toString()),
                "identity store trust policy trust-on-first-use via ConfigAdmin");
        update(IDENTITY_PID, props("trust.policy", "allowlist",
                "trusted.peers", new String[] {"collector=" + System.getProperty(Collector.KEY)}));
        waitFor(() -> "ALLOWLIST".equals(call(identity, "trustPolicy").toString()), "back to allowlist");

        // a bad value: the key exchange logs, refuses it and keeps the last good configuration (same component)
        ServiceReference<?> before = context.getServiceReference("org.sslskura.api.KeyExchange");
        Long id = (Long) before.getProperty("service.id");
        Object keyExchange = service("org.sslskura.api.KeyExchange");
        update(KEYEXCHANGE_PID, props("sse.suites", "NO-SUCH-SUITE"));
        waitFor(() -> Long.valueOf(1).equals(((Map<?, ?>) call(keyExchange, "counters")).get("configuration.refused")),
                "the key exchange refused the bad suite list");
        ServiceReference<?> after = context.getServiceReference("org.sslskura.api.KeyExchange");
        assertNotNull("key exchange still registered", after);
        assertEquals("same key exchange component (not restarted)", id, after.getProperty("service.id"));
        // c1 then shows that the last good suite list (ChaCha20-Poly1305 only) is still the one in force
    }

    @Test
    @SuppressWarnings("unchecked")
    public void c1_messageFromTheFrameworkReachesTheCollector() throws Exception {
        assertNotNull("installed by a1", installed);
        BlockingQueue<String> received = (BlockingQueue<String>) System.getProperties().get(Collector.RECEIVED);
        assertNotNull("collector queue from the test JVM", received);
        Object messaging = service("org.sslskura.api.SecureMessaging");
        Object link = service("org.sslskura.api.MessageLink");
        waitFor(() -> (Boolean) call(link, "isConnected"), "MQTT link connected to " + System.getProperty(Collector.BROKER));
        Class<?> sendOptions = installedBundle("org.sslskura.api").loadClass("org.sslskura.api.SendOptions");
        String text = "{\"temperature\": 21.5, \"runtime\": \"" + OsgiRuntime.name() + "\"}";
        CompletionStage<?> receipt = (CompletionStage<?>) call(messaging, "sendToCollectors", "it/readings",
                text.getBytes(StandardCharsets.UTF_8), sendOptions.getField("RELIABLE").get(null));
        receipt.toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        String got = received.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertEquals("it/readings\n" + text, got);

        // the session uses the configured suite, still in force after the refused value of b1
        Object envelope = service("org.sslskura.api.Envelope");
        Class<?> hitClass = installedBundle("org.sslskura.wire").loadClass("org.sslskura.wire.hip.Hit");
        Object collectorHit = hitClass.getMethod("parseHex", String.class).invoke(null,
                System.getProperty(Collector.HIT));
        Optional<?> params = (Optional<?>) call(envelope, "parameters", collectorHit);
        assertTrue("session parameters with the collector", params.isPresent());
        assertEquals("CHACHA20_POLY1305", call(params.get(), "suite").toString());
        Map<?, ?> counters = (Map<?, ?>) call(messaging, "counters");
        Object acknowledged = counters.get("messages.acknowledged");
        assertTrue("the acknowledgment is counted: " + counters,
                acknowledged instanceof Number && ((Number) acknowledged).longValue() >= 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    public void c2_exampleAppPublishesThroughASecurePublisherToTheCollector() throws Exception {
        assertNotNull("installed by a1", installed);
        requireKuraApi();
        DeploymentPackage example;
        try (InputStream in = new FileInputStream(file("ssls.it.dp.example"))) {
            example = deploymentAdmin.installDeploymentPackage(in);
        }
        assertEquals("org.sslskura.example", example.getName());
        BlockingQueue<String> received = (BlockingQueue<String>) System.getProperties().get(Collector.RECEIVED);
        received.clear();
        // what "New Pub/Sub" in Kura's Cloud Connections UI does: a factory configuration of the secure publisher,
        // here with the ssls MQTT link as carrier (no Kura cloud connection in this runtime)
        org.osgi.service.cm.Configuration publisher =
                configAdmin.createFactoryConfiguration("org.sslskura.kura.RawMqttSecurePublisher", "?");
        publisher.update(props("kura.service.pid", "ssls-publisher", "collectors", "collector",
                "app.topic", "kura/sensors", "carrier", "own-link"));
        // the example app pointed at it, as CloudPublisher.target in the web UI does
        update("org.sslskura.kura.example.SensorPublisher", props("CloudPublisher.target",
                "(kura.service.pid=ssls-publisher)", "publish.interval.seconds", 1, "sensor.name", "it-sensor"));
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        String reading = null;
        while (reading == null && System.currentTimeMillis() < deadline) {
            String m = received.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && m.startsWith("kura/sensors")) {
                reading = m;
            }
        }
        assertNotNull("a reading of the example app decrypted by the collector", reading);
        assertTrue(reading, reading.contains("it-sensor"));
        publisher.delete();
        // removing the example leaves the add-on alone
        example.uninstall();
        assertNull(installedBundle("org.sslskura.kura.example"));
        service("org.sslskura.api.SecureMessaging");
    }

    /**
     * What Kura's Cloud Connections page does with the ssls connection type (New Connection, then its form, New
     * Pub/Sub, Connect/Disconnect, Delete), with the real ConfigAdmin and SCR: here the connection's configurations go
     * through ConfigAdmin, as no Kura ConfigurationService runs in this runtime.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void c3_aCloudConnectionConfiguresTheStackAndCarriesItsPublishers() throws Exception {
        assertNotNull("installed by a1", installed);
        requireKuraApi();
        BlockingQueue<String> received = (BlockingQueue<String>) System.getProperties().get(Collector.RECEIVED);
        received.clear();
        Object factory = service("(&(objectClass=" + CONNECTION_FACTORY + ")(component.name=" + SSLS_FACTORY + "))");
        assertEquals(SSLS_CONNECTION, call(factory, "getFactoryPid"));

        // New Connection: the connection's form starts from what the stack holds (here since a1, with the good suite
        // list again instead of b1's refused value)
        update(KEYEXCHANGE_PID, props("sse.suites", "CHACHA20-POLY1305"));
        call(factory, "createConfiguration", "ssls-connection");
        String endpointFilter = "(&(objectClass=org.eclipse.kura.cloudconnection.CloudEndpoint)"
                + "(kura.service.pid=ssls-connection))";
        Object connection = service(endpointFilter);
        assertEquals(SSLS_CONNECTION, context.getServiceReferences((String) null, endpointFilter)[0]
                .getProperty("service.factoryPid"));
        assertEquals(java.util.Set.of("ssls-connection"), call(factory, "getManagedCloudConnectionPids"));
        assertEquals(List.of("ssls-connection", IDENTITY_PID, MQTT_PID, KEYEXCHANGE_PID, ENVELOPE_PID, MESSAGING_PID),
                call(factory, "getStackComponentsPids", "ssls-connection"));
        try {
            call(factory, "createConfiguration", "ssls-second");
            fail("a second ssls connection (the device has one ssls identity and stack)");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("KuraException"));
        }

        // its form, as the web UI saves it: own broker; collectors and trusted peers from files, as beyond 10 entries
        File dir = new File(System.getProperty("ssls.it.workdir", "target/it"));
        File collectors = new File(dir, "collectors.txt");
        java.nio.file.Files.write(collectors.toPath(), List.of("# the collectors", System.getProperty(Collector.HIT)));
        File peers = new File(dir, "peers.txt");
        java.nio.file.Files.write(peers.toPath(), List.of("collector=" + System.getProperty(Collector.KEY)));
        org.osgi.service.cm.Configuration form = configAdmin.listConfigurations(
                "(kura.service.pid=ssls-connection)")[0];
        Dictionary<String, Object> values = form.getProperties();
        values.put("broker.url", System.getProperty(Collector.BROKER));
        values.put("client.id", "ssls-it-connection");
        values.put("collectors.file", collectors.getPath());
        values.put("trusted.peers.file", peers.getPath());
        values.put("sse.suites", "CHACHA20-POLY1305");
        form.update(values);
        waitFor(() -> Arrays.asList((String[]) configAdmin.getConfiguration(MESSAGING_PID, "?").getProperties()
                .get("collectors")).contains(System.getProperty(Collector.HIT)), "the connection's collectors in "
                + MESSAGING_PID);
        assertEquals("(service.pid=" + MQTT_PID + ")",
                configAdmin.getConfiguration(KEYEXCHANGE_PID, "?").getProperties().get("MessageLink.target"));
        waitFor(() -> (Boolean) call(connection, "isConnected"), "connection connected");
        service("org.sslskura.api.KeyExchange");
        service("org.sslskura.api.SecureMessaging");

        // New Pub/Sub under the connection, then a message through it to the collector
        org.osgi.service.cm.Configuration publisher =
                configAdmin.createFactoryConfiguration("org.sslskura.kura.SslsConnectionSecurePublisher", "?");
        publisher.update(props("kura.service.pid", "ssls-connection-publisher",
                "cloud.endpoint.service.pid", "ssls-connection", "app.topic", "connection/readings"));
        Object cloudPublisher = service("(&(objectClass=org.eclipse.kura.cloudconnection.publisher.CloudPublisher)"
                + "(kura.service.pid=ssls-connection-publisher))");
        Bundle kuraApi = installedBundle("org.sslskura.kura.api.stubs");
        Object payload = kuraApi.loadClass("org.eclipse.kura.message.KuraPayload").getConstructor().newInstance();
        String text = "{\"through\": \"ssls-connection\"}";
        call(payload, "setBody", (Object) text.getBytes(StandardCharsets.UTF_8));
        Object message = kuraApi.loadClass("org.eclipse.kura.cloudconnection.message.KuraMessage")
                .getConstructor(payload.getClass()).newInstance(payload);
        waitFor(() -> call(cloudPublisher, "publish", message) != null, "publisher bound to Secure Messaging");
        String got = null;
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (got == null && System.currentTimeMillis() < deadline) {
            String m = received.poll(500, TimeUnit.MILLISECONDS);
            got = m != null && m.startsWith("connection/readings") ? m : null;
        }
        assertEquals("connection/readings\n" + text, got);

        // messages to the device: to a secure subscriber under the connection, and to a subscriber registered on the
        // connection (its CloudEndpoint side), each with an application topic filter
        org.osgi.service.cm.Configuration subscriber =
                configAdmin.createFactoryConfiguration("org.sslskura.kura.SslsConnectionSecureSubscriber", "?");
        subscriber.update(props("kura.service.pid", "ssls-connection-subscriber",
                "cloud.endpoint.service.pid", "ssls-connection", "app.topic.filter", "commands/#"));
        Object cloudSubscriber = service("(&(objectClass=org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber)"
                + "(kura.service.pid=ssls-connection-subscriber))");
        BlockingQueue<Object> bySubscriber = new java.util.concurrent.LinkedBlockingQueue<>();
        BlockingQueue<Object> byEndpoint = new java.util.concurrent.LinkedBlockingQueue<>();
        call(cloudSubscriber, "registerCloudSubscriberListener", subscriberListener(kuraApi, bySubscriber));
        call(connection, "registerSubscriber", Map.of("topic.filter", "commands/+"),
                subscriberListener(kuraApi, byEndpoint));
        String deviceHit = call(call(service("org.sslskura.api.IdentityStore"), "hit"), "toHex").toString();
        ((java.util.function.BiConsumer<String, String>) System.getProperties().get(Collector.SEND))
                .accept(deviceHit, "commands/reboot\nnow");
        for (BlockingQueue<Object> q : List.of(bySubscriber, byEndpoint)) {
            Object arrived = q.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertNotNull("a message from the collector", arrived);
            Map<?, ?> properties = (Map<?, ?>) call(arrived, "getProperties");
            assertEquals("commands/reboot", properties.get("topic"));
            assertEquals(System.getProperty(Collector.HIT), properties.get("ssls.sender"));
            assertEquals("now", new String((byte[]) call(call(arrived, "getPayload"), "getBody"),
                    StandardCharsets.UTF_8));
        }
        subscriber.delete();

        // carrier: a Kura cloud connection chosen by kura.service.pid (here one that does not exist): the stack is
        // pinned to the MessageLink over it, which the bundle registers, and is not connected until that connection is
        values = form.getProperties();
        values.put("carrier", "kura-connection");
        values.put("CarrierConnection.target", "(kura.service.pid=raw-mqtt-connection)");
        form.update(values);
        String overKura = "(&(ssls.link=cloud-endpoint)(cloud.endpoint.service.pid=raw-mqtt-connection))";
        waitFor(() -> overKura.equals(configAdmin.getConfiguration(MESSAGING_PID, "?").getProperties()
                .get("MessageLink.target")), "Secure Messaging pinned to the link over the Kura connection");
        assertEquals(overKura, configAdmin.getConfiguration(KEYEXCHANGE_PID, "?").getProperties()
                .get("MessageLink.target"));
        service("(&(objectClass=org.sslskura.api.MessageLink)" + overKura + ")");
        waitFor(() -> !(Boolean) call(connection, "isConnected"), "not connected without the Kura connection");
        values.put("carrier", "own-broker");
        form.update(values);
        waitFor(() -> context.getServiceReferences("org.sslskura.api.MessageLink", overKura) == null,
                "the link over the Kura connection released");
        waitFor(() -> (Boolean) call(connection, "isConnected"), "own broker again");

        // Disconnect and Connect, as the page's buttons do
        call(connection, "disconnect");
        waitFor(() -> !(Boolean) call(connection, "isConnected"), "disconnected");
        call(connection, "connect");
        waitFor(() -> (Boolean) call(connection, "isConnected"), "connected again");
        assertEquals("the link's whole configuration is back", "ssls-it-connection",
                configAdmin.getConfiguration(MQTT_PID, "?").getProperties().get("client.id"));

        // Delete: the connection goes, the stack stays configured
        publisher.delete();
        call(factory, "deleteConfiguration", "ssls-connection");
        waitFor(() -> context.getServiceReferences((String) null, endpointFilter) == null, "connection deleted");
        assertTrue(((java.util.Set<?>) call(factory, "getManagedCloudConnectionPids")).isEmpty());
        service("(objectClass=org.sslskura.api.SecureMessaging)");
    }

    @Test
    public void d1_aRebuiltPackageReplacesEveryBundle() throws Exception {
        assertNotNull("installed by a1", installed);
        // the restarted key exchange starts from ConfigAdmin: the good suite list again, not b1's refused value
        update(KEYEXCHANGE_PID, props("sse.suites", "CHACHA20-POLY1305"));
        Map<String, Long> modified = lastModified();
        // what a build without bundle qualifiers delivered: a newer package, the same bundle versions. Deployment
        // Admin keeps every installed bundle, so the rebuilt code would never run.
        installed = install(RebuiltPackage.of(dpFile(), RebuiltPackage.laterBuild(1), version -> version));
        assertEquals("no bundle replaced", modified, lastModified());
        everyBundleActive();

        // what the next build delivers: the package and every bundle with a newer build qualifier
        installed = install(RebuiltPackage.of(dpFile(), RebuiltPackage.laterBuild(2), RebuiltPackage.laterBuild(2)));
        Map<String, Long> replaced = lastModified();
        for (BundleInfo info : installed.getBundleInfos()) {
            Bundle b = installed.getBundle(info.getSymbolicName());
            assertEquals(info.getSymbolicName() + " runs the rebuilt version", info.getVersion(), b.getVersion());
            assertTrue(info.getSymbolicName() + " replaced",
                    replaced.get(info.getSymbolicName()) > modified.get(info.getSymbolicName()));
        }
        everyBundleActive();
        service("org.sslskura.api.SecureMessaging");
    }

    @Test
    public void z1_uninstallLeavesNothingBehind() throws Exception {
        assertNotNull("installed by a1", installed);
        String name = installed.getName();
        List<String> ours = new ArrayList<>();
        for (BundleInfo info : installed.getBundleInfos()) {
            ours.add(info.getSymbolicName());
        }
        installed.uninstall();
        assertTrue(installed.isStale());
        assertNull(deploymentAdmin.getDeploymentPackage(name));
        for (Bundle b : context.getBundles()) {
            assertTrue("left behind: " + b.getSymbolicName() + " " + b.getVersion(),
                    !ours.contains(b.getSymbolicName()));
        }
        assertNull(context.getServiceReference("org.sslskura.api.SecureMessaging"));
        installed = null;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A Kura CloudSubscriberListener (a proxy: the probe does not link to the Kura API) that queues each message. */
    private static Object subscriberListener(Bundle kuraApi, BlockingQueue<Object> into) throws Exception {
        Class<?> type = kuraApi.loadClass(
                "org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener");
        return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "onMessageArrived":
                            into.add(args[0]);
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "test listener";
                        default:
                            return null;
                    }
                });
    }

    private DeploymentPackage install(byte[] dp) throws Exception {
        try (InputStream in = new java.io.ByteArrayInputStream(dp)) {
            return deploymentAdmin.installDeploymentPackage(in);
        }
    }

    /** Symbolic name -> last modification time of every bundle of the installed package. */
    private static Map<String, Long> lastModified() {
        Map<String, Long> times = new java.util.TreeMap<>();
        for (BundleInfo info : installed.getBundleInfos()) {
            times.put(info.getSymbolicName(), installed.getBundle(info.getSymbolicName()).getLastModified());
        }
        return times;
    }

    private static void everyBundleActive() throws Exception {
        for (BundleInfo info : installed.getBundleInfos()) {
            Bundle b = installed.getBundle(info.getSymbolicName());
            waitFor(() -> b.getState() == Bundle.ACTIVE, info.getSymbolicName() + " ACTIVE");
        }
    }

    private void update(String pid, Dictionary<String, Object> properties) throws Exception {
        configAdmin.getConfiguration(pid, "?").update(properties);
    }

    private static Dictionary<String, Object> props(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }

    private Bundle installedBundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Waits for a service of our packages, by class name or by an LDAP filter (the probe does not import our
     * packages).
     */
    private Object service(String objectClassOrFilter) throws Exception {
        String filter = objectClassOrFilter.startsWith("(") ? objectClassOrFilter
                : "(objectClass=" + objectClassOrFilter + ")";
        ServiceTracker<Object, Object> t = new ServiceTracker<>(context, context.createFilter(filter), null);
        t.open(true);
        try {
            Object s = t.waitForService(TIMEOUT_MS);
            assertNotNull("service " + filter, s);
            return s;
        } finally {
            t.close();
        }
    }

    /** Calls a public method by name and argument count, through the public interface or class declaring it. */
    static Object call(Object target, String method, Object... args) {
        try {
            for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
                for (Class<?> type : withInterfaces(c)) {
                    for (Method m : type.getMethods()) {
                        if (m.getName().equals(method) && m.getParameterCount() == args.length
                                && java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                            return m.invoke(target, args);
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(method + " failed: " + e.getCause(), e);
        }
        throw new AssertionError("no public method " + method + "/" + args.length + " on " + target.getClass());
    }

    private static List<Class<?>> withInterfaces(Class<?> c) {
        List<Class<?>> out = new ArrayList<>(Arrays.asList(c.getInterfaces()));
        out.add(c);
        return out;
    }

    /** The {@code service.pid} properties of the components of one DS descriptor. */
    private static List<String> servicePids(URL xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        List<String> pids = new ArrayList<>();
        try (InputStream in = xml.openStream()) {
            NodeList props = f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                if ("service.pid".equals(p.getAttribute("name"))) {
                    pids.add(p.getAttribute("value").trim());
                }
            }
        }
        return pids;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        if (!check.ok()) {
            fail("timed out waiting for: " + what);
        }
    }
}
