package org.sslskura.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what bnd generated into a bundle's classes (DS and metatype XML) for descriptor tests. */
public final class GeneratedDescriptors {
    private GeneratedDescriptors() {
    }

    /** @return the resource {@code name} on {@code anchor}'s class path, as text; fails if it is missing */
    public static String resource(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream("/" + name)) {
            assertNotNull(in, name + " missing: run the build through Maven (bnd-process)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Asserts the metatype of {@code pid} is where Kura looks (OSGI-INF/metatype/PID.xml), with OCD id and Designate pid
     * equal to the PID and unprefixed children (Kura's parser is not namespace-aware).
     *
     * @return the metatype XML
     */
    public static String kuraReadableMetatype(Class<?> anchor, String pid) throws IOException {
        String xml = resource(anchor, "OSGI-INF/metatype/" + pid + ".xml");
        assertTrue(xml.contains("<OCD id=\"" + pid + "\""), xml);
        assertTrue(xml.contains("<Designate pid=\"" + pid + "\""), xml);
        assertFalse(xml.contains("<metatype:OCD") || xml.contains("<metatype:AD"), "children must be unprefixed");
        return xml;
    }
}
