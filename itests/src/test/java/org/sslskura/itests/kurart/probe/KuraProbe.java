package org.sslskura.itests.kurart.probe;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A bundle started at level 6 in Kura's configuration runtime (one per Kura run) that plays the user of one phase of
 * {@code KuraRuntimeIT}, writes what it saw into a properties file and stops the framework. The test JVM asserts on
 * that file. Framework (system) properties: {@code ssls.probe.phase} ({@code first} or {@code restart}),
 * {@code ssls.probe.out} (the result file), {@code ssls.probe.dp} and {@code ssls.probe.dp.example} (the .dps to install in phase
 * first).
 */
public final class KuraProbe implements BundleActivator {
    private static final long PHASE_SECONDS = 180;

    @Override
    public void start(BundleContext context) {
        // off the framework's start-level thread: the phase waits for bundles that start after this one
        Thread t = new Thread(() -> run(context), "ssls-kura-probe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop(BundleContext context) {
    }

    private static void run(BundleContext context) {
        Properties facts = new Properties();
        Path out = Path.of(context.getProperty("ssls.probe.out"));
        try {
            Services services = new Services(context,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_SECONDS));
            Phases phases = new Phases(context, services, facts);
            String phase = context.getProperty("ssls.probe.phase");
            if ("first".equals(phase)) {
                phases.first(Path.of(context.getProperty("ssls.probe.dp")),
                        Path.of(context.getProperty("ssls.probe.dp.example")));
            } else if ("restart".equals(phase)) {
                phases.restart();
            } else {
                throw new IllegalArgumentException("unknown ssls.probe.phase " + phase);
            }
            facts.setProperty("done", "true");
        } catch (Throwable e) {
            StringWriter w = new StringWriter();
            e.printStackTrace(new PrintWriter(w));
            facts.setProperty("error", w.toString());
        } finally {
            try (OutputStream o = Files.newOutputStream(out)) {
                facts.store(o, "ssls Kura runtime probe");
            } catch (Exception e) {
                e.printStackTrace();
            }
            try {
                context.getBundle(0).stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }
}
