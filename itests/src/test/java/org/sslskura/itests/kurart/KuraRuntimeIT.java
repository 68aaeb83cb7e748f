package org.sslskura.itests.kurart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.Assume;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.sslskura.itests.kurart.probe.Expectations;

/**
 * The .dp on Kura 5.5's real configuration runtime (ConfigurationService, deployment agent, snapshots; folder given by
 * {@code -Dkura.runtime.dir}, skipped without it). Two Kura runs on one Kura file system, each in its own JVM: the first
 * installs the .dp through Kura's deployment agent, updates every PID through Kura's ConfigurationService, queues
 * messages, creates a publisher as the web UI does, rolls back to a snapshot and restarts our Kura bundle as an
 * upgrade of the .dp does; the second is a Kura restart
 * ({@code osgi.clean=true} wipes the framework storage, the deployment agent reinstalls the .dp).
 */
public class KuraRuntimeIT {
    private static final String RUNTIME_DIR = "kura.runtime.dir";

    private static KuraRun kura;
    private static Properties first;
    private static Properties restart;

    private static final String SKIPPED = "Kura 5.5 runtime tests skipped: -D" + RUNTIME_DIR
            + "=<the kura-runtime folder> not given";

    @BeforeClass
    public static void runKuraTwice() throws Exception {
        String dir = System.getProperty(RUNTIME_DIR, "").trim();
        if (dir.isEmpty()) {
            return; // each test skips with SKIPPED (an assumption here would hide the count of skipped tests)
        }
        Path runtime = Path.of(dir);
        if (!Files.isRegularFile(runtime.resolve("start.sh"))) {
            fail(RUNTIME_DIR + "=" + dir + " holds no start.sh");
        }
        Path work = Path.of(System.getProperty("ssls.it.workdir", "target/kura-runtime-it")).toAbsolutePath();
        deleteTree(work); // a fresh gateway: no Kura file system from an earlier build
        kura = new KuraRun(runtime, work, System.getProperty("ssls.it.m2",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        String dp = System.getProperty("ssls.it.dp", "");
        assertTrue("system property ssls.it.dp names the .dp of module kura-dp: '" + dp + "'",
                !dp.isEmpty() && Files.isRegularFile(Path.of(dp)));
        String example = System.getProperty("ssls.it.dp.example", "");
        assertTrue("system property ssls.it.dp.example names the .dp of module kura-dp-example: '" + example + "'",
                !example.isEmpty() && Files.isRegularFile(Path.of(example)));
        first = kura.run("first", "ssls.probe.dp=" + Path.of(dp).toAbsolutePath(),
                "ssls.probe.dp.example=" + Path.of(example).toAbsolutePath());
        restart = kura.run("restart");
    }

    @Before
    public void requireTheRuntime() {
        Assume.assumeTrue(SKIPPED, kura != null);
    }

    @Test
    public void anSslsConnectionCreatedAsTheWebUiDoesConfiguresTheStackThroughKura_andSurvivesRestart() {
        assertEquals(first.toString(), "org.sslskura.kura.SslsConnection",
                first.getProperty("first.connection.factoryPid"));
        assertEquals(first.toString(), "true", first.getProperty("first.connection.tracked"));
        // what the connection's form wrote into the stack, in Kura's own configuration (and so in its snapshots)
        assertEquals(first.toString(), "(service.pid=org.sslskura.mqtt.MqttLink)",
                first.getProperty("connection.messaging.target"));
        assertEquals(first.toString(), "[" + Expectations.COLLECTOR + "]",
                first.getProperty("connection.identity.peers"));
        assertEquals(restart.toString(), "org.sslskura.kura.SslsConnection",
                restart.getProperty("restart.connection.factoryPid"));
        assertEquals(restart.toString(), "true", restart.getProperty("restart.connection.tracked"));
    }

    @Test
    public void theDpInstallsThroughKurasDeploymentAgent() {
        assertEquals(first.toString(), "true", first.getProperty("dp.successful"));
        assertEquals(first.toString(), "org.sslskura", first.getProperty("dp.name"));
        // the example application, from its own package
        assertEquals(first.toString(), "true", first.getProperty("dp.example.successful"));
        assertEquals(first.toString(), "org.sslskura.example", first.getProperty("dp.example.name"));
    }

    @Test
    public void theIdentityLivesInKurasDataDirectory_ownerOnly_andSurvivesACleanRestart() throws Exception {
        String hit = first.getProperty("hit");
        assertTrue(first.toString(), hit != null && hit.matches("[0-9a-f]{32}"));
        assertEquals("the HIT after a Kura restart", hit, restart.getProperty("hit"));
        Path state = kura.kuraHome().resolve("data/ssls");
        Path identity = state.resolve("identity");
        assertTrue(KuraRun.read(identity.resolve("identity.pub")),
                KuraRun.read(identity.resolve("identity.pub")).contains(hit));
        if (state.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(identity.resolve("identity.key"))));
        }
    }

