package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.sslskura.testing.GeneratedDescriptors;

/**
 * Checks what bnd generated into target/classes against what Kura 5 accepts: metatype named by the PID, OCD id = PID,
 * unprefixed OCD/AD, DS namespace at most 1.4, implementation packages private.
 */
class GeneratedDescriptorsTest {
    private static final String PID = EnvelopeComponent.PID;

    private static String resource(String name) throws Exception {
        return GeneratedDescriptors.resource(GeneratedDescriptorsTest.class, name);
    }

    @Test
    void metatype_isNamedByThePidAndKuraReadable() throws Exception {
        assertEquals("org.sslskura.envelope.Envelope", PID);
        String xml = GeneratedDescriptors.kuraReadableMetatype(GeneratedDescriptorsTest.class, PID);
        assertTrue(xml.contains("<AD id=\"replay.window\" type=\"Integer\""), xml);
        assertTrue(xml.contains("min=\"32\"") && xml.contains("max=\"4096\""), xml);
        assertTrue(xml.contains("<AD id=\"allow.integrity.only\" type=\"Boolean\""), xml);
        assertTrue(xml.contains("<AD id=\"retired.sa.grace.seconds\" type=\"Integer\""), xml);
    }

    @Test
    void component_usesDs14AtMost_andProvidesEnvelope() throws Exception {
        String xml = resource("OSGI-INF/" + PID + ".xml");
        assertTrue(xml.contains("xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"")
                || xml.contains("xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\""), xml);
        assertTrue(xml.contains("configuration-pid=\"" + PID + "\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.sslskura.api.Envelope\"/>"), xml);
        assertTrue(xml.contains("interface=\"org.sslskura.api.KeyExchange\""), xml);
        // a declared service.pid would become a list with the configuration's under Felix SCR 2.1.16 (DS >= 1.3)
        assertFalse(xml.contains("name=\"service.pid\""), xml);

        URL component = GeneratedDescriptorsTest.class.getResource("/OSGI-INF/" + PID + ".xml");
        try (InputStream in = new URL(component, "../META-INF/MANIFEST.MF").openStream()) {
            Manifest mf = new Manifest(in);
            assertEquals("org.sslskura.envelope", mf.getMainAttributes().getValue("Bundle-SymbolicName"));
            String req = mf.getMainAttributes().getValue("Require-Capability");
            assertTrue(req.contains("(osgi.extender=osgi.component)(version>=1.4.0)")
                    || req.contains("(osgi.extender=osgi.component)(version>=1.3.0)"), req);
            assertFalse(req.contains("version>=1.5"), req);
            assertEquals(null, mf.getMainAttributes().getValue("Export-Package"), "implementation stays private");
        }
    }
}
