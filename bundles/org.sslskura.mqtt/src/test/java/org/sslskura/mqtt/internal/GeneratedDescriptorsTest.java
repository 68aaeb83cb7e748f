package org.sslskura.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What bnd generated into target/classes, checked against what Kura 5 needs (kura.md §2a and §7): DS 1.4 at most
 * (Felix SCR 2.1.16), metatype OCD id = PID with unprefixed elements (Kura's parser is not namespace-aware) and only
 * the attribute types Kura's {@code Tscalar} knows, Paho inside the bundle (neither imported nor exported).
 */
class GeneratedDescriptorsTest {

    private static final Set<String> KURA_TYPES = Set.of("String", "Long", "Double", "Float", "Integer", "Byte",
            "Char", "Boolean", "Short", "Password");

    private static Path classes() throws Exception {
        return Paths.get(MqttLinkComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Document parse(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " was not generated");
        DocumentBuilderFactory kuraLike = DocumentBuilderFactory.newInstance();
        try (InputStream in = Files.newInputStream(file)) {
            return kuraLike.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void manifestResolvesOnKura5() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes main = manifest.getMainAttributes();
        String requirements = main.getValue("Require-Capability");
        assertTrue(requirements.contains("(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0))"),
                requirements);
        String imports = main.getValue("Import-Package");
        // Paho is private to this bundle, as in Kura's own bundles: a Paho bundle of another package cannot clash
        assertFalse(imports.contains("org.eclipse.paho"), "Paho is not imported: " + imports);
        assertFalse(String.valueOf(main.getValue("Export-Package")).contains("org.eclipse.paho"), "nor exported");
        assertTrue(Files.isRegularFile(classes().resolve("org/eclipse/paho/client/mqttv3/MqttAsyncClient.class")),
                "Paho's classes in the bundle");
        assertTrue(Files.isRegularFile(classes().resolve(
                "META-INF/services/org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory")),
                "the services file Paho finds its network modules by");
        assertFalse(imports.contains("org.osgi.service.component"), "annotations are build-time only: " + imports);
        assertEquals("OSGI-INF/" + MqttLinkComponent.PID + ".xml", main.getValue("Service-Component"));
    }

    @Test
    void componentDescriptorUsesAtMostDs14() throws Exception {
        Element root = parse(classes().resolve("OSGI-INF/" + MqttLinkComponent.PID + ".xml")).getDocumentElement();
        String namespace = root.getAttribute("xmlns:scr");
        assertTrue(namespace.matches("http://www\\.osgi\\.org/xmlns/scr/v1\\.[0-4]\\.0"), namespace);
        assertEquals(MqttLinkComponent.PID, root.getAttribute("name"));
        assertEquals("require", root.getAttribute("configuration-policy"));
        assertEquals("modified", root.getAttribute("modified"));
    }

    @Test
    void metatypeIsWhatKurasParserAccepts() throws Exception {
        Document doc = parse(classes().resolve("OSGI-INF/metatype/" + MqttLinkComponent.PID + ".xml"));
        NodeList ocds = doc.getElementsByTagName("OCD");
        assertEquals(1, ocds.getLength(), "one unprefixed OCD element");
        Element ocd = (Element) ocds.item(0);
        assertEquals(MqttLinkComponent.PID, ocd.getAttribute("id"));
        Element designate = (Element) doc.getElementsByTagName("Designate").item(0);
        assertNotNull(designate);
        assertEquals(MqttLinkComponent.PID, designate.getAttribute("pid"));

        Map<String, String> types = new HashMap<>();
        NodeList ads = ocd.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            types.put(ad.getAttribute("id"), ad.getAttribute("type"));
        }
        assertEquals(Map.of("broker.url", "String", "client.id", "String", "username", "String", "password",
                "Password", "qos", "Integer", "clean.session", "Boolean", "keep.alive.seconds", "Integer",
                "max.inflight", "Integer"), types);
        assertTrue(KURA_TYPES.containsAll(types.values()));
    }
}
