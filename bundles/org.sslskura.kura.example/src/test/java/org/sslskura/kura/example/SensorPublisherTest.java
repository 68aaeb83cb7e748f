package org.sslskura.kura.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.junit.jupiter.api.Test;
import org.sslskura.testing.ComponentConfigs;
import org.w3c.dom.Element;

class SensorPublisherTest {

    private static Path classes() throws Exception {
        return Paths.get(SensorPublisher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aReadingCarriesMetricsOrAJsonBody() {
        SensorPublisherConfig metrics = ComponentConfigs.of(SensorPublisherConfig.class, Map.of("sensor.name", "boiler"));
        KuraMessage m = SensorPublisher.reading(metrics, 3, 21.5, 40.25);
        assertEquals("boiler", m.getProperties().get("assetName"));
        assertEquals(21.5, m.getPayload().getMetric("temperature"));
        assertEquals(3L, m.getPayload().getMetric("sequence"));
        assertNull(m.getPayload().getBody());

        SensorPublisherConfig body = ComponentConfigs.of(SensorPublisherConfig.class,
                Map.of("sensor.name", "boiler", "payload", "body"));
        KuraMessage b = SensorPublisher.reading(body, 4, 21.5, 40.25);
        assertEquals("{\"sensor\":\"boiler\",\"sequence\":4,\"temperature\":21.50,\"humidity\":40.25}",
                new String(b.getPayload().getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void descriptorsAreWhatKuraNeeds() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertTrue(imports.contains("org.eclipse.kura.cloudconnection.publisher;version=\"[1.0,2)\""), imports);
        assertTrue(imports.contains("org.eclipse.kura.configuration;version=\"[1.2,2)\""), imports);
        assertTrue(imports.contains("org.eclipse.kura.message;version=\"[1.4,2)\""), imports);
        assertTrue(manifest.getMainAttributes().getValue("Require-Capability")
                .contains("(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0))"));
        Element ocd;
        try (InputStream in = Files.newInputStream(
                classes().resolve("OSGI-INF/metatype/" + SensorPublisher.PID + ".xml"))) {
            ocd = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("OCD").item(0);
        }
        assertEquals(SensorPublisher.PID, ocd.getAttribute("id"));
        Element target = (Element) ocd.getElementsByTagName("AD").item(0);
        assertEquals("CloudPublisher.target", target.getAttribute("id"));
        assertEquals("(kura.service.pid=changeme)", target.getAttribute("default"));
    }
}
