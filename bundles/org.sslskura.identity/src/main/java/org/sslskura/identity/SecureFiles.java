package org.sslskura.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations of the identity store: owner-only directories and files, bounded reads, and crash-safe replacement
 * (temp file in the same directory, created with its final permissions, fsync'ed, then renamed atomically, then the
 * directory fsync'ed). On a file system without POSIX permissions the permissions are left to the platform.
 */
final class SecureFiles {
    /** Private key files: {@code rw-------}. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Public, non-secret files: {@code rw-r--r--} (still inside an owner-only directory). */
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    /** Directories: {@code rwx------}. */
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private static final Logger LOG = LoggerFactory.getLogger(SecureFiles.class);
    private static final Set<PosixFilePermission> GROUP_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecureFiles() {
    }

    static boolean isPosix(Path anyPathOnTheFileSystem) {
        return anyPathOnTheFileSystem.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} (and missing parents) with mode 0700 if absent; warns if an existing directory is open to
     * group or others.
     *
     * @throws IdentityException if it cannot be created or is not a directory
     */
    static void ensureDirectory(Path dir) throws IdentityException {
        try {
            if (Files.isDirectory(dir)) {
                warnIfOpen(dir, "identity directory");
                return;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IdentityException(dir + " exists and is not a directory");
            }
            if (isPosix(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                Files.setPosixFilePermissions(dir, OWNER_DIR); // exact mode whatever the umask
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw e instanceof IdentityException ? (IdentityException) e
                    : new IdentityException("cannot create identity directory " + dir + ": " + e, e);
        }
    }

    /** Logs a warning if {@code path} is readable, writable or searchable by group or others. */
    static void warnIfOpen(Path path, String what) {
        if (!isPosix(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.stream().anyMatch(GROUP_OTHER::contains)) {
                LOG.warn("{} {} has mode {}: it should be accessible to its owner only (chmod go-rwx)", what, path,
                        PosixFilePermissions.toString(perms));
            }
        } catch (IOException e) {
            LOG.warn("cannot read the permissions of {} {}: {}", what, path, e.toString());
        }
    }

    /**
     * @return the whole file, or null if it does not exist
     * @throws IdentityException if it exists but cannot be read, or is larger than {@code maxBytes}
     */
    static byte[] readIfExists(Path file, int maxBytes) throws IdentityException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new IdentityException(file + " is " + size + " bytes, more than the " + maxBytes + " allowed");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read until full or EOF
            }
            if (buf.hasRemaining()) {
                throw new IdentityException(file + " changed while being read");
            }
            return buf.array();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw e instanceof IdentityException ? (IdentityException) e
                    : new IdentityException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Replaces (or creates) {@code target} with {@code content} so that a reader sees either the old or the new file,
     * never a partial one, and the new file never has wider permissions than {@code perms}, not even briefly. If
     * anything fails the target is unchanged and the temp file is removed.
     */
    static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = createTemp(dir, target.getFileName().toString(), perms);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename " + tmp + " atomically", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("cannot remove the temporary file {}: {}", tmp, e.toString());
                }
            }
        }
    }

    private static Path createTemp(Path dir, String name, Set<PosixFilePermission> perms) throws IOException {
        if (!isPosix(dir)) {
            return Files.createTempFile(dir, "." + name + ".", ".tmp");
        }
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp", attr);
        // The umask can only have removed bits; set the exact mode (never wider than perms) before writing.
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(perms);
        return tmp;
    }

    /** Makes a rename durable (POSIX); silently skipped where directories cannot be opened (Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync of {} not supported: {}", dir, e.toString());
        }
    }
}