    @Test
    public void queuedMessagesSurviveACleanRestart() {
        assertEquals(first.toString(), String.valueOf(Expectations.QUEUED), first.getProperty("queue.messages"));
        assertEquals(restart.toString(), String.valueOf(Expectations.QUEUED), restart.getProperty("queue.messages"));
        assertTrue("the queue is in Kura's data directory",
                Files.isDirectory(kura.kuraHome().resolve("data/ssls/queue")));
        assertTrue("the delivered-ids journal beside it",
                Files.isDirectory(kura.kuraHome().resolve("data/ssls/queue-delivered")));
    }

    @Test
    public void theGeneratedMqttClientIdIsKeptInKurasDataDirectory() throws Exception {
        Path id = kura.kuraHome().resolve("data/ssls/mqtt-client-id");
        assertTrue(KuraRun.read(id), KuraRun.read(id).matches("ssls-[0-9a-f]{16}\\s*"));
        if (id.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(id)));
        }
    }

    @Test
    public void everyPidUpdatedThroughKurasConfigurationServiceReachesTheRunningComponent_andSurvivesRestart() {
        for (Map.Entry<String, Object[]> u : Expectations.UPDATES.entrySet()) {
            String pid = u.getKey();
            String key = (String) u.getValue()[0];
            String value = Expectations.text(u.getValue()[1]);
            for (Properties run : new Properties[] {first, restart}) {
                String when = run == first ? "after the update" : "after the restart";
                assertEquals(pid + " " + key + " in Kura's ConfigurationService " + when, value,
                        run.getProperty("kura." + pid));
                String component = run.getProperty("component." + pid, "");
                assertTrue(pid + ": no running component " + when, !component.isEmpty());
                for (String service : component.split(";")) {
                    assertTrue(pid + " " + key + " at the running component " + when + ": " + service,
                            service.endsWith("=" + value));
                }
            }
        }
        assertEquals("TRUST_ON_FIRST_USE", first.getProperty("identity.trustPolicy"));
        assertEquals("TRUST_ON_FIRST_USE", restart.getProperty("identity.trustPolicy"));
    }

    @Test
    public void aPublisherCreatedAsTheWebUiDoesKeepsItsFactoryPidAcrossRollbackAndRestart() {
        for (String when : new String[] {"rollback", "bundleRestart", "restart"}) {
            Properties run = when.equals("restart") ? restart : first;
            assertEquals(when, Expectations.PUBLISHER_FACTORY, run.getProperty(when + ".publisher.factoryPid"));
            assertTrue(when + ": Kura tracks the instance: " + run.getProperty(when + ".kura.tracked"),
                    run.getProperty(when + ".kura.tracked", "").contains(Expectations.PUBLISHER));
        }
    }

    @Test
    public void serviceDotPidIsOneStringOnEveryServiceOfOurs_andKuraTracksEveryPid() {
        for (String when : new String[] {"first", "rollback", "restart"}) {
            Properties run = when.equals("restart") ? restart : first;
            assertEquals(when + ": services whose service.pid is not one String", "",
                    run.getProperty(when + ".servicePid.others"));
            String strings = run.getProperty(when + ".servicePid.strings", "");
            for (String pid : Expectations.UPDATES.keySet()) {
                if (!pid.equals(Expectations.PUBLISHER)) {
                    assertTrue(when + ": " + pid + " among " + strings, strings.contains(pid));
                }
            }
        }
        String tracked = restart.getProperty("restart.kura.tracked", "");
        for (String pid : Expectations.UPDATES.keySet()) {
            assertTrue("Kura tracks " + pid + ": " + tracked, tracked.contains(pid));
        }
        assertNotEquals("", tracked);
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
