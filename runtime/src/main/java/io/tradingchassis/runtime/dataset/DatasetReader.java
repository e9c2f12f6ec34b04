package io.tradingchassis.runtime.dataset;

import static io.tradingchassis.runtime.dataset.DatasetFormat.BLOCK_HEAD_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.CRC_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.MAX_BLOCK_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.MAX_HEADER_BODY_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.PREFIX_BYTES;
import static io.tradingchassis.runtime.dataset.DatasetFormat.TARGET_BLOCK_BYTES;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.codec.EventCodec;
import io.tradingchassis.runtime.codec.EventCodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Reads a dataset's events in order, in constant memory: one block (about 64 KiB) at a time, each
 * checked against its CRC32C before any of its events is handed out. Use it as an {@link Iterator} or
 * through {@link #forEach(Path, Consumer)}.
 *
 * <p>A file that is not a dataset, has an unsupported version, is truncated (no trailer), or is corrupt
 * (a checksum, a count or an entry that does not match) raises a {@link DatasetFormatException} naming
 * the file, the byte offset and the entry index; I/O errors inside the iterator surface as
 * {@link UncheckedIOException}. Not thread-safe.
 */
public final class DatasetReader implements Iterator<Event>, AutoCloseable {

    private final String name;
    private final FileChannel channel;
    private final DatasetHeader header;
    /** File offset of the next unread byte. */
    private long offset;
    private ByteBuffer block = DatasetFormat.le(BLOCK_HEAD_BYTES + TARGET_BLOCK_BYTES + CRC_BYTES);
    /** File offset of the current block's first byte, and of its payload. */
    private long blockOffset;
    private int payloadEnd;
    private int remainingInBlock;
    /** Entries handed out (the next entry's index). */
    private long index;
    private boolean finished;

    private DatasetReader(String name, FileChannel channel, DatasetHeader header, long offset) {
        this.name = name;
        this.channel = channel;
        this.header = header;
        this.offset = offset;
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws DatasetFormatException when the file is not a dataset this build reads
     */
    public static DatasetReader open(Path file) throws IOException {
        String name = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer prefix = DatasetFormat.le(PREFIX_BYTES);
            int got = readFully(channel, prefix);
            byte[] magic = Arrays.copyOf(prefix.array(), Math.min(got, DatasetFormat.MAGIC.length));
            if (!Arrays.equals(magic, DatasetFormat.MAGIC)) {
                throw new DatasetFormatException(name, got < DatasetFormat.MAGIC.length
                        && Arrays.equals(magic, Arrays.copyOf(DatasetFormat.MAGIC, got))
                        ? "truncated: the file ends inside the magic" : "not a dataset (no TCDS magic)", 0, -1);
            }
            if (got < PREFIX_BYTES) {
                throw new DatasetFormatException(name, "truncated: the file ends inside the header", got, -1);
            }
            int version = prefix.getInt(8);
            if (version != Dataset.FORMAT_VERSION) {
                throw new DatasetFormatException(name, "dataset format version " + Integer.toUnsignedString(version)
                        + " is not one this build reads (" + Dataset.FORMAT_VERSION + ")", 8, -1);
            }
            int bodyLength = prefix.getInt(12);
            if (bodyLength < 0 || bodyLength > MAX_HEADER_BODY_BYTES) {
                throw new DatasetFormatException(name, "header length " + Integer.toUnsignedString(bodyLength)
                        + " is over the " + MAX_HEADER_BODY_BYTES + "-byte limit: corrupt header", 12, -1);
            }
            ByteBuffer whole = DatasetFormat.le(PREFIX_BYTES + bodyLength + CRC_BYTES);
            whole.put(prefix.flip());
            int rest = readFully(channel, whole);
            if (whole.hasRemaining()) {
                throw new DatasetFormatException(name, "truncated: the file ends inside the header",
                        PREFIX_BYTES + rest, -1);
            }
            int crcAt = PREFIX_BYTES + bodyLength;
            int stored = whole.getInt(crcAt);
            int computed = DatasetFormat.crc(whole, 0, crcAt);
            if (stored != computed) {
                throw new DatasetFormatException(name, "header fails its CRC32C check (stored "
                        + Integer.toHexString(stored) + ", computed " + Integer.toHexString(computed) + "): corrupt header",
                        crcAt, -1);
            }
            DatasetHeader header;
            try {
                header = DatasetFormat.decodeBody(version, whole.duplicate().order(whole.order())
                        .position(PREFIX_BYTES).limit(crcAt).slice().order(whole.order()));
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(name, "invalid header: " + e.getMessage(), PREFIX_BYTES, -1);
            }
            if (!EventCodec.readable(header.codecVersion())) {
                throw new DatasetFormatException(name, "event codec version " + header.codecVersion()
                        + " is not one this build reads (" + EventCodec.OLDEST_READABLE_VERSION + " to "
                        + EventCodec.VERSION + ")", PREFIX_BYTES + 8, -1);
            }
            return new DatasetReader(name, channel, header, crcAt + CRC_BYTES);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Calls {@code consumer} with every event of {@code file}, in order.
     *
     * @return the header, with the event count
     */
    public static DatasetHeader forEach(Path file, Consumer<? super Event> consumer) throws IOException {
        try (DatasetReader r = open(file)) {
            while (r.hasNext()) {
                consumer.accept(r.next());
            }
            return r.header();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads the whole file, checking every block, entry and count; returns the header. */
    public static DatasetHeader verify(Path file) throws IOException {
        return forEach(file, e -> { });
    }

    /** The header (its event count is the one the file declares). */
    public DatasetHeader header() {
        return header;
    }

    /** The index of the next entry: how many events were handed out. */
    public long index() {
        return index;
    }

    @Override
    public boolean hasNext() {
        if (remainingInBlock > 0) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            return readFrame();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + ": no entry after entry " + (index - 1));
        }
        int at = block.position();
        Event e;
        try {
            e = EventCodec.decode(block, header.codecVersion());
        } catch (EventCodecException ex) {
            throw new DatasetFormatException(name, "entry does not decode: " + ex.detail(),
                    blockOffset + ex.offset(), index);
        }
        remainingInBlock--;
        index++;
        if (remainingInBlock == 0 && block.position() != payloadEnd) {
            throw new DatasetFormatException(name, "the block holds " + (payloadEnd - block.position())
                    + " bytes after its last entry: corrupt block", blockOffset + block.position(), index - 1);
        }
        if (remainingInBlock > 0 && block.position() >= payloadEnd) {
            throw new DatasetFormatException(name, "the block's entry count runs past its payload: corrupt block",
                    blockOffset + at, index);
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads the next block (true) or the trailer (false). */
    private boolean readFrame() throws IOException {
        long frameOffset = offset;
        ByteBuffer head = DatasetFormat.le(BLOCK_HEAD_BYTES);
        head.limit(4);
        int got = readFully(channel, head);
        if (got < 4) {
            throw new DatasetFormatException(name, "truncated: no trailer; the file ends after " + index
                    + " intact entries (the header declares " + header.eventCount() + ")", frameOffset + got, index);
        }
        long payload = Integer.toUnsignedLong(head.getInt(0));
        if (payload == 0) {
            readTrailer(frameOffset);
            return false;
        }
        if (payload > MAX_BLOCK_BYTES) {
            throw new DatasetFormatException(name, "block length " + payload + " is over the " + MAX_BLOCK_BYTES
                    + "-byte limit: corrupt block", frameOffset, index);
        }
        int total = BLOCK_HEAD_BYTES + (int) payload + CRC_BYTES;
        if (block.capacity() < total) {
            block = DatasetFormat.le(total);
        }
        block.clear().limit(total);
        block.put(head.flip());
        got = readFully(channel, block);
        if (block.hasRemaining()) {
            throw new DatasetFormatException(name, "truncated: the file ends inside the block that starts at byte "
                    + "offset " + frameOffset + " (" + index + " entries before it are intact)",
                    frameOffset + 4 + got, index);
        }
        int crcAt = BLOCK_HEAD_BYTES + (int) payload;
        int stored = block.getInt(crcAt);
        int computed = DatasetFormat.crc(block, 0, crcAt);
        if (stored != computed) {
            throw new DatasetFormatException(name, "block fails its CRC32C check (stored " + Integer.toHexString(stored)
                    + ", computed " + Integer.toHexString(computed) + "): corrupt block", frameOffset, index);
        }
        long count = Integer.toUnsignedLong(block.getInt(4));
        if (count == 0 || count > payload) {
            throw new DatasetFormatException(name, "block entry count " + count + " does not fit its " + payload
                    + "-byte payload: corrupt block", frameOffset + 4, index);
        }
        offset = frameOffset + total;
        blockOffset = frameOffset;
        payloadEnd = crcAt;
        block.position(BLOCK_HEAD_BYTES).limit(crcAt);
        remainingInBlock = (int) count;
        return true;
    }

    private void readTrailer(long at) throws IOException {
        ByteBuffer t = DatasetFormat.le(DatasetFormat.TRAILER_BYTES);
        t.putInt(0);
        int got = readFully(channel, t);
        if (t.hasRemaining()) {
            throw new DatasetFormatException(name, "truncated: the file ends inside the trailer", at + 4 + got, -1);
        }
        int stored = t.getInt(12);
        int computed = DatasetFormat.crc(t, 0, 12);
        if (stored != computed) {
            throw new DatasetFormatException(name, "trailer fails its CRC32C check (stored " + Integer.toHexString(stored)
                    + ", computed " + Integer.toHexString(computed) + "): corrupt trailer", at, -1);
        }
        long count = t.getLong(4);
        if (count != index) {
            throw new DatasetFormatException(name, "the trailer counts " + count + " entries but the file holds "
                    + index, at, -1);
        }
        if (count != header.eventCount()) {
            throw new DatasetFormatException(name, "the header declares " + header.eventCount()
                    + " entries but the file holds " + count, at, -1);
        }
        long end = at + DatasetFormat.TRAILER_BYTES;
        ByteBuffer extra = ByteBuffer.allocate(1);
        if (readFully(channel, extra) > 0) {
            throw new DatasetFormatException(name, "bytes follow the trailer: not one dataset", end, -1);
        }
        offset = end;
        finished = true;
    }

    /** Reads until {@code b} is full or the file ends; returns the bytes read. */
    private static int readFully(FileChannel channel, ByteBuffer b) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = channel.read(b);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
