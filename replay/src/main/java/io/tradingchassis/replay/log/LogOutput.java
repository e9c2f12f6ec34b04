package io.tradingchassis.replay.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The record layer of a golden log's writer ({@link LogFormat}): header, entries, checkpoints and trailer
 * written as given, in batches of whole records of about 64 KiB (so a killed writer leaves whole records
 * but for the last batch's write). {@link GoldenLogWriter} computes what to write while a run runs;
 * {@link LogYaml} writes back what a YAML log holds.
 */
final class LogOutput implements AutoCloseable {
    private static final int BATCH_BYTES = 64 << 10;

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer batch = LogFormat.le(BATCH_BYTES + 1024);
    private boolean closed;

    LogOutput(Path file, LogHeader header, boolean replace) throws IOException {
        this.file = file;
        this.channel = replace
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer h = LogFormat.encodeHeader(header);
            while (h.hasRemaining()) {
                channel.write(h);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** An entry whose event bytes are {@code event[from, to)}. */
    void entry(long position, ByteBuffer event, int from, int to, long chain) {
        int len = to - from;
        room(1 + 10 + 5 + len + 8);
        batch.put(LogFormat.TAG_ENTRY);
        LogFormat.putVarint(batch, position);
        LogFormat.putVarint(batch, len);
        batch.put(batch.position(), event, from, len);
        batch.position(batch.position() + len);
        batch.putLong(chain);
    }

    void checkpoint(long position, byte[] sha256) {
        room(1 + 10 + LogFormat.SHA256_BYTES);
        batch.put(LogFormat.TAG_CHECKPOINT);
        LogFormat.putVarint(batch, position);
        batch.put(sha256);
    }

    /** Ends a batch when it is full: call between steps. */
    void maybeFlush() {
        if (batch.position() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Writes the trailer and forces the file to disk. */
    void trailer(long entries, long chain, byte[] sha256) throws IOException {
        room(LogFormat.TRAILER_BYTES);
        int start = batch.position();
        batch.put(LogFormat.TAG_TRAILER).putLong(entries).putLong(chain).put(sha256);
        batch.putInt(LogFormat.crc(batch, start, batch.position()));
        flush();
        channel.force(true);
    }

    private void room(int n) {
        if (batch.remaining() < n) {
            flush();
            if (batch.capacity() < n) {
                batch = LogFormat.le(n + BATCH_BYTES);
            }
        }
    }

    void flush() {
        batch.flip();
        try {
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": cannot write the log: " + ex.getMessage(), ex);
        }
        batch.clear();
    }

    /** Flushes what is buffered and closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
