package org.sslskura.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * What the two deployment packages hold, read from the built files (no framework): their names and files, versions that
 * carry the build qualifier (Deployment Admin replaces an installed bundle only when the version differs), Paho inside
 * the MQTT bundle instead of beside it, and the example application in its own package.
 */
public class PackageContentIT {
    /** major.minor.micro.yyyyMMddHHmmss: the build timestamp as qualifier. */
    private static final Pattern QUALIFIED = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d{14}");
    private static final Set<String> CORE = Set.of("org.sslskura.crypto", "org.sslskura.wire", "org.sslskura.api",
            "org.sslskura.identity", "org.sslskura.mqtt", "org.sslskura.keyexchange", "org.sslskura.envelope",
            "org.sslskura.transport", "org.sslskura.kura");

    @Test
    public void theAddOnPackageIsOrgSslskuraWithQualifiedVersionsAndNoExample() throws Exception {
        Map<String, String> bundles = checkPackage("ssls.it.dp", "ssls.it.dp.file", "org.sslskura");
        assertEquals("exactly the runtime bundles", new TreeSet<>(CORE), new TreeSet<>(bundles.keySet()));
    }

    @Test
    public void theExampleHasAPackageOfItsOwn() throws Exception {
        Map<String, String> bundles =
                checkPackage("ssls.it.dp.example", "ssls.it.dp.example.file", "org.sslskura.example");
        assertEquals(Set.of("org.sslskura.kura.example"), bundles.keySet());
    }

    @Test
    public void pahoIsPrivateToTheMqttBundle() throws Exception {
        try (JarFile dp = new JarFile(file("ssls.it.dp"))) {
            String entry = dp.getManifest().getEntries().entrySet().stream()
                    .filter(e -> "org.sslskura.mqtt".equals(e.getValue().getValue("Bundle-SymbolicName")))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            File mqtt = File.createTempFile("mqtt", ".jar");
            try {
                try (var in = dp.getInputStream(dp.getJarEntry(entry))) {
                    Files.copy(in, mqtt.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                try (JarFile bundle = new JarFile(mqtt)) {
                    Attributes main = bundle.getManifest().getMainAttributes();
                    String imports = main.getValue("Import-Package");
                    assertFalse("Paho is not imported: " + imports, imports.contains("org.eclipse.paho"));
                    String exports = String.valueOf(main.getValue("Export-Package"));
                    assertFalse("Paho is not exported: " + exports, exports.contains("org.eclipse.paho"));
                    assertNotNull("Paho's client inside the bundle",
                            bundle.getEntry("org/eclipse/paho/client/mqttv3/MqttAsyncClient.class"));
                    // Paho finds its tcp:// and ssl:// network modules through this ServiceLoader file
                    assertNotNull(bundle.getEntry(
                            "META-INF/services/org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory"));
                    assertNotNull("Paho's NLS messages", bundle.getEntry(
                            "org/eclipse/paho/client/mqttv3/internal/nls/messages.properties"));
                }
            } finally {
                Files.deleteIfExists(mqtt.toPath());
            }
        }
    }

    /**
     * Checks one package: symbolic name, qualified package version, the installable copy under its stable name, and
     * every bundle's Name: section against the bundle's own manifest. Returns symbolic name -> version.
     */
    private static Map<String, String> checkPackage(String artifactProperty, String fileProperty, String name)
            throws IOException {
        File artifact = file(artifactProperty);
        // the copy users install under its stable name (of the module's last build, which the artifact resolved here
        // may predate when this module is built alone)
        try (JarFile installable = new JarFile(file(fileProperty))) {
            assertEquals(name,
                    installable.getManifest().getMainAttributes().getValue("DeploymentPackage-SymbolicName"));
        }
        Map<String, String> bundles = new TreeMap<>();
        try (JarFile dp = new JarFile(artifact)) {
            Manifest manifest = dp.getManifest();
            Attributes main = manifest.getMainAttributes();
            assertEquals(name, main.getValue("DeploymentPackage-SymbolicName"));
            String version = main.getValue("DeploymentPackage-Version");
            assertTrue("package version with build qualifier: " + version, QUALIFIED.matcher(version).matches());
            for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
                String bsn = section.getValue().getValue("Bundle-SymbolicName");
                String bundleVersion = section.getValue().getValue("Bundle-Version");
                assertNotNull("a bundle section: " + section.getKey(), bsn);
                assertTrue(bsn + " " + bundleVersion + " has a build qualifier",
                        QUALIFIED.matcher(bundleVersion).matches());
                try (var in = dp.getInputStream(dp.getJarEntry(section.getKey()));
                        var jar = new java.util.jar.JarInputStream(in)) {
                    Attributes own = jar.getManifest().getMainAttributes();
                    assertEquals(bsn, own.getValue("Bundle-SymbolicName"));
                    assertEquals("the bundle's own version", bundleVersion, own.getValue("Bundle-Version"));
                }
                assertFalse("Paho is no bundle of the package", bsn.startsWith("org.eclipse.paho"));
                bundles.put(bsn, bundleVersion);
            }
        }
        return bundles;
    }

    private static File file(String property) {
        String path = System.getProperty(property);
        assertNotNull("system property " + property + " (itests/pom.xml)", path);
        File f = new File(path);
        assertTrue("built: " + f, f.isFile());
        return f;
    }
}
