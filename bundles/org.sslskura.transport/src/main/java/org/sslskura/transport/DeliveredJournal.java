package org.sslskura.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.transport.queue.LogChannel;
import org.sslskura.transport.queue.QueueFiles;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.Hit;

/**
 * Keeps delivered message ids across restarts, so that a collector suppresses duplicates of messages it delivered
 * before a restart.
 *
 * <h2>File</h2> {@code delivered-ids} in its own directory (created 0700; the file 0600; a {@code lock} file held
 * while open, so one instance per directory): records {@code HIT (16) || message id (8, big-endian)}, appended in
 * delivery order. {@link #record} appends without forcing; {@link #sync} forces everything appended so far with one
 * force (group commit), and the acknowledgments of those messages go out only after it returned.
 *
 * <h2>Recovery</h2> Records are fixed-size and appended whole, so a crash mid-append can only leave a last record
 * shorter than 24 bytes: open ignores it and cuts the file back to the last whole record.
 *
 * <h2>Compaction</h2> Once the file holds more than four times as many records as the ids still remembered (and
 * more than four times the window), {@link #sync} (after its force) and open rewrite it with the remembered ids only:
 * temp file (0600), forced, renamed atomically over the journal, directory forced, then appends go on in the new
 * file. A compaction that fails before the rename only logs a warning; the old file is still complete.
 *
 * <h2>Errors</h2> A failed write, force, or step after the rename leaves the durable state unknown: the journal is
 * then failed, and every later {@link #record} and {@link #sync} throws until it is reopened.
 *
 * <p>Thread-safe.
 */
