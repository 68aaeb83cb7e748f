package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.sslskura.testing.GeneratedDescriptors;

/**
 * Checks what bnd generated into target/classes (bnd-process runs before the tests) against what Kura 5 accepts
 *: metatype file named by the PID, OCD id = PID, unprefixed OCD/AD, no Character type;
 * DS namespace at most 1.4 and an extender requirement Felix SCR 2.1.16 satisfies.
 */
class GeneratedDescriptorsTest {
    private static final String PID = IdentityStoreComponent.PID;

    private static String resource(String name) throws Exception {
        return GeneratedDescriptors.resource(GeneratedDescriptorsTest.class, name);
    }

    @Test
    void metatype_isNamedByThePidAndKuraReadable() throws Exception {
        assertEquals("org.sslskura.identity.IdentityStore", PID);
        String xml = GeneratedDescriptors.kuraReadableMetatype(GeneratedDescriptorsTest.class, PID);
        assertFalse(xml.contains("type=\"Character\"") || xml.contains("type=\"Char\""));
        for (String id : new String[] {"identity.directory", "identity.curve", "trust.policy", "trusted.peers"}) {
            assertTrue(xml.contains("<AD id=\"" + id + "\" type=\"String\""), id);
        }
        assertTrue(xml.contains("value=\"trust-on-first-use\""));
    }

    @Test
    void component_usesDs14AtMost() throws Exception {
        String xml = resource("OSGI-INF/" + PID + ".xml");
        assertTrue(xml.contains("xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"")
                || xml.contains("xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\""), xml);
        assertTrue(xml.contains("configuration-pid=\"" + PID + "\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.sslskura.api.IdentityStore\"/>"), xml);

        URL component = GeneratedDescriptorsTest.class.getResource("/OSGI-INF/" + PID + ".xml");
        URL manifestUrl = new URL(component, "../META-INF/MANIFEST.MF");
        try (InputStream in = manifestUrl.openStream()) {
            Manifest mf = new Manifest(in);
            assertEquals("org.sslskura.identity", mf.getMainAttributes().getValue("Bundle-SymbolicName"));
            String req = mf.getMainAttributes().getValue("Require-Capability");
            assertTrue(req.contains("(osgi.extender=osgi.component)(version>=1.4.0)")
                    || req.contains("(osgi.extender=osgi.component)(version>=1.3.0)"), req);
            assertFalse(req.contains("version>=1.5"), req);
            assertEquals(null, mf.getMainAttributes().getValue("Export-Package"), "implementation stays private");
        }
    }
}
