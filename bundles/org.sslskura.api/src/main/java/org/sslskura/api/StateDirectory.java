package org.sslskura.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory where the ssls bundles keep the state that must outlive every framework restart: the identity, the
 * outbound queue, the delivered-ids journal and the generated MQTT client id. Never the bundles' data areas: a clean
 * start ({@code osgi.clean=true}, which Kura uses at every start) wipes those.
 *
 * <p>Exactly one instance is registered as a service (of this class): on Kura by the Kura bundle, rooted at
 * {@code <SystemService.getKuraDataDirectory()>/ssls}; elsewhere by this bundle, rooted at the framework property
 * {@value #ROOT_PROPERTY}, or {@code <user.home>/.sslskura} when that is not set. The root is created with mode 0700.
 */
public final class StateDirectory {
    /** Framework (or system) property naming the state root off Kura. */
    public static final String ROOT_PROPERTY = "org.sslskura.state.dir";
    /** Framework property Kura's start script always sets; its presence means the Kura bundle provides the root. */
    public static final String KURA_HOME_PROPERTY = "kura.home";

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final String origin;

    /**
     * @param root the state root (made absolute)
     * @param origin where the root comes from, for log lines (e.g. "Kura data directory")
     */
    public StateDirectory(Path root, String origin) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** @return the state root (absolute) */
    public Path root() {
        return root;
    }

    /** @return where the root comes from, for log lines */
    public String origin() {
        return origin;
    }

    /**
     * The place of one piece of state, {@code root/name}; the root is created (0700) if absent. If {@code root/name}
     * does not exist but the owner's bundle data area holds {@code name} (where earlier versions kept it), that is
     * moved here first, once, and logged. The caller creates the file or directory itself.
     *
     * @param owner the bundle context of the bundle that owns this state (for the old data area; may be null)
     * @param name a plain file or directory name
     * @return {@code root/name}
     * @throws IOException if the root cannot be created or the old state cannot be moved
     */
    public Path entry(BundleContext owner, String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains(File.separator) || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
        ensureRoot();
        Path target = root.resolve(name);
        File old = owner == null ? null : owner.getDataFile(name);
        if (old != null && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(old.toPath(), LinkOption.NOFOLLOW_LINKS)) {
            moveTree(old.toPath(), target);
            LOG.info("moved {} from the bundle data area {} to {} ({}); it is kept there from now on", name, old,
                    target, origin);
        }
        return target;
    }

    private void ensureRoot() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(root, OWNER_DIR);
            }
            LOG.info("created the ssls state directory {} ({})", root, origin);
        }
    }

    /**
     * Copies then deletes, because the data area and the state root may be on different file systems; a copy cut
     * short is removed again, so the old state stays the only one.
     */
    private static void moveTree(Path from, Path to) throws IOException {
        Path partial = to.resolveSibling(to.getFileName() + ".moving");
        deleteTree(partial);
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path d = partial.resolve(from.relativize(dir).toString());
                    Files.createDirectories(d);
                    restrict(d, OWNER_DIR);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path f = partial.resolve(from.relativize(file).toString());
                    Files.copy(file, f, StandardCopyOption.COPY_ATTRIBUTES);
                    restrict(f, OWNER_FILE);
                    return FileVisitResult.CONTINUE;
                }
            });
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(partial);
            throw new IOException("cannot move " + from + " to " + to + ": " + e, e);
        }
        deleteTree(from);
    }

    // Everything under the state root is the owner's only: keys, queued payloads, peer lists.
    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return root + " (" + origin + ")";
    }
}
