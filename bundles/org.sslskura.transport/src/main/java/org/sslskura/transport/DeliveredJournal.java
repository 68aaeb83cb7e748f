package org.sslskura.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.sslskura.wire.hip.Hit;

/**
 * Keeps delivered message ids across restarts, so that a collector suppresses duplicates of messages it delivered
 * before a restart (decision 6.6). An append-only file of records {@code HIT (16) || message id (8)}, rewritten with
 * only the remembered ids when it grows past four times the window. A torn last record is ignored.
 */
final class DeliveredJournal implements DeliveredIds.Journal, AutoCloseable {
    private static final int RECORD = 24;
    private final Path file;
    private final long compactAfter;
    private FileChannel channel;
    private long records;
    private boolean dirty;

    private DeliveredJournal(Path file, long compactAfter) {
        this.file = file;
        this.compactAfter = compactAfter;
    }

    /** Opens (or creates) the journal and loads its ids into {@code ids}. */
    static DeliveredJournal open(Path directory, int window, DeliveredIds ids) throws IOException {
        Files.createDirectories(directory);
        DeliveredJournal j = new DeliveredJournal(directory.resolve("delivered-ids"), 4L * window);
        if (Files.exists(j.file)) {
            byte[] all = Files.readAllBytes(j.file);
            ByteBuffer b = ByteBuffer.wrap(all);
            while (b.remaining() >= RECORD) {
                byte[] hit = new byte[16];
                b.get(hit);
                ids.restore(Hit.of(hit), b.getLong());
                j.records++;
            }
        }
        j.channel = FileChannel.open(j.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return j;
    }

    @Override
    public synchronized void record(Hit peer, long id) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(RECORD);
        b.put(peer.bytes()).putLong(id).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        records++;
        dirty = true;
    }

    /** Forces outside the lock, so that the transport thread keeps recording while the disk syncs. */
    @Override
    public void sync() throws IOException {
        FileChannel ch;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            ch = channel;
        }
        try {
            ch.force(false);
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            throw e;
        }
    }

    /** Rewrites the journal with the ids {@code ids} still remembers, when it has grown large. */
    synchronized void compactIfLarge(Iterable<java.util.Map.Entry<Hit, Long>> remembered) throws IOException {
        if (records <= compactAfter) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long n = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (java.util.Map.Entry<Hit, Long> e : remembered) {
                ByteBuffer b = ByteBuffer.allocate(RECORD);
                b.put(e.getKey().bytes()).putLong(e.getValue()).flip();
                while (b.hasRemaining()) {
                    out.write(b);
                }
                n++;
            }
            out.force(true);
        }
        channel.close();
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        records = n;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.force(true);
        channel.close();
    }
}
