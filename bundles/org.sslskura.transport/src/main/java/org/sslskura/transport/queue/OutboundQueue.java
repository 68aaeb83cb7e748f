package org.sslskura.transport.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent, bounded queue of outbound messages: a message appended here is on disk before {@link #append}
 * returns, and stays (across restarts and crashes) until {@link #acknowledge} records that the peer received it end
 * to end. {@link #pending()} is what to resend after a restart.
 *
 * <h2>Files</h2> In the queue directory (created 0700): {@code queue.log} (the log), {@code ids} (see {@link
 * MessageIds}), {@code lock} (held while open, so one instance per directory); all 0600. Temp files {@code .*.tmp}
 * exist only during a replacement and are removed on open if a crash left one. The log holds application topics and
 * bodies <b>in plaintext</b>: it is the device's own data at rest, protected by the file permissions (and by disk
 * encryption where the device has it), like the data the application had before handing it over.
 *
 * <h2>Log format</h2> (all integers big-endian)
 *
 * <pre>
 * file    = header record*
 * header  = "SSLSQL" version(2) = 0x0001
 * record  = type(1) length(4) crc32(4) payload(length)       crc32 = CRC-32 of type, length and payload
 * type 1 APPEND payload = id(8) peerHit(16) options(4) enqueuedAtMillis(8)
 *                         topicLength(2) topic(UTF-8) bodyLength(4) body     lengths must add up exactly
 * type 2 ACK    payload = id(8)
 * </pre>
 *
 * APPEND ids strictly increase along the file. Lengths read back are bounded before allocation: by the bytes left in
 * the file, topic by 65535, body by {@link QueueLimits#maxBytes()}.
 *
 * <h2>Durability and recovery</h2> Append puts its record at the end of the log and forces it ({@code force(false)})
 * before returning; concurrent callers share one force (group commit): records wait in a write-behind buffer, and the
 * caller that leads the next force writes all of them in one write and then forces. Acknowledge adds its record
 * the same way without forcing it: it reaches the operating system with the next {@link #flush}, forced append or
 * close (then it survives a crash of the process), and the disk with the next force; if a crash before that or a
 * power failure loses it, the message is sent once more and suppressed as a duplicate by the receiver. Without forced appends ({@link #forceEachAppend}), every record is written to the file at once.
 * On open, a last record shorter than its length (incomplete header, or a length past the end of the file) is a
 * torn tail from a crash mid-append: it is discarded with a warning and the file truncated back to the last good
 * record (so is a run of zeros up to the end of the file). A complete record that is damaged (CRC mismatch, unknown
 * type, impossible length), even the last one, damage followed by valid records, or a CRC-valid but malformed record,
 * fails the open with an {@link IOException} and leaves the file untouched: those bytes were confirmed as written (see
 * {@link LogReplay}).
 *
 * <h2>Compaction</h2> When the records of acknowledged messages (and the ACKs) exceed {@value #COMPACT_MIN_DEAD_BYTES}
 * bytes and the live records, and on open if there are any, the live records are written to a temp file, forced and
 * renamed over the log (atomic), and the directory forced. A compaction that fails before the rename only logs a
 * warning.
 *
 * <h2>Errors</h2> {@link QueueFullException}: nothing was written. Another {@link IOException} from append: if an
 * immediate write (appends not forced) failed it was undone and the message is not queued; if the batched write or
 * the force failed the queue becomes unusable (every call throws until it is reopened) because the state on disk is
 * unknown, and the message may or may not be there after reopening.
 *
 * <p>Thread-safe. Methods that write are not interruptible (see {@link LogChannel}); they keep the interrupt status.
 */
public final class OutboundQueue implements AutoCloseable {
    /** Compaction starts once the dead records exceed this many bytes (and the live ones). */
    public static final long COMPACT_MIN_DEAD_BYTES = 1L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
    private static final int COMPACT_BUFFER = 256 * 1024;

    private final Path dir;
    private final Path logFile;
    private final QueueLimits limits;
    private final Clock clock;
    private final MessageIds ids;
    private final Closeable dirLock;
    private final GroupCommit commit = new GroupCommit();
    private volatile boolean forceEachAppend = true;
    private final Object state = new Object();

    /**
     * Records written but not yet handed to the file, in file order, from {@link #unwrittenAt} on (guarded by itself;
     * taken after {@code state} when both are held, and never held while waiting). With forced appends, records are
     * written by the group-commit leader right before its force, in one write: an append then costs the caller a
     * copy, not a file write, and a thousand appends cost one write and one force.
     */
    private final ArrayList<ByteBuffer> unwritten = new ArrayList<>();
    private long unwrittenAt;

    // guarded by state; channel is also read by the group-commit leader (never replaced during a force)
    private final LinkedHashMap<Long, QueuedMessage> live;
    private volatile LogChannel channel;
    private long end;
    private long liveRecordBytes;
    private long bytes;
    private boolean closed;

    private OutboundQueue(Path dir, QueueLimits limits, Clock clock, MessageIds ids, Closeable dirLock,
            LogChannel channel, LogReplay.Result replay) {
        this.dir = dir;
        this.logFile = dir.resolve(QueueFiles.LOG_FILE);
        this.limits = limits;
        this.clock = clock;
        this.ids = ids;
        this.dirLock = dirLock;
        this.channel = channel;
        this.live = replay.live();
        this.end = replay.goodEnd();
        this.liveRecordBytes = replay.liveRecordBytes();
        this.bytes = live.values().stream().mapToLong(QueuedMessage::accountedBytes).sum();
    }

    /**
     * Opens (or creates) the queue in {@code directory} and replays its log.
     *
     * @param directory the queue directory; created with mode 0700 if absent
     * @param limits the bounds for append (a log holding more than they allow still opens, with a warning)
     * @param clock for the enqueue time and the message id restart rule
     * @throws IOException if the directory is in use, unreadable, or its log is corrupt other than at its tail
     */
    public static OutboundQueue open(Path directory, QueueLimits limits, Clock clock) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Path dir = directory.toAbsolutePath();
        QueueFiles.ensureDirectory(dir);
        Closeable dirLock = QueueFiles.lockDirectory(dir);
        LogChannel ch = null;
        try {
            QueueFiles.removeStaleTemps(dir, QueueFiles.LOG_FILE, QueueFiles.IDS_FILE);
            Path log = dir.resolve(QueueFiles.LOG_FILE);
            if (!Files.exists(log)) {
                QueueFiles.replace(dir, QueueFiles.LOG_FILE,
                        c -> c.writeFully(ByteBuffer.wrap(LogFormat.FILE_HEADER), 0));
            }
            QueueFiles.restrictToOwner(log);
            ch = LogChannel.open(log);
            LogReplay.Result replay = replayAndCutTornTail(ch, log, limits);
            MessageIds ids = MessageIds.open(dir, clock, replay.highestId());
            OutboundQueue q = new OutboundQueue(dir, limits, clock, ids, dirLock, ch, replay);
            ch = null; // owned by q from here (a compaction may replace it)
            try {
                q.afterOpen();
            } catch (IOException | RuntimeException | Error e) {
                QueueFiles.closeQuietly(q.channel);
                throw e;
            }
            return q;
        } catch (IOException | RuntimeException | Error e) {
            QueueFiles.closeQuietly(ch);
            QueueFiles.closeQuietly(dirLock);
            throw e;
        }
    }

    private static LogReplay.Result replayAndCutTornTail(LogChannel ch, Path log, QueueLimits limits)
            throws IOException {
        LogReplay.Result replay = LogReplay.replay(ch, log, limits.maxBytes());
        if (replay.torn()) {
            LOG.warn("queue log {}: discarding a torn tail ({}; {} bytes) left by a crash mid-write", log,
                    replay.tornReason(), replay.fileSize() - replay.goodEnd());
            ch.truncate(replay.goodEnd());
            ch.force();
        }
        return replay;
    }

    private void afterOpen() throws IOException {
        if (live.size() > limits.maxMessages() || bytes > limits.maxBytes()) {
            LOG.warn("offline queue {} holds {} messages / {} bytes, above its limits {}; appends fail until "
                    + "acknowledgments bring it below", dir, live.size(), bytes, limits);
        }
        synchronized (state) {
            if (deadBytes() > 0) {
                compact();
            }
        }
    }

    /**
     * Appends a message: assigns its id, writes it and forces it to disk before returning.
     *
     * @param peerHit the peer's HIT, 16 bytes
     * @param topic the application topic (at most 65535 bytes in UTF-8, well-formed)
     * @param body the application payload
     * @param options bit flags, stored unchanged
     * @return the queued message with its id and enqueue time
     * @throws QueueFullException if the message or byte bound would be exceeded (nothing written)
     * @throws IOException if the queue is closed or the write or force failed (see the class comment)
     * @throws IllegalArgumentException if the HIT or topic is invalid
     */
    public QueuedMessage append(byte[] peerHit, String topic, byte[] body, int options)
            throws QueueFullException, IOException {
        Written w = write(peerHit, topic, body, options);
        awaitDurable(w);
        return w.message();
    }

    /** A message written to the log, and the ticket {@link #awaitDurable} waits on. */
    public record Written(QueuedMessage message, long ticket) {
    }

    /**
     * The first half of {@link #append}: assigns the id and writes the record, without waiting for the force. A
     * caller that appends many messages from one thread writes them all, then waits for the last one's
     * {@link #awaitDurable}: one force covers them all (group commit). Until then the message must not be reported
     * accepted.
     *
     * @throws QueueFullException if the message or byte bound would be exceeded (nothing written)
     * @throws IOException if the queue is closed or the write failed (undone)
     */
    public Written write(byte[] peerHit, String topic, byte[] body, int options) throws QueueFullException,
            IOException {
        byte[] hit = QueuedMessage.checkHit(peerHit).clone();
        byte[] topicUtf8 = QueuedMessage.encodeTopic(topic);
        byte[] bodyCopy = Objects.requireNonNull(body, "body").clone();
        QueuedMessage m;
        long seq;
        synchronized (state) {
            ensureUsable();
            checkRoom((long) topicUtf8.length + bodyCopy.length);
            m = new QueuedMessage(ids.next(), hit, topic, topicUtf8, bodyCopy, options, clock.millis());
            seq = write(LogFormat.encodeAppend(m));
            live.put(m.messageId(), m);
            bytes += m.accountedBytes();
            liveRecordBytes += LogFormat.appendRecordLength(m);
        }
        return new Written(m, seq);
    }

    /**
     * Returns once {@code written} is on disk: forces the log unless a force that started after its write already
     * did (or appends are not forced, see {@link #forceEachAppend}).
     *
     * @throws IOException if the force failed (the queue is then unusable until reopened)
     */
    public void awaitDurable(Written written) throws IOException {
        if (forceEachAppend) {
            commit.awaitDurable(written.ticket(), this::forceLog);
        }
    }

    /**
     * Chooses whether {@link #append} forces its record to the disk before returning (the default). Without it the
     * record is written to the operating system, which keeps it across a crash or kill of this process but not across
     * a power failure or OS crash before its own write-back; throughput is then no longer bound by the disk's sync
     * rate. Acknowledgments are never forced (see the class comment).
     */
    public void forceEachAppend(boolean value) {
        this.forceEachAppend = value;
    }

    private void checkRoom(long messageBytes) throws QueueFullException {
        if (messageBytes > limits.maxBytes()) {
            throw QueueFullException.tooLarge(messageBytes, limits.maxBytes());
        }
        if (live.size() >= limits.maxMessages()) {
            throw QueueFullException.messages(limits.maxMessages());
        }
        if (bytes + messageBytes > limits.maxBytes()) {
            throw QueueFullException.bytes(limits.maxBytes());
        }
    }

    /**
     * Removes a message (an ACK record, written but not forced: see the class comment) and frees its space. Unknown or already acknowledged ids are
     * ignored.
     *
     * @throws IOException if the queue is closed or the write or force failed
     */
    public void acknowledge(long messageId) throws IOException {
        synchronized (state) {
            ensureUsable();
            QueuedMessage m = live.get(messageId);
            if (m == null) {
                return;
            }
            write(LogFormat.encodeAck(messageId));
            live.remove(messageId);
            bytes -= m.accountedBytes();
            liveRecordBytes -= LogFormat.appendRecordLength(m);
            long dead = deadBytes();
            if (dead > COMPACT_MIN_DEAD_BYTES && dead > liveRecordBytes) {
                compact();
            }
        }
        // Not forced here: the record reaches the disk with the next append's force, or at close. Lost by a power
        // failure, it costs one resend of an acknowledged message, which the receiver suppresses as a duplicate;
        // forcing every acknowledgment would cap end-to-end throughput at the disk's sync rate.
    }

    /**
     * Hands every record written so far to the operating system (not forced): acknowledgments then survive a crash of
     * the process. Cheap when nothing waits. Call it once after a batch of {@link #acknowledge} calls.
     *
     * @throws IOException if the write failed (the queue is then unusable until reopened)
     */
    public void flush() throws IOException {
        flushUnwritten();
    }

    /** @return the unacknowledged messages in append (= id) order; a snapshot */
    public List<QueuedMessage> pending() {
        synchronized (state) {
            return List.copyOf(live.values());
        }
    }

    /** @return the number of unacknowledged messages */
    public int size() {
        synchronized (state) {
            return live.size();
        }
    }

    /** @return the topic (UTF-8) and body bytes of the unacknowledged messages */
    public long bytes() {
        synchronized (state) {
            return bytes;
        }
    }

    /** @return the limits given to {@link #open} */
    public QueueLimits limits() {
        return limits;
    }

    /**
     * Issues a message id from this queue's sequence without queueing anything, for messages sent without the
     * offline guarantee: every id of the identity comes from one sequence, so it stays unique (decisions §6.6).
     *
     * @throws IOException if the queue is closed or a new id block cannot be reserved
     */
    public long nextId() throws IOException {
        synchronized (state) {
            ensureUsable();
            return ids.next();
        }
    }

    /** @return the current length of the log file (for monitoring and tests) */
    long logLength() {
        synchronized (state) {
            return end;
        }
    }

    /**
     * Forces what was written and closes the files. Idempotent. A caller still waiting for its force is served
     * before the file closes. After close, append and acknowledge throw; the read methods still answer.
     *
     * @throws IOException if the final force failed
     */
    @Override
    public void close() throws IOException {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!commit.failed()) {
                    commit.exclusive(this::forceLog);
                }
            } finally {
                QueueFiles.closeQuietly(channel);
                QueueFiles.closeQuietly(dirLock);
            }
        }
    }

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IOException("offline queue " + dir + " is closed");
        }
        commit.throwIfFailed();
    }

    /** Writes the records waiting in {@link #unwritten}, then forces the log. A failure is final (GroupCommit). */
    private boolean forceLog() throws IOException {
        flushUnwritten();
        channel.force();
        return true;
    }

    private long deadBytes() {
        return end - LogFormat.FILE_HEADER_LENGTH - liveRecordBytes;
    }

    /**
     * Writes a record at the end of the log (caller holds {@code state}): with forced appends, into
     * {@link #unwritten} for the next force; otherwise to the file at once, undoing a partial write on failure.
     */
    private long write(ByteBuffer record) throws IOException {
        int length = record.remaining();
        if (forceEachAppend) {
            synchronized (unwritten) {
                if (unwritten.isEmpty()) {
                    unwrittenAt = end;
                }
                unwritten.add(record);
            }
            end += length;
            return commit.markWritten();
        }
        flushUnwritten();
        try {
            channel.writeFully(record, end);
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException t) {
                e.addSuppressed(t);
                commit.fail(new IOException("cannot undo a partial write to " + logFile, e));
            }
            throw e;
        }
        end += length;
        return commit.markWritten();
    }

    /**
     * Hands the records waiting in {@link #unwritten} to the file in one write. The lock is held during the write, so
     * the file only ever grows in record order: a later record is never on file after an earlier one failed to get
     * there. A failure is final: those records were reported written.
     */
    private void flushUnwritten() throws IOException {
        synchronized (unwritten) {
            if (unwritten.isEmpty()) {
                return;
            }
            commit.throwIfFailed();
            int total = 0;
            for (ByteBuffer b : unwritten) {
                total += b.remaining();
            }
            ByteBuffer batch = ByteBuffer.allocate(total);
            unwritten.forEach(batch::put);
            batch.flip();
            try {
                channel.writeFully(batch, unwrittenAt);
            } catch (IOException e) {
                commit.fail(e);
                throw e;
            }
            unwrittenAt += total;
            unwritten.clear();
        }
    }

    /** Rewrites the log with the live records only (caller holds {@code state}). */
    private void compact() throws IOException {
        commit.exclusive(() -> {
            long before = end;
            Path tmp = null;
            try {
                tmp = QueueFiles.writeTemp(dir, QueueFiles.LOG_FILE, this::writeLiveRecords);
                QueueFiles.moveAtomically(tmp, logFile);
            } catch (IOException e) {
                if (tmp != null) {
                    QueueFiles.deleteQuietly(tmp);
                }
                LOG.warn("compaction of {} failed, keeping the current log: {}", logFile, e.toString());
                return false;
            }
            // The new file is the log now: from here on a failure is final (GroupCommit).
            LogChannel old = channel;
            try {
                synchronized (unwritten) {
                    unwritten.clear(); // the new log holds every live record; the dropped ones were only for the old
                }
                QueueFiles.syncDirectory(dir);
                channel = LogChannel.open(logFile);
                end = channel.size();
            } finally {
                QueueFiles.closeQuietly(old);
            }
            LOG.debug("compacted {} from {} to {} bytes ({} messages)", logFile, before, end, live.size());
            return true;
        });
    }

    private void writeLiveRecords(LogChannel out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(COMPACT_BUFFER);
        buf.put(LogFormat.FILE_HEADER);
        long pos = 0;
        for (QueuedMessage m : live.values()) {
            ByteBuffer rec = LogFormat.encodeAppend(m);
            if (rec.remaining() > buf.remaining()) {
                pos += flush(out, buf, pos);
            }
            if (rec.remaining() > buf.remaining()) {
                out.writeFully(rec, pos);
                pos += LogFormat.appendRecordLength(m);
            } else {
                buf.put(rec);
            }
        }
        flush(out, buf, pos);
    }

    private static int flush(LogChannel out, ByteBuffer buf, long pos) throws IOException {
        buf.flip();
        int n = buf.remaining();
        out.writeFully(buf, pos);
        buf.clear();
        return n;
    }
}
