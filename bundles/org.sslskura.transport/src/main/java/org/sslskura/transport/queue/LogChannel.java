package org.sslskura.transport.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Positional file I/O that an interrupted caller cannot break.
 *
 * <p>Why not {@code FileChannel}: it is an {@code InterruptibleChannel}, so interrupting any thread that is inside a
 * read, write or force on it closes the channel for every thread (ClosedByInterruptException), which would take the
 * whole queue down because one application thread was interrupted. {@link AsynchronousFileChannel} is not
 * interruptible: writes and reads run on the JDK's default channel thread pool and are awaited here without giving
 * up on interruption (the interrupt status is restored afterwards); {@code force} and {@code truncate} are plain
 * blocking calls. {@link #force()} is {@code force(false)} (fdatasync on Linux: data and the file size).
 *
 * <p>Public for the rest of the transport bundle only: the package is not exported.
 */
public final class LogChannel implements Closeable {
    private final AsynchronousFileChannel ch;

    private LogChannel(AsynchronousFileChannel ch) {
        this.ch = ch;
    }

    /** Opens an existing file for reading and writing. */
    public static LogChannel open(Path file) throws IOException {
        return new LogChannel(AsynchronousFileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** Opens a directory for {@link #forceDirectory()}. */
    static LogChannel openDirectory(Path dir) throws IOException {
        return new LogChannel(AsynchronousFileChannel.open(dir, StandardOpenOption.READ));
    }

    /** @return the current size of the file */
    public long size() throws IOException {
        return ch.size();
    }

    /** Reads until {@code dst} is full or the end of the file; returns the number of bytes read. */
    public int read(ByteBuffer dst, long position) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = await(ch.read(dst, position + total));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Writes all of {@code src} at {@code position}. */
    public void writeFully(ByteBuffer src, long position) throws IOException {
        long pos = position;
        while (src.hasRemaining()) {
            pos += await(ch.write(src, pos));
        }
    }

    /** Forces the data written so far (and the file size) to the device. */
    public void force() throws IOException {
        ch.force(false);
    }

    /** Forces a directory opened with {@link #openDirectory}, making renames in it durable. */
    void forceDirectory() throws IOException {
        ch.force(true);
    }

    /** Cuts the file to {@code size} bytes. */
    public void truncate(long size) throws IOException {
        ch.truncate(size);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    private static int await(Future<Integer> io) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return io.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the I/O is already under way: finish it, report the interrupt later
                } catch (ExecutionException e) {
                    throw asIoException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException asIoException(Throwable cause) {
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IOException("file I/O failed: " + cause, cause);
    }
}
