package org.sslskura.transport.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads a queue log from the start and rebuilds the unacknowledged messages.
 *
 * <p>Records are appended whole at the end of the log, so a crash mid-append can only leave a last record that is
 * shorter than its length field says: an incomplete header, or a length that runs past the end of the file. Such a
 * torn tail is cut off (the log is truncated back to the record). Anything else that is wrong means the disk changed
 * bytes that were confirmed as written, and replay fails rather than drop an accepted message:
 *
 * <ul>
 *   <li>a complete record (its whole length is in the file) with a CRC mismatch, an unknown type or an impossible
 *       length, even the last one;
 *   <li>any bad record followed by a valid one (damage in the middle: a corrupted length field looks short too);
 *   <li>a CRC-valid record that is structurally wrong.
 * </ul>
 *
 * The one complete "record" that is still a torn tail is a run of zero bytes up to the end of the file: the file
 * size reached the disk before the data did (no record has type 0). Every length read from the file is checked
 * against the bytes left in the file and against the queue's limits before anything is allocated.
 */
final class LogReplay {
    private static final int WINDOW = 64 * 1024;
    private static final String REFUSAL =
            "; refusing to drop queued messages (restore the file, or move it away to start empty)";

    private final LogChannel ch;
    private final Path file;
    private final long size;
    private final long maxBody;
    private final long maxPayload;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;

    private final LinkedHashMap<Long, QueuedMessage> live = new LinkedHashMap<>();
    private long lastAppendId;
    private long liveRecordBytes;

    /** The outcome of a replay. */
    record Result(LinkedHashMap<Long, QueuedMessage> live, long goodEnd, long fileSize, long highestId,
            long liveRecordBytes, String tornReason) {
        boolean torn() {
            return tornReason != null;
        }
    }

    /**
     * A record read at some offset: a type and a CRC-valid payload, or what is wrong with it and whether its whole
     * length is in the file (then it is not torn).
     */
    private record Parsed(RecordType type, byte[] payload, String problem, boolean complete) {
    }

    private LogReplay(LogChannel ch, Path file, long size, long maxBody) {
        this.ch = ch;
        this.file = file;
        this.size = size;
        this.maxBody = maxBody;
        this.maxPayload = LogFormat.maxAppendPayload(maxBody);
    }

    /**
     * @param maxBody the body bound of the queue's limits
     * @throws IOException if the file is not a queue log, or is corrupt other than at its tail
     */
    static Result replay(LogChannel ch, Path file, long maxBody) throws IOException {
        return new LogReplay(ch, file, ch.size(), maxBody).run();
    }

    private Result run() throws IOException {
        checkFileHeader();
        long pos = LogFormat.FILE_HEADER_LENGTH;
        while (pos < size) {
            Parsed p = parseAt(pos);
            if (p.problem() != null) {
                long next = findValidRecordAfter(pos);
                if (next >= 0) {
                    throw new IOException("queue log " + file + " is corrupt in the middle: " + p.problem()
                            + " at offset " + pos + ", yet a valid record follows at offset " + next + REFUSAL);
                }
                if (p.complete() && !zerosToTheEnd(pos)) {
                    throw new IOException("queue log " + file + " is corrupt: " + p.problem() + " at offset " + pos
                            + " in a complete last record (a crash mid-append leaves only a record shorter than its"
                            + " length)" + REFUSAL);
                }
                return new Result(live, pos, size, lastAppendId, liveRecordBytes, p.problem() + " at offset " + pos);
            }
            apply(pos, p);
            pos += LogFormat.RECORD_HEADER_LENGTH + p.payload().length;
        }
        return new Result(live, pos, size, lastAppendId, liveRecordBytes, null);
    }

    private void checkFileHeader() throws IOException {
        byte[] header = read(0, (int) Math.min(size, LogFormat.FILE_HEADER_LENGTH));
        if (!Arrays.equals(header, LogFormat.FILE_HEADER)) {
            throw new IOException(file + " is not a queue log of a supported version (bad file header)");
        }
    }

    private Parsed parseAt(long pos) throws IOException {
        if (size - pos < LogFormat.RECORD_HEADER_LENGTH) {
            return torn("incomplete record header (" + (size - pos) + " bytes)");
        }
        ByteBuffer h = ByteBuffer.wrap(read(pos, LogFormat.RECORD_HEADER_LENGTH));
        int code = Byte.toUnsignedInt(h.get());
        Optional<RecordType> type = RecordType.fromCode(code);
        long length = Integer.toUnsignedLong(h.getInt());
        int crc = h.getInt();
        if (length > size - pos - LogFormat.RECORD_HEADER_LENGTH) {
            return torn((type.isEmpty() ? "record of unknown type " + code : "record") + " of " + length
                    + " bytes runs past the end of the file");
        }
        if (type.isEmpty()) {
            return damaged("unknown record type " + code);
        }
        if (!type.get().plausibleLength(length)) {
            return damaged("impossible length " + length + " for a " + type.get() + " record");
        }
        long payloadPos = pos + LogFormat.RECORD_HEADER_LENGTH;
        if (length > maxPayload) {
            if (streamCrc(code, length, payloadPos) != crc) {
                return damaged("CRC mismatch");
            }
            throw new IOException("queue log " + file + ": record at offset " + pos + " has " + length
                    + " bytes, more than the maxBytes limit " + maxBody
                    + " allows (reopen with the limits the queue was written with)");
        }
        byte[] payload = read(payloadPos, (int) length);
        if (LogFormat.crcOf(code, length, payload) != crc) {
            return damaged("CRC mismatch");
        }
        return new Parsed(type.get(), payload, null, true);
    }

