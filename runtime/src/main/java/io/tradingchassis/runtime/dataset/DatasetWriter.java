package io.tradingchassis.runtime.dataset;

import static io.tradingchassis.runtime.dataset.DatasetFormat.BLOCK_HEAD_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.CRC_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.MAX_BLOCK_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.TARGET_BLOCK_BYTES;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.codec.EventCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a dataset as a stream: events go to a temporary file beside the target in blocks of about 64
 * KiB, so memory stays constant whatever the size; {@link #commit()} writes the trailer, puts the event
 * count into the header, forces the file to disk and moves it to the target name. Until then the
 * target does not exist (or keeps its old content), and {@link #close()} without a commit deletes the
 * temporary file: a failed import leaves no partial dataset.
 *
 * <pre>{@code
 * try (DatasetWriter w = DatasetWriter.create(target, header, false)) {
 *     for (Event e : events) w.append(e);
 *     w.commit();
 * }
 * }</pre>
 *
 * Not thread-safe. The bytes depend only on the header and the events (no clock, no host): the same
 * input gives the same file.
 */
public final class DatasetWriter implements AutoCloseable {

    /** Temporary names tried beside the target ({@code .NAME.tmp}, {@code .NAME.1.tmp}, …) before giving up. */
    private static final int MAX_TEMP_ATTEMPTS = 100;

    private final Path target;
    private final Path temp;
    private final boolean replaceExisting;
    private final DatasetHeader header;
    private final FileChannel channel;
    private ByteBuffer block;
    private int entriesInBlock;
    private long eventCount;
    private boolean committed;
    private boolean closed;

    private DatasetWriter(Path target, Path temp, boolean replaceExisting, DatasetHeader header, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.replaceExisting = replaceExisting;
        this.header = header;
        this.channel = channel;
        this.block = DatasetFormat.le(BLOCK_HEAD_BYTES + TARGET_BLOCK_BYTES + CRC_BYTES);
        block.position(BLOCK_HEAD_BYTES);
    }

    /**
     * Starts a dataset that {@link #commit()} will move to {@code target}. The header's event count is
     * ignored (the writer counts).
     *
     * @param replaceExisting whether an existing {@code target} may be replaced on commit
     * @throws FileAlreadyExistsException when {@code target} exists and {@code replaceExisting} is false
     * @throws IOException when the temporary file cannot be created beside {@code target}
     */
    public static DatasetWriter create(Path target, DatasetHeader header, boolean replaceExisting) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!replaceExisting && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists");
        }
        Path dir = absolute.getParent();
        // Not Files.createTempFile: its files are owner-only (0600), and the dataset keeps the temp file's mode.
        Path temp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            temp = dir.resolve("." + absolute.getFileName() + (attempt == 0 ? "" : "." + attempt) + ".tmp");
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_TEMP_ATTEMPTS) {
                    throw e;
                }
            }
        }
        try {
            DatasetHeader start = header.withEventCount(0);
            writeFully(channel, DatasetFormat.encodeHeader(start));
            return new DatasetWriter(target, temp, replaceExisting, start, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Appends one event. */
    public void append(Event event) throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("dataset writer for " + target + " is already "
                    + (committed ? "committed" : "closed"));
        }
        int need = EventCodec.maxEncodedLength(event);
        if (need > MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException(event.type() + " of up to " + need + " bytes is over the dataset's "
                    + MAX_BLOCK_BYTES + "-byte block limit");
        }
        if (block.remaining() - CRC_BYTES < need) {
            flushBlock();
            if (block.remaining() - CRC_BYTES < need) { // one event larger than a block: a block of its own
                block = DatasetFormat.le(BLOCK_HEAD_BYTES + need + CRC_BYTES);
                block.position(BLOCK_HEAD_BYTES);
            }
        }
        EventCodec.encode(event, block);
        entriesInBlock++;
        eventCount++;
        if (block.position() - BLOCK_HEAD_BYTES >= TARGET_BLOCK_BYTES) {
            flushBlock();
        }
    }

    /** Events appended so far. */
    public long eventCount() {
        return eventCount;
    }

    /**
     * Finishes the file (last block, trailer, header with the count), forces it to disk and moves it to
     * the target.
     *
     * @return the committed header (with the event count)
     * @throws FileAlreadyExistsException when the target appeared meanwhile and may not be replaced
     */
    public DatasetHeader commit() throws IOException {
        return commit(header);
    }

    /**
     * As {@link #commit()}, storing {@code finalHeader} (with the writer's event count) instead of the
     * header given to {@link #create}: for fields known only at the end, such as the SHA-256 of sources
     * read while writing. It must encode to the same length (same strings, same number of sources).
     */
    public DatasetHeader commit(DatasetHeader finalHeader) throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("dataset writer for " + target + " is already "
                    + (committed ? "committed" : "closed"));
        }
        DatasetHeader done = finalHeader.withEventCount(eventCount);
        ByteBuffer h = DatasetFormat.encodeHeader(done);
        int firstLength = DatasetFormat.encodeHeader(header).remaining();
        if (h.remaining() != firstLength) {
            throw new IllegalArgumentException("the final header encodes to " + h.remaining() + " bytes, the one "
                    + "written first to " + firstLength + ": only fixed-width fields may change at commit");
        }
        flushBlock();
        ByteBuffer trailer = DatasetFormat.le(DatasetFormat.TRAILER_BYTES);
        trailer.putInt(0).putLong(eventCount);
        trailer.putInt(DatasetFormat.crc(trailer, 0, trailer.position()));
        writeFully(channel, trailer.flip());
        int at = 0;
        while (h.hasRemaining()) {
            at += channel.write(h, at);
        }
        channel.force(true);
        channel.close();
        if (replaceExisting) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(temp, target); // fails if the target appeared since create
        }
        committed = true;
        return done;
    }

    /** Without a commit: closes and deletes the temporary file. After a commit: nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void flushBlock() throws IOException {
        if (entriesInBlock == 0) {
            return;
        }
        int payload = block.position() - BLOCK_HEAD_BYTES;
        block.putInt(0, payload).putInt(4, entriesInBlock);
        block.putInt(DatasetFormat.crc(block, 0, block.position()));
        block.flip();
        writeFully(channel, block);
        if (block.capacity() > BLOCK_HEAD_BYTES + TARGET_BLOCK_BYTES + CRC_BYTES) {
            block = DatasetFormat.le(BLOCK_HEAD_BYTES + TARGET_BLOCK_BYTES + CRC_BYTES); // back from an oversized event
        }
        block.clear().position(BLOCK_HEAD_BYTES);
        entriesInBlock = 0;
    }

    private static void writeFully(FileChannel channel, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
