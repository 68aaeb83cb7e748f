package org.sslskura.itests;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The two Kura-like runtimes (system property {@code ssls.runtime}, set by the failsafe execution; the framework jar
 * itself is on that execution's classpath). Every bundle is an offline {@code mvn:} URL resolved from ~/.m2 by
 * pax-url-aether; itests/pom.xml fetches the same list (execution runtime-bundles): keep both in step.
 */
final class OsgiRuntime {
    static final String KURA5 = "kura5";
    static final String KURA6 = "kura6";

    private OsgiRuntime() {
    }

    static String name() {
        return System.getProperty("ssls.runtime", KURA6);
    }

    /** Options built with plain ifs: versionAsInProject()/when() would be evaluated eagerly (build.md §7.6). */
    static List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(cleanCaches());
        o.add(junitBundles());
        o.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        o.add(systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"));
        if (KURA5.equals(name())) {
            // Kura 5.5 (kura.md §1.3): Equinox 3.16.0 on the classpath; OSGi cmpn APIs from org.eclipse.osgi.services
            // 3.9.0 and org.eclipse.osgi.util 3.5.300 (promise/function), as in Kura's target platform
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.osgi.services", "3.9.0"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.osgi.util", "3.5.300"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.equinox.cm", "1.4.400"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.equinox.metatype", "1.5.300"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.equinox.event", "1.5.500"));
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.scr", "2.1.16"));
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.dependencymanager", "3.0.0"));
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.deploymentadmin", "0.9.5"));
            // Kura installs Bouncy Castle at start level 3 without starting it; the .dp must not ship it
            o.add(mavenBundle("org.bouncycastle", "bcprov-jdk18on", "1.78.1").noStart());
            o.add(mavenBundle("org.bouncycastle", "bcutil-jdk18on", "1.78.1").noStart());
            o.add(mavenBundle("org.bouncycastle", "bcpkix-jdk18on", "1.78.1").noStart());
        } else {
            // Kura 6 (develop): Equinox 3.21.0, Felix SCR 2.2.12 (imports the DS API instead of exporting it)
            o.add(mavenBundle("org.osgi", "org.osgi.util.function", "1.2.0"));
            o.add(mavenBundle("org.osgi", "org.osgi.util.promise", "1.3.0"));
            o.add(mavenBundle("org.osgi", "org.osgi.service.component", "1.5.1"));
            o.add(mavenBundle("org.osgi", "org.osgi.service.cm", "1.6.1"));
            o.add(mavenBundle("org.osgi", "org.osgi.service.metatype", "1.4.1"));
            o.add(mavenBundle("org.osgi", "org.osgi.service.coordinator", "1.0.2"));
            o.add(mavenBundle("org.osgi", "org.osgi.service.event", "1.4.1"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.equinox.cm", "1.6.100"));
            o.add(mavenBundle("org.eclipse.platform", "org.eclipse.equinox.metatype", "1.6.500"));
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.scr", "2.2.12"));
            // Kura 6 moved DeploymentAdmin to the separate kura-deployment add-on; the same Felix 0.9.5 is used here
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.dependencymanager", "3.0.0"));
            o.add(mavenBundle("org.apache.felix", "org.apache.felix.deploymentadmin", "0.9.5"));
        }
        return o;
    }
}