    /** A record shorter than its length: what a crash mid-append leaves. */
    private static Parsed torn(String what) {
        return new Parsed(null, null, what, false);
    }

    /** A record whose whole length is in the file, yet wrong: changed after it was written. */
    private static Parsed damaged(String what) {
        return new Parsed(null, null, what, true);
    }

    /** @return whether every byte from {@code pos} to the end of the file is zero (read through a bounded buffer) */
    private boolean zerosToTheEnd(long pos) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(WINDOW, size - pos));
        for (long at = pos; at < size; at += buf.limit()) {
            buf.clear().limit((int) Math.min(buf.capacity(), size - at));
            if (ch.read(buf, at) != buf.limit()) {
                throw new IOException("queue log " + file + " shrank while being read");
            }
            for (int i = 0; i < buf.limit(); i++) {
                if (buf.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void apply(long pos, Parsed p) throws IOException {
        if (p.type() == RecordType.ACK) {
            QueuedMessage acked = live.remove(LogFormat.decodeAck(p.payload()));
            if (acked != null) {
                liveRecordBytes -= LogFormat.appendRecordLength(acked);
            }
            return;
        }
        QueuedMessage m;
        try {
            m = LogFormat.decodeAppend(p.payload(), maxBody);
        } catch (IOException e) {
            throw new IOException("queue log " + file + ": record at offset " + pos + ": " + e.getMessage(), e);
        }
        if (m.messageId() <= lastAppendId) {
            throw new IOException("queue log " + file + ": record at offset " + pos + " has message id "
                    + m.messageId() + ", not above the previous " + lastAppendId);
        }
        lastAppendId = m.messageId();
        live.put(m.messageId(), m);
        liveRecordBytes += LogFormat.appendRecordLength(m);
    }

    /** @return the offset of the first complete, CRC-valid record starting after {@code bad}, or -1 */
    private long findValidRecordAfter(long bad) throws IOException {
        for (long q = bad + 1; q <= size - LogFormat.RECORD_HEADER_LENGTH; q++) {
            ByteBuffer h = ByteBuffer.wrap(read(q, LogFormat.RECORD_HEADER_LENGTH));
            int code = Byte.toUnsignedInt(h.get());
            Optional<RecordType> type = RecordType.fromCode(code);
            long length = Integer.toUnsignedLong(h.getInt());
            if (type.isPresent() && type.get().plausibleLength(length)
                    && length <= size - q - LogFormat.RECORD_HEADER_LENGTH
                    && streamCrc(code, length, q + LogFormat.RECORD_HEADER_LENGTH) == h.getInt()) {
                return q;
            }
        }
        return -1;
    }

    /** CRC of a record whose payload is not read into memory (bounded buffer), for oversized or candidate records. */
    private int streamCrc(int code, long length, long payloadPos) throws IOException {
        CRC32 crc = LogFormat.startCrc(code, length);
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(WINDOW, Math.max(1, length)));
        long done = 0;
        while (done < length) {
            buf.clear().limit((int) Math.min(buf.capacity(), length - done));
            int n = ch.read(buf, payloadPos + done);
            if (n <= 0) {
                throw new IOException("queue log " + file + " shrank while being read");
            }
            crc.update(buf.flip());
            done += n;
        }
        return (int) crc.getValue();
    }

    /** Reads {@code n} bytes at {@code pos} (within the file), through a read-ahead window for small reads. */
    private byte[] read(long pos, int n) throws IOException {
        byte[] out = new byte[n];
        if (n > WINDOW) {
            if (ch.read(ByteBuffer.wrap(out), pos) != n) {
                throw new IOException("queue log " + file + " shrank while being read");
            }
            return out;
        }
        if (windowStart < 0 || pos < windowStart || pos + n > windowStart + window.limit()) {
            window.clear();
            ch.read(window, pos);
            window.flip();
            windowStart = pos;
            if (window.limit() < n) {
                throw new IOException("queue log " + file + " shrank while being read");
            }
        }
        window.get((int) (pos - windowStart), out);
        return out;
    }
}
