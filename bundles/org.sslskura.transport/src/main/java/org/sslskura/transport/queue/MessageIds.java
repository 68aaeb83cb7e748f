package org.sslskura.transport.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message ids that are unique for the life of the sender identity (decisions §6.6), across restarts, crashes and
 * clock jumps backwards.
 *
 * <p>The file {@code ids} in the queue directory holds a reservation mark R: every id ever issued is below R. Before
 * an id at or above R is issued, R is raised by a block ({@value #DEFAULT_BLOCK} ids) and the file replaced
 * atomically and forced (temp file, fsync, rename, directory fsync), so a crash at any point can waste ids but never
 * reissue one. On open, the next id is the largest of R, the clock in microseconds since the epoch, and the highest
 * id found in the queue log plus one: the clock part keeps ids fresh if the directory is ever lost, and is ignored
 * when it went backwards. Ids are positive signed longs (so also valid uint64 on the wire).
 *
 * <p>File format (ASCII, two lines): {@code ssls-kura message ids 1} and {@code reserved-below <decimal>}. Anything
 * else is an error, never a guess: guessing low could reissue ids.
 *
 * <p>Thread-safe. Only one instance may use a directory at a time: {@link OutboundQueue} owns it through the
 * directory lock, and issues ids for messages that are not queued with {@link OutboundQueue#nextId()}.
 */
public final class MessageIds {
    /** Ids reserved ahead per file write. */
    public static final long DEFAULT_BLOCK = 1_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(MessageIds.class);
    private static final String MAGIC_LINE = "ssls-kura message ids 1";
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(MAGIC_LINE) + "\nreserved-below (0|[1-9][0-9]{0,18})\n");
    private static final int MAX_FILE_BYTES = 128;

    private final Path dir;
    private final long block;
    private long next;
    private long reservedBelow;

    private MessageIds(Path dir, long block, long next) {
        this.dir = dir;
        this.block = block;
        this.next = next;
    }

    /**
     * Opens the id sequence of an existing queue directory and reserves the first block.
     *
     * @param dir the queue directory (must exist)
     * @param clock the clock for the restart rule
     * @param highestUsed the highest id known to have been issued (for example found in the log), or 0
     * @throws IOException if the {@code ids} file is unreadable or malformed, or the reservation cannot be written
     */
    public static MessageIds open(Path dir, Clock clock, long highestUsed) throws IOException {
        return open(dir, clock, highestUsed, DEFAULT_BLOCK);
    }

    static MessageIds open(Path dir, Clock clock, long highestUsed, long block) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(clock, "clock");
        if (block < 1) {
            throw new IllegalArgumentException("block must be positive, not " + block);
        }
        if (highestUsed == Long.MAX_VALUE) {
            throw new IOException("message id space exhausted");
        }
        long persisted = readMark(dir.resolve(QueueFiles.IDS_FILE));
        long start = Math.max(Math.max(persisted, highestUsed + 1), Math.max(1, clockMicros(clock)));
        MessageIds ids = new MessageIds(dir, block, start);
        synchronized (ids) {
            ids.reserveFrom(start);
        }
        return ids;
    }

    /**
     * @return a new id, greater than every id this sequence issued before
     * @throws IOException if a new block had to be reserved and could not be (no id is issued then)
     */
    public synchronized long next() throws IOException {
        if (next >= reservedBelow) {
            reserveFrom(next);
        }
        return next++;
    }

    /** @return the persisted reservation mark: every id issued so far, and until the next reservation, is below it */
    public synchronized long reservedBelow() {
        return reservedBelow;
    }

    private void reserveFrom(long from) throws IOException {
        long mark;
        try {
            mark = Math.addExact(from, block);
        } catch (ArithmeticException e) {
            throw new IOException("message id space exhausted at " + from, e);
        }
        byte[] content = (MAGIC_LINE + "\nreserved-below " + mark + "\n").getBytes(StandardCharsets.US_ASCII);
        QueueFiles.replace(dir, QueueFiles.IDS_FILE, ch -> ch.writeFully(ByteBuffer.wrap(content), 0));
        reservedBelow = mark;
    }

    /** @return the reservation mark of {@code file}, or 0 if it does not exist */
    static long readMark(Path file) throws IOException {
        byte[] raw;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException("message id file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        Matcher m = FORMAT.matcher(new String(raw, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new IOException("message id file " + file + " is malformed; refusing to guess (restore it, or "
                    + "remove it only if no id above the current clock in microseconds was ever issued)");
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IOException("message id file " + file + ": reservation mark out of range", e);
        }
    }

    /** @return the clock in microseconds since the epoch, or 0 (ignored) if it does not fit a long */
    private static long clockMicros(Clock clock) {
        Instant now = clock.instant();
        try {
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        } catch (ArithmeticException e) {
            LOG.warn("clock value {} is out of range for message ids; ignoring the clock", now);
            return 0;
        }
    }
}
