package org.sslskura.transport.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File-system operations of a directory of durable state (the queue's, the delivered-ids journal's): owner-only
 * directory (0700) and files (0600), the directory lock, crash-safe replacement (temp file in the same directory,
 * forced, renamed atomically, directory forced) and removal of temp files a crash left behind. On a file system
 * without POSIX permissions the permissions are left to the platform, and a directory that cannot be opened for fsync
 * (Windows) is not forced.
 *
 * <p>Public for the rest of the transport bundle only: the package is not exported.
 */
public final class QueueFiles {
    static final String LOG_FILE = "queue.log";
    static final String IDS_FILE = "ids";
    static final String LOCK_FILE = "lock";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private static final Logger LOG = LoggerFactory.getLogger(QueueFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";

    /** Writes the content of a new file, from position 0. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content through {@code ch} (the caller forces it). */
        void writeTo(LogChannel ch) throws IOException;
    }

    private QueueFiles() {
    }

    /** @return whether the file system of {@code path} has POSIX permissions */
    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and missing parents with mode 0700 if absent. */
    public static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            warnIfOpen(dir);
            return;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        if (isPosix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            Files.setPosixFilePermissions(dir, OWNER_DIR); // exact mode whatever the umask
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void warnIfOpen(Path dir) throws IOException {
        if (isPosix(dir) && !OWNER_DIR.containsAll(Files.getPosixFilePermissions(dir))) {
            LOG.warn("directory {} has mode {}: it should be accessible to its owner only (chmod go-rwx)", dir,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    /** Sets an existing file to 0600 if group or others have any access, with a warning. */
    public static void restrictToOwner(Path file) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(perms)) {
            LOG.warn("file {} had mode {}; setting rw------- (it may hold application data)", file,
                    PosixFilePermissions.toString(perms));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /**
     * Takes an exclusive lock on {@code dir/lock}, so that two instances (in this JVM or in two processes) never write
     * the same files. The lock is released by closing the returned object (or by the process ending).
     *
     * @throws IOException if the directory is already in use
     */
    public static Closeable lockDirectory(Path dir) throws IOException {
        Path file = dir.resolve(LOCK_FILE);
        // AsynchronousFileChannel: tryLock on an interrupted thread must not fail (see LogChannel)
        AsynchronousFileChannel ch = isPosix(dir)
                ? AsynchronousFileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        null, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : AsynchronousFileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("directory " + dir + " is already open (in this or another process)");
        }
        restrictToOwner(file);
        return ch; // closing the channel releases the lock
    }

    /**
     * Deletes the temp files an interrupted replacement of one of {@code names} left ({@code .NAME.*.tmp}); other
     * files are left alone.
     */
    public static void removeStaleTemps(Path dir, String... names) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + "*" + TEMP_SUFFIX)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                if (Arrays.stream(names).anyMatch(name -> file.startsWith("." + name + "."))) {
                    LOG.info("removing {} left by an interrupted write", f);
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Writes a temp file next to {@code name} in {@code dir} (mode 0600 from creation) and forces it.
     *
     * @return the temp file, for {@link #moveAtomically}; on failure it is removed
     */
    public static Path writeTemp(Path dir, String name, Content content) throws IOException {
        Path tmp = createTemp(dir, name);
        boolean written = false;
        try {
            try (LogChannel ch = LogChannel.open(tmp)) {
                content.writeTo(ch);
                ch.force();
            }
            written = true;
            return tmp;
        } finally {
            if (!written) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Renames {@code tmp} over {@code target} atomically (a reader sees the old or the new file). */
    public static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + tmp + " atomically", e);
        }
    }

    /**
     * Makes renames in {@code dir} durable. Skipped with a debug message where a directory cannot be opened (Windows);
     * a failing fsync throws.
     */
    public static void syncDirectory(Path dir) throws IOException {
        LogChannel ch;
        try {
            ch = LogChannel.openDirectory(dir);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync of {} not supported: {}", dir, e.toString());
            return;
        }
        try (ch) {
            ch.forceDirectory();
        }
    }

    /** Replaces {@code dir/name} with {@code content}: temp file, force, atomic rename, directory force. */
    public static void replace(Path dir, String name, Content content) throws IOException {
        Path tmp = writeTemp(dir, name, content);
        try {
            moveAtomically(tmp, dir.resolve(name));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Deletes {@code file} if present; a failure is only logged. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", file, e.toString());
        }
    }

    /** Closes {@code c} (if not null); a failure is only logged. */
    public static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", c, e.toString());
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        if (!isPosix(dir)) {
            return Files.createTempFile(dir, prefix, TEMP_SUFFIX);
        }
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path tmp = Files.createTempFile(dir, prefix, TEMP_SUFFIX, attr);
        Files.setPosixFilePermissions(tmp, OWNER_ONLY); // exact mode whatever the umask
        return tmp;
    }
}
