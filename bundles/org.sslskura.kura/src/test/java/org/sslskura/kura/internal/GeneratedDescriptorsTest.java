package org.sslskura.kura.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What bnd generated into target/classes, against what Kura needs (docs/KURA.md; decisions §5):
 * Kura import ranges that resolve on every Kura 5.x and 6, DS 1.4 at most, pub/sub factories Kura's Cloud Connections
 * UI accepts, metatype Kura's parser accepts, and ConfigurableComponent registrations for exactly the core PIDs.
 */
class GeneratedDescriptorsTest {
    private static final Set<String> KURA_TYPES = Set.of("String", "Long", "Double", "Float", "Integer", "Byte",
            "Char", "Boolean", "Short", "Password");
    private static final Pattern IMPORT = Pattern.compile("(org\\.eclipse\\.kura[\\w.]*);version=\"([^\"]+)\"");

    static Path classes() throws Exception {
        return Paths.get(CloudEndpointLink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static Document parse(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " was not generated");
        try (InputStream in = Files.newInputStream(file)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in); // not namespace-aware, as Kura
        }
    }

    static Manifest manifest() throws Exception {
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** @return package -> version range of every org.eclipse.kura* import */
    static Map<String, String> kuraImports(String importPackage) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = IMPORT.matcher(importPackage);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void kuraImportRangesResolveOnEveryKura5AndKura6() throws Exception {
        String imports = manifest().getMainAttributes().getValue("Import-Package");
        Map<String, String> expected = new TreeMap<>(Map.of(
                "org.eclipse.kura", "[1.6,2)",
                "org.eclipse.kura.configuration", "[1.2,2)",
                "org.eclipse.kura.crypto", "[1.3,2)",
                "org.eclipse.kura.message", "[1.4,2)",
                "org.eclipse.kura.cloudconnection.listener", "[1.0,2)",
                "org.eclipse.kura.cloudconnection.message", "[1.0,2)",
                "org.eclipse.kura.cloudconnection.subscriber.listener", "[1.0,2)"));
        // we implement @ProviderType interfaces of these (CloudEndpoint, CloudConnectionManager, CloudConnectionFactory,
        // CloudPublisher, CloudSubscriber): provider ranges, 1.0.0 in every Kura 5.0 .. 6.0
        for (String provided : List.of("cloudconnection", "cloudconnection.factory", "cloudconnection.publisher",
                "cloudconnection.subscriber")) {
            expected.put("org.eclipse.kura." + provided, "[1.0,1.1)");
        }
        // SystemService.getKuraDataDirectory(), in Kura 5.0's package version 1.5.0 already
        expected.put("org.eclipse.kura.system", "[1.5,2)");
        assertEquals(expected, kuraImports(imports), imports);
        assertFalse(imports.contains("org.osgi.service.component"), "annotations are build-time only: " + imports);
        assertFalse(imports.contains("org.eclipse.paho"), "the Kura bundle itself needs no Paho: " + imports);
    }

    @Test
    void requiresDs14AtMost() throws Exception {
        String requirements = manifest().getMainAttributes().getValue("Require-Capability");
        assertTrue(requirements.contains("(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0))"),
                requirements);
        String components = manifest().getMainAttributes().getValue("Service-Component");
        for (String c : components.split(",")) {
            String ns = parse(classes().resolve(c)).getDocumentElement().getAttribute("xmlns:scr");
            assertTrue(ns.matches("http://www\\.osgi\\.org/xmlns/scr/v1\\.[0-4]\\.0"), c + ": " + ns);
        }
    }

    @Test
    void pubSubFactoriesAreWhatKurasCloudConnectionsUiLists() throws Exception {
        Map<String, String[]> factories = Map.of(
                RawMqttSecurePublisher.PID, new String[] {"CloudPublisher", KuraNames.RAW_MQTT_CONNECTION},
                RawMqttSecureSubscriber.PID, new String[] {"CloudSubscriber", KuraNames.RAW_MQTT_CONNECTION},
                CloudServiceSecurePublisher.PID, new String[] {"CloudPublisher", KuraNames.CLOUD_SERVICE_CONNECTION},
                CloudServiceSecureSubscriber.PID,
                new String[] {"CloudSubscriber", KuraNames.CLOUD_SERVICE_CONNECTION},
                SslsConnectionSecurePublisher.PID, new String[] {"CloudPublisher", SslsConnection.PID},
                SslsConnectionSecureSubscriber.PID, new String[] {"CloudSubscriber", SslsConnection.PID});
        for (Map.Entry<String, String[]> f : factories.entrySet()) {
            String pid = f.getKey();
            Element root = parse(classes().resolve("OSGI-INF/" + pid + ".xml")).getDocumentElement();
            assertEquals(pid, root.getAttribute("name"));
            assertEquals("require", root.getAttribute("configuration-policy"));
            Map<String, String> props = properties(root);
            assertEquals(pid, props.get("service.pid:String"));
            // DS < 1.3: Felix SCR 2.1.16 replaces the declared service.pid by the configuration's instead of
            // publishing a list of both (which Kura's ConfigurationService cannot read)
            assertEquals("http://www.osgi.org/xmlns/scr/v1.2.0", root.getAttribute("xmlns:scr"), pid);
            assertEquals(f.getValue()[1], props.get("cloud.connection.factory.pid:String"));
            assertEquals("true", props.get("kura.ui.service.hide:Boolean"));
            assertEquals("true", props.get("kura.ui.factory.hide:String"));
            assertTrue(props.containsKey("kura.ui.csf.pid.default:String"));
            assertEquals(List.of("org.eclipse.kura.cloudconnection." + f.getValue()[0].substring(5).toLowerCase()
                    + "." + f.getValue()[0], "org.eclipse.kura.configuration.ConfigurableComponent"), provides(root));

            Document meta = parse(classes().resolve("OSGI-INF/metatype/" + pid + ".xml"));
            Element ocd = single(meta, "OCD");
            assertEquals(pid, ocd.getAttribute("id"));
            Element designate = single(meta, "Designate");
            assertEquals(pid, designate.getAttribute("factoryPid"));
            Map<String, String> types = adTypes(ocd);
            assertTrue(KURA_TYPES.containsAll(types.values()), pid + " " + types);
            boolean raw = f.getValue()[1].equals(KuraNames.RAW_MQTT_CONNECTION);
            assertEquals(raw, types.containsKey(KuraNames.CARRIER), pid + " carrier only for raw MQTT");
            if (f.getValue()[0].equals("CloudPublisher")) {
                assertTrue(types.keySet().containsAll(Set.of(KuraNames.COLLECTORS, KuraNames.APP_TOPIC,
                        KuraNames.DELIVERY)), pid + " " + types);
            } else {
                assertTrue(types.keySet().containsAll(Set.of(KuraNames.APP_TOPIC_FILTER, KuraNames.SENDERS)),
                        pid + " " + types);
            }
        }
    }

    @Test
    void theSslsConnectionTypeIsWhatKurasNewConnectionDialogLists() throws Exception {
        // the factory: a CloudConnectionFactory with the pid hints of Kura's dialog and no configuration of its own
        Element factory = parse(classes().resolve("OSGI-INF/" + SslsConnectionFactory.PID + ".xml"))
                .getDocumentElement();
        assertEquals("ignore", factory.getAttribute("configuration-policy"));
        assertEquals(List.of("org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory"), provides(factory));
        Map<String, String> props = properties(factory);
        assertFalse(props.keySet().stream().anyMatch(k -> k.startsWith("service.pid")), props.toString());
        assertTrue(props.containsKey("kura.ui.csf.pid.default:String"), props.toString());
        assertTrue(props.containsKey("kura.ui.csf.pid.regex:String"), props.toString());

        // the connection: a factory component that is a CloudEndpoint and CloudConnectionManager, configurable in Kura
        Element connection = parse(classes().resolve("OSGI-INF/" + SslsConnection.PID + ".xml")).getDocumentElement();
        assertEquals("require", connection.getAttribute("configuration-policy"));
        assertEquals(List.of("org.eclipse.kura.cloudconnection.CloudEndpoint",
                "org.eclipse.kura.cloudconnection.CloudConnectionManager",
                "org.eclipse.kura.configuration.ConfigurableComponent"), provides(connection));
        Document meta = parse(classes().resolve("OSGI-INF/metatype/" + SslsConnection.PID + ".xml"));
        assertEquals(SslsConnection.PID, single(meta, "OCD").getAttribute("id"));
        assertEquals(SslsConnection.PID, single(meta, "Designate").getAttribute("factoryPid"));
        Map<String, String> types = adTypes(single(meta, "OCD"));
        assertTrue(KURA_TYPES.containsAll(types.values()), types.toString());
        // Kura's web UI offers a dropdown of kura.service.pids only for an attribute <reference name>.target
        assertTrue(types.containsKey(ConnectionSettings.CARRIER_TARGET), types.toString());
        NodeList refs = connection.getElementsByTagName("reference");
        boolean carrierReference = false;
        for (int i = 0; i < refs.getLength(); i++) {
            Element r = (Element) refs.item(i);
            carrierReference |= ConnectionSettings.CARRIER_REFERENCE.equals(r.getAttribute("name"))
                    && "org.eclipse.kura.cloudconnection.CloudEndpoint".equals(r.getAttribute("interface"));
        }
        assertTrue(carrierReference, "a CloudEndpoint reference named " + ConnectionSettings.CARRIER_REFERENCE);
        assertTrue(types.keySet().containsAll(Set.of("carrier", "broker.url", KuraNames.COLLECTORS,
                ConnectionSettings.COLLECTORS_FILE, ConnectionSettings.TRUSTED_PEERS,
                ConnectionSettings.TRUSTED_PEERS_FILE, ConnectionSettings.SUITES)), types.toString());
        assertEquals("Password", types.get("password"));
    }

    @Test
    void everyCorePidIsAConfigurableComponent() throws Exception {
        // the constants of the core components, so a renamed PID fails here
        List<String> corePids = List.of(org.sslskura.identity.IdentityStoreComponent.PID,
                org.sslskura.mqtt.internal.MqttLinkComponent.PID, org.sslskura.keyexchange.KeyExchangeComponent.PID,
                org.sslskura.envelope.EnvelopeComponent.PID,
                org.sslskura.transport.internal.SecureMessagingComponent.PID);
        for (String pid : corePids) {
            String name = "org.sslskura.kura.configurable." + pid.substring(pid.lastIndexOf('.') + 1);
            Element root = parse(classes().resolve("OSGI-INF/" + name + ".xml")).getDocumentElement();
            assertEquals(pid, root.getAttribute("configuration-pid"), name);
            assertEquals("require", root.getAttribute("configuration-policy"), name);
            assertEquals("", root.getAttribute("modified"), name + ": re-registration carries kura.service.pid");
            assertEquals(null, properties(root).get("service.pid:String"),
                    name + ": service.pid comes from the configuration only (SCR would merge two into an array)");
            assertEquals(List.of("org.eclipse.kura.configuration.ConfigurableComponent"), provides(root), name);
        }
    }

    @Test
    void passwordDecoderUsesKurasCryptoService() throws Exception {
        Element root = parse(classes().resolve("OSGI-INF/" + CryptoPasswordDecoder.class.getName() + ".xml"))
                .getDocumentElement();
        assertEquals(List.of("org.sslskura.mqtt.PasswordDecoder"), provides(root));
        Element ref = (Element) root.getElementsByTagName("reference").item(0);
        assertEquals("org.eclipse.kura.crypto.CryptoService", ref.getAttribute("interface"));
    }

    private static Element single(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        assertEquals(1, nodes.getLength(), "one unprefixed " + tag);
        return (Element) nodes.item(0);
    }

    private static Map<String, String> properties(Element root) {
        Map<String, String> out = new HashMap<>();
        NodeList nodes = root.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            out.put(p.getAttribute("name") + ":" + p.getAttribute("type"), p.getAttribute("value"));
        }
        return out;
    }

    private static List<String> provides(Element root) {
        NodeList nodes = root.getElementsByTagName("provide");
        String[] out = new String[nodes.getLength()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Element) nodes.item(i)).getAttribute("interface");
        }
        return List.of(out);
    }

    private static Map<String, String> adTypes(Element ocd) {
        Map<String, String> out = new HashMap<>();
        NodeList ads = ocd.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            out.put(ad.getAttribute("id"), ad.getAttribute("type"));
        }
        return out;
    }
}
