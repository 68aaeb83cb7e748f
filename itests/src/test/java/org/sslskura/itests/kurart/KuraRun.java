package org.sslskura.itests.kurart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.sslskura.itests.kurart.probe.Expectations;

/**
 * One Kura run: the runtime's {@code start.sh} in a child JVM (one JVM per run: Kura's {@code kura.*} system properties
 * are JVM-wide) on a Kura file system that outlives the run, with the probe bundle at start level 6. A run on the same
 * root again is a Kura restart ({@code osgi.clean=true}).
 */
final class KuraRun {
    // by name: the probe's activator is an OSGi type, and this JVM has no framework on its class path
    private static final String PROBE_PACKAGE = Expectations.class.getPackageName();
    private static final String PROBE_ACTIVATOR = PROBE_PACKAGE + ".KuraProbe";
    private static final long RUN_SECONDS = 300;

    private final Path runtimeDir;
    private final Path workDir;
    private final String mavenRepo;

    /**
     * @param runtimeDir the Kura 5.5 configuration runtime (holds start.sh)
     * @param workDir where the Kura file system, the probe jar, the logs and the results go
     * @param mavenRepo the local Maven repository start.sh takes the runtime's Maven Central jars from
     */
    KuraRun(Path runtimeDir, Path workDir, String mavenRepo) {
        this.runtimeDir = runtimeDir;
        this.workDir = workDir;
        this.mavenRepo = mavenRepo;
    }

    /** The simulated file system: {@code root/opt/eclipse/kura} plays /opt/eclipse/kura. */
    Path root() {
        return workDir.resolve("root");
    }

    /** @return Kura's home directory in the simulated file system */
    Path kuraHome() {
        return root().resolve("opt/eclipse/kura");
    }

    /**
     * Starts Kura, lets the probe play {@code phase} and returns what it reported; fails if the run does not end by
     * itself in time or the probe reports an error.
     */
    Properties run(String phase, String... probeProperties) throws Exception {
        Files.createDirectories(workDir);
        Path out = workDir.resolve("probe-" + phase + ".properties");
        Files.deleteIfExists(out);
        Path extra = workDir.resolve("probe-bundles.txt");
        Files.writeString(extra, "6 start " + probeJar().toAbsolutePath() + "\n");
        List<String> cmd = new ArrayList<>(List.of("bash", runtimeDir.resolve("start.sh").toString(),
                "-Dssls.probe.phase=" + phase, "-Dssls.probe.out=" + out.toAbsolutePath()));
        for (String p : probeProperties) {
            cmd.add("-D" + p);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("kura-" + phase + ".log").toFile());
        pb.environment().put("KURA_ROOT", root().toAbsolutePath().toString());
        pb.environment().put("EXTRA_BUNDLES", extra.toAbsolutePath().toString());
        pb.environment().put("TIMEOUT", String.valueOf(RUN_SECONDS));
        pb.environment().put("MAVEN_REPO_LOCAL", mavenRepo);
        Process p = pb.start();
        if (!p.waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("Kura run '" + phase + "' did not end; log: " + workDir.resolve("kura-" + phase
                    + ".log"));
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
            throw new AssertionError("Kura run '" + phase + "' ended with status " + p.exitValue()
                    + (Files.isRegularFile(out) ? "" : " without a probe report") + "; log: "
                    + workDir.resolve("kura-" + phase + ".log"));
        }
        Properties facts = new Properties();
        try (InputStream in = Files.newInputStream(out)) {
            facts.load(in);
        }
        if (facts.getProperty("error") != null) {
            throw new AssertionError("probe failed in Kura run '" + phase + "' (log: " + workDir.resolve("kura-"
                    + phase + ".log") + "):\n" + facts.getProperty("error") + "\nfacts so far: " + facts);
        }
        return facts;
    }

    /** The probe bundle, packed from the compiled test classes of its package. */
    private Path probeJar() throws IOException {
        Path jar = workDir.resolve("ssls-kura-probe.jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", PROBE_PACKAGE);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", PROBE_ACTIVATOR);
        // Kura's and our types are reached by reflection through the services' class loaders: no import of them
        a.putValue("Import-Package", "org.osgi.framework,org.osgi.util.tracker,org.osgi.service.event");
        Path classes;
        try {
            classes = Path.of(Expectations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path dir = classes.resolve(PROBE_PACKAGE.replace('.', '/'));
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, mf);
                Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    /** @return the text of a file of the run's Kura file system, for failure messages */
    static String read(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<missing " + p + ">";
    }
}