final class DeliveredJournal implements DeliveredIds.Journal, Closeable {
    static final String FILE = "delivered-ids";
    static final int RECORD = HipConstants.HIT_LENGTH + Long.BYTES;
    /** Compaction starts above this many records per remembered id (and per id of the window). */
    static final int COMPACT_FACTOR = 4;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredJournal.class);
    /** Bounded read and compaction buffer: a whole number of records. */
    private static final int BUFFER = RECORD * 2048;

    private final Path dir;
    private final Path file;
    private final long minCompactAfter;
    private final Closeable dirLock;
    private final ByteBuffer one = ByteBuffer.allocate(RECORD);
    private Supplier<List<Map.Entry<Hit, Long>>> remembered;
    private LogChannel channel;
    private long end;
    /** The record count above which the remembered ids are counted again (to decide on a compaction). */
    private long nextCheck;
    private boolean dirty;
    private IOException failed;
    /** Held for a whole {@link #sync}: one at a time. */
    private final Object syncing = new Object();
    private boolean closed;
    /** Forces of appended records, for tests. */
    long forces;

    private DeliveredJournal(Path dir, int window, Closeable dirLock, LogChannel channel, long end) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.minCompactAfter = (long) COMPACT_FACTOR * Math.max(1, window);
        this.dirLock = dirLock;
        this.channel = channel;
        this.end = end;
        this.nextCheck = minCompactAfter;
    }

    /**
     * Opens (or creates) the journal in {@code directory}, loads its ids into {@code ids} (through {@link
     * DeliveredIds#restore}) and compacts the file if it has grown large. Until a {@link DeliveredIds} is given this
     * journal, a compaction keeps what {@code ids} remembers.
     *
     * @param directory created with mode 0700 if absent; holds nothing else of the caller's
     * @param window the ids remembered per sender (the compaction threshold is at least four times this)
     * @throws IOException if the directory is in use by another instance, or the file cannot be read or created
     */
    static DeliveredJournal open(Path directory, int window, DeliveredIds ids) throws IOException {
        Path dir = directory.toAbsolutePath();
        QueueFiles.ensureDirectory(dir);
        Closeable dirLock = QueueFiles.lockDirectory(dir);
        LogChannel ch = null;
        try {
            QueueFiles.removeStaleTemps(dir, FILE);
            Path file = dir.resolve(FILE);
            if (!Files.exists(file)) {
                QueueFiles.replace(dir, FILE, c -> { }); // created 0600, and durable before the first record
            }
            QueueFiles.restrictToOwner(file);
            ch = LogChannel.open(file);
            long end = load(ch, file, ids);
            DeliveredJournal j = new DeliveredJournal(dir, window, dirLock, ch, end);
            ch = null; // owned by j from here (a compaction replaces it)
            j.remembered = ids::remembered;
            try {
                j.compactIfLarge();
                j.throwIfFailed();
            } catch (IOException | RuntimeException | Error e) {
                QueueFiles.closeQuietly(j.channel);
                throw e;
            }
            return j;
        } catch (IOException | RuntimeException | Error e) {
            QueueFiles.closeQuietly(ch);
            QueueFiles.closeQuietly(dirLock);
            throw e;
        }
    }

    /** Streams the whole records into {@code ids}, cuts a torn last record; returns the end of the last whole one. */
    private static long load(LogChannel ch, Path file, DeliveredIds ids) throws IOException {
        long size = ch.size();
        long end = size - size % RECORD;
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        byte[] hit = new byte[HipConstants.HIT_LENGTH];
        for (long pos = 0; pos < end; ) {
            buf.clear().limit((int) Math.min(BUFFER, end - pos));
            if (ch.read(buf, pos) != buf.limit()) {
                throw new IOException("delivered-ids journal " + file + " shrank while being read");
            }
            buf.flip();
            while (buf.hasRemaining()) {
                buf.get(hit);
                ids.restore(Hit.of(hit), buf.getLong());
            }
            pos += buf.limit();
        }
        if (end < size) {
            LOG.warn("delivered-ids journal {}: ignoring a torn last record of {} bytes (cut back to {} bytes)", file,
                    size - end, end);
            ch.truncate(end);
            ch.force();
        }
        return end;
    }

    /** Keeps the ids {@code ids} returns (rather than those open loaded into) when the journal compacts itself. */
    @Override
    public synchronized void attach(Supplier<List<Map.Entry<Hit, Long>>> ids) {
        this.remembered = ids;
    }

    @Override
    public synchronized void record(Hit peer, long id) throws IOException {
        throwIfFailed();
        one.clear();
        one.put(peer.bytes()).putLong(id).flip();
        try {
            channel.writeFully(one, end);
        } catch (IOException e) {
            throw fail("write", e);
        }
        end += RECORD;
        dirty = true;
    }

    /**
     * Forces without holding the journal's lock, so that {@link #record} (the transport thread) goes on while the disk
     * syncs; syncs run one at a time, and only a sync replaces the file, so the channel forced is the current one.
     */
    @Override
    public void sync() throws IOException {
        synchronized (syncing) {
            LogChannel ch;
            synchronized (this) {
                throwIfFailed();
                if (!dirty) {
                    return;
                }
                dirty = false; // a record appended during the force sets it again: the next sync covers it
                ch = channel;
            }
            try {
                ch.force();
            } catch (IOException e) {
                synchronized (this) {
                    throw fail("force", e);
                }
            }
            synchronized (this) {
                forces++;
                // The records are durable: a compaction that fails from here on fails the journal but not this sync.
                compactIfLarge();
            }
        }
    }

    /** @return the number of records in the file */
    synchronized long records() {
        return end / RECORD;
    }

    /** @return the open file, so that a test can make its writes and forces fail for real (by closing it) */
    synchronized LogChannel channel() {
        return channel;
    }

    /** Forces what was appended (unless the journal failed) and releases the file and the directory. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed == null && dirty) {
                channel.force();
            }
        } finally {
            QueueFiles.closeQuietly(channel);
            QueueFiles.closeQuietly(dirLock);
        }
    }

    private void throwIfFailed() throws IOException {
        if (closed) {
            throw new IOException("delivered-ids journal " + file + " is closed");
        }
        if (failed != null) {
            throw new IOException("delivered-ids journal " + file + " failed earlier (reopen it): " + failed, failed);
        }
    }

    private IOException fail(String what, IOException e) {
        failed = new IOException("delivered-ids journal " + file + ": " + what + " failed", e);
        return failed;
    }

    /** Rewrites the file with the remembered ids once it holds more than four times as many records. */
    private void compactIfLarge() {
        long records = end / RECORD;
        if (records <= nextCheck) {
            return;
        }
        List<Map.Entry<Hit, Long>> keep = remembered.get();
        long threshold = Math.max(minCompactAfter, (long) COMPACT_FACTOR * keep.size());
        // Remembered ids grow by at most one per record, so they need no counting before this many records;
        // after a failed compaction, wait until the file has doubled before trying again.
        nextCheck = records <= threshold || compact(keep) ? threshold : 2 * records;
    }

    /** @return false if the compaction failed before the rename (the journal goes on in the old file) */
    private boolean compact(List<Map.Entry<Hit, Long>> keep) {
        long before = end / RECORD;
        Path tmp = null;
        try {
            tmp = QueueFiles.writeTemp(dir, FILE, out -> write(keep, out));
            QueueFiles.moveAtomically(tmp, file);
        } catch (IOException e) {
            if (tmp != null) {
                QueueFiles.deleteQuietly(tmp);
            }
            LOG.warn("compaction of {} failed, keeping the current file: {}", file, e.toString());
            return false;
        }
        // The new file is the journal now: a failure from here on leaves its durable state unknown.
        LogChannel old = channel;
        try {
            QueueFiles.syncDirectory(dir);
            channel = LogChannel.open(file);
            end = channel.size();
            LOG.debug("compacted {} from {} to {} records", file, before, end / RECORD);
        } catch (IOException e) {
            LOG.error("delivered-ids journal {} failed after its compaction: {}", file, e.toString());
            fail("compaction", e);
        } finally {
            QueueFiles.closeQuietly(old);
        }
        return true;
    }

    private static void write(List<Map.Entry<Hit, Long>> keep, LogChannel out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long pos = 0;
        for (Map.Entry<Hit, Long> e : keep) {
            if (!buf.hasRemaining()) {
                pos += flush(buf, out, pos);
            }
            buf.put(e.getKey().bytes()).putLong(e.getValue());
        }
        flush(buf, out, pos);
    }

    private static int flush(ByteBuffer buf, LogChannel out, long pos) throws IOException {
        buf.flip();
        int n = buf.remaining();
        out.writeFully(buf, pos);
        buf.clear();
        return n;
    }
}
