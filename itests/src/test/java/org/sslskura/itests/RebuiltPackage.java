package org.sslskura.itests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.function.UnaryOperator;

/**
 * A copy of a built deployment package as a later build of the same sources makes it: identical content, the package's
 * version and every bundle's version (in the package's Name: sections and in the bundle's own manifest) passed through
 * functions, e.g. to a newer build qualifier. Bundle versions kept as they are give what a build without bundle
 * qualifiers produced.
 */
final class RebuiltPackage {
    private RebuiltPackage() {
    }

    /** The package's bytes with its version mapped by {@code packageVersion}, every bundle's by {@code version}. */
    static byte[] of(File dp, UnaryOperator<String> packageVersion, UnaryOperator<String> version)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(dp.toPath()))) {
            Manifest manifest = new Manifest(in.getManifest());
            remap(manifest.getMainAttributes(), "DeploymentPackage-Version", packageVersion);
            for (Attributes section : manifest.getEntries().values()) {
                remap(section, "Bundle-Version", version);
            }
            // the package's manifest must stay the first entry: Deployment Admin reads the package as a stream
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                Map<String, Attributes> sections = manifest.getEntries();
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    Attributes section = sections.get(e.getName());
                    if (section != null && section.getValue("Bundle-SymbolicName") != null) {
                        jar.write(bundle(in, version));
                    } else {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * @param builds how many builds later
     * @return the version a later build gives: the same version with its numeric build qualifier increased
     */
    static UnaryOperator<String> laterBuild(int builds) {
        return version -> {
            int dot = version.lastIndexOf('.');
            return version.substring(0, dot + 1) + (Long.parseLong(version.substring(dot + 1)) + builds);
        };
    }

    /** One bundle of the package with its Bundle-Version mapped. */
    private static byte[] bundle(InputStream source, UnaryOperator<String> version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JarInputStream in = new JarInputStream(source); // not closed: that would close the package stream
        Manifest manifest = new Manifest(in.getManifest());
        remap(manifest.getMainAttributes(), "Bundle-Version", version);
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                jar.putNextEntry(new JarEntry(e.getName()));
                in.transferTo(jar);
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void remap(Attributes attributes, String name, UnaryOperator<String> version) {
        attributes.putValue(name, version.apply(attributes.getValue(name)));
    }
}
