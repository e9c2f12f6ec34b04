package io.tradingchassis.replay.log;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.codec.EventCodec;
import io.tradingchassis.runtime.codec.EventCodecException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads a golden log record by record in constant memory, whatever its size (SPEC §13). The header is
 * read and checked on {@link #open}; {@link #next()} moves to the next record (an entry or a checkpoint)
 * and returns false after the trailer. Structural damage is a {@link LogException}: a bad magic, CRC, tag
 * or varint, an entry out of order or an event that does not decode is {@link LogFailure#CORRUPT} (with
 * the position and byte offset); a file that ends inside a record is {@link LogFailure#TRUNCATED} and one
 * that ends between records without a trailer {@link LogFailure#MISSING_TRAILER}, both naming the last
 * intact position. Whether the chain values are right only a replay can tell ({@code Replayer}).
 */
public final class GoldenLogReader implements AutoCloseable {
    /** What {@link #next()} moved to. */
    public enum Kind {
        /** An entry: {@link #position()}, {@link #event()}, {@link #chain()}. */
        ENTRY,
        /** A checkpoint: {@link #position()} and {@link #digest()}. */
        CHECKPOINT
    }

    /** Small enough that the bytes just read are still in the core's L2 cache when they are decoded. */
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final LogHeader header;
    private final long headerBytes;
    private ByteBuffer buf = LogFormat.le(BUFFER_BYTES);
    /** File offset of {@code buf}'s byte 0. */
    private long bufOffset;
    private boolean eof;

    private Kind kind;
    private long recordOffset;
    private long position = -1;
    private int eventFrom;
    private int eventTo;
    private long chain;
    private final byte[] digest = new byte[LogFormat.SHA256_BYTES];
    private long lastEntry = -1;
    private boolean done;
    private long trailerEntries = -1;
    private long trailerChain;
    private final byte[] trailerDigest = new byte[LogFormat.SHA256_BYTES];

    private GoldenLogReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        buf.flip();
        this.header = readHeader();
        this.headerBytes = bufOffset + buf.position();
    }

    /** Opens {@code file} and reads its header. */
    public static GoldenLogReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new GoldenLogReader(file, ch);
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
    }

    private LogHeader readHeader() throws IOException {
        if (!ensure(LogFormat.PREFIX_BYTES)) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, 0,
                    "the file is " + size() + " bytes, shorter than a log header: not a golden log");
        }
        byte[] magic = new byte[LogFormat.MAGIC.length];
        buf.get(0, magic);
        if (!Arrays.equals(magic, LogFormat.MAGIC)) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, 0,
                    "bad magic: not a golden log (expected TCGL)");
        }
        int version = buf.getInt(LogFormat.MAGIC.length);
        if (version != LogFormat.VERSION) {
            throw new LogException(LogFailure.UNKNOWN_FORMAT_VERSION, file, LogException.UNKNOWN, 8,
                    "format version " + Integer.toUnsignedString(version) + "; this build reads version "
                            + LogFormat.VERSION);
        }
        long body = Integer.toUnsignedLong(buf.getInt(LogFormat.MAGIC.length + 4));
        if (body > LogFormat.MAX_BODY_BYTES) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, 12,
                    "header length " + body + " is over the limit " + LogFormat.MAX_BODY_BYTES);
        }
        if (!ensure(LogFormat.PREFIX_BYTES + (int) body + LogFormat.CRC_BYTES)) {
            throw new LogException(LogFailure.TRUNCATED, file, LogException.UNKNOWN, size(),
                    "the file ends inside the header (no intact entry)");
        }
        int crcAt = LogFormat.PREFIX_BYTES + (int) body;
        if (LogFormat.crc(buf, 0, crcAt) != buf.getInt(crcAt)) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, crcAt,
                    "header CRC mismatch: the header is damaged");
        }
        buf.position(LogFormat.PREFIX_BYTES);
        ByteBuffer b = buf.slice(buf.position(), (int) body).order(buf.order());
        buf.position(crcAt + LogFormat.CRC_BYTES);
        LogHeader h;
        try {
            h = LogFormat.decodeBody(version, b);
        } catch (IllegalArgumentException e) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, LogFormat.PREFIX_BYTES,
                    e.getMessage());
        }
        if (!EventCodec.readable(h.codecVersion())) {
            throw new LogException(LogFailure.UNKNOWN_FORMAT_VERSION, file, LogException.UNKNOWN,
                    LogFormat.PREFIX_BYTES, "event codec version " + h.codecVersion() + "; this build reads "
                            + EventCodec.OLDEST_READABLE_VERSION + " to " + EventCodec.VERSION);
        }
        return h;
    }

    /** The byte offset where the first record starts (the header's length). */
    public long recordOffsetAfterHeader() {
        return headerBytes;
    }

    /** The log's header. */
    public LogHeader header() {
        return header;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /**
     * Moves to the next record; false after the trailer (then {@link #trailerEntries()} and the other
     * trailer accessors are valid).
     *
     * @throws LogException when the bytes are damaged, truncated or end without a trailer
     */
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        recordOffset = bufOffset + buf.position();
        if (!ensure(1)) {
            throw new LogException(LogFailure.MISSING_TRAILER, file, lastEntry, recordOffset,
                    "the log ends after its last intact entry (position " + lastEntry + ") without a trailer: "
                            + "the recording did not finish (tc replay --prefix verifies the intact prefix)");
        }
        byte tag = buf.get();
        switch (tag) {
            case LogFormat.TAG_ENTRY -> readEntry();
            case LogFormat.TAG_CHECKPOINT -> readCheckpoint();
            case LogFormat.TAG_TRAILER -> {
                readTrailer();
                return false;
            }
            default -> {
                String t = "unknown record tag 0x" + HexFormat.of().toHexDigits(tag);
                if (size() - recordOffset == LogFormat.TRAILER_BYTES) {
                    throw new LogException(LogFailure.CORRUPT, file, lastEntry, recordOffset, t
                            + " where the trailer (the file's last " + LogFormat.TRAILER_BYTES + " bytes) is expected");
                }
                throw checkpointDue()
                        ? corrupt(lastEntry, t + " where the checkpoint after position " + lastEntry + " is due")
                        : corrupt(lastEntry + 1, t);
            }
        }
        return true;
    }

    /** Whether the record at hand must be the checkpoint of the last entry. */
    private boolean checkpointDue() {
        return kind == Kind.ENTRY && lastEntry > 0 && lastEntry % header.checkpointInterval() == 0;
    }

    private void readEntry() throws IOException {
        if (checkpointDue()) {
            throw corrupt(lastEntry, "an entry where the checkpoint after position " + lastEntry + " is due");
        }
        long p = varint("entry position", lastEntry + 1);
        if (p != lastEntry + 1) {
            throw corrupt(lastEntry + 1, "entry position " + p + " where " + (lastEntry + 1)
                    + " is next (E4: entries in order, none skipped or repeated)");
        }
        long len = varint("event length", lastEntry + 1);
        if (len < 1 || len > LogFormat.MAX_EVENT_BYTES) {
            throw corrupt(p, "event length " + len + " outside 1.." + LogFormat.MAX_EVENT_BYTES);
        }
        if (buf.capacity() < len + 8 + 32) {
            grow((int) len + 64);
        }
        if (!ensure((int) len + 8)) {
            throw truncated();
        }
        eventFrom = buf.position();
        eventTo = eventFrom + (int) len;
        buf.position(eventTo);
        chain = buf.getLong();
        kind = Kind.ENTRY;
        position = p;
        lastEntry = p;
    }

    private void readCheckpoint() throws IOException {
        long p = varint("checkpoint position", lastEntry);
        if (p != lastEntry || p <= 0 || p % header.checkpointInterval() != 0) {
            throw corrupt(lastEntry, "checkpoint at position " + p + " after entry " + lastEntry
                    + " (checkpoints follow entries at multiples of " + header.checkpointInterval() + ")");
        }
        if (!ensure(LogFormat.SHA256_BYTES)) {
            throw truncated();
        }
        buf.get(digest);
        kind = Kind.CHECKPOINT;
        position = p;
    }

    private void readTrailer() throws IOException {
        if (checkpointDue()) {
            throw corrupt(lastEntry, "the trailer where the checkpoint after position " + lastEntry + " is due");
        }
        int start = buf.position() - 1;
        if (!ensure(LogFormat.TRAILER_BYTES - 1)) {
            throw truncated();
        }
        long n = buf.getLong();
        long c = buf.getLong();
        buf.get(trailerDigest);
        int crc = LogFormat.crc(buf, start, buf.position());
        if (crc != buf.getInt()) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, recordOffset,
                    "trailer CRC mismatch: the trailer is damaged");
        }
        if (n != lastEntry + 1) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, recordOffset,
                    "trailer counts " + n + " entries, the log holds " + (lastEntry + 1));
        }
        if (ensure(1)) {
            throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, bufOffset + buf.position(),
                    "bytes after the trailer");
        }
        trailerEntries = n;
        trailerChain = c;
        done = true;
    }

    /**
     * An unsigned varint read straight from the buffer's array: up to 10 bytes are made readable first
     * (fewer only at the end of the file), so there is no refill check per byte.
     */
    private long varint(String what, long at) throws IOException {
        ensure(10);
        byte[] a = buf.array();
        int p = buf.arrayOffset() + buf.position();
        int available = Math.min(10, buf.remaining());
        long v = 0;
        for (int shift = 0, i = 0; i < 10; i++, shift += 7) {
            if (i == available) {
                throw truncated();
            }
            byte b = a[p + i];
            if (i == 9 && (b & 0xFE) != 0) {
                break;
            }
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                if (b == 0 && i > 0) {
                    break; // not canonical
                }
                buf.position(buf.position() + i + 1);
                return v;
            }
        }
        throw corrupt(at, "malformed " + what + " (varint)");
    }

    private LogException corrupt(long at, String detail) {
        return new LogException(LogFailure.CORRUPT, file, at, recordOffset, detail);
    }

    private LogException truncated() throws IOException {
        return new LogException(LogFailure.TRUNCATED, file, lastEntry, recordOffset,
                "the file (" + size() + " bytes) ends inside the record at byte " + recordOffset
                        + "; the last intact entry is position " + lastEntry
                        + " (tc replay --prefix verifies the intact prefix)");
    }

    private long size() throws IOException {
        return channel.size();
    }

    /** What the current record is. */
    public Kind kind() {
        return kind;
    }

    /** The current record's position (an entry's, or the entry a checkpoint follows). */
    public long position() {
        return position;
    }

    /** The byte offset of the current record in the file. */
    public long recordOffset() {
        return recordOffset;
    }

    /** The last entry read so far ({@code -1} before the first). */
    public long lastEntry() {
        return lastEntry;
    }

    /** The current entry's chain value. */
    public long chain() {
        return chain;
    }

    /** The buffer holding the current entry's codec bytes at {@link #eventFrom()} to {@link #eventTo()}. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** Start of the current entry's event bytes in {@link #buffer()}. */
    public int eventFrom() {
        return eventFrom;
    }

    /** End (exclusive) of the current entry's event bytes in {@link #buffer()}. */
    public int eventTo() {
        return eventTo;
    }

    /** Whether the current entries of this reader and {@code other} hold the same codec bytes (no copy). */
    public boolean sameEventBytes(GoldenLogReader other) {
        return Arrays.equals(buf.array(), eventFrom, eventTo, other.buf.array(), other.eventFrom, other.eventTo);
    }

    /** A copy of the current entry's codec bytes. */
    public byte[] eventBytes() {
        byte[] b = new byte[eventTo - eventFrom];
        buf.get(eventFrom, b);
        return b;
    }

    /**
     * Decodes the current entry's event.
     *
     * @throws LogException ({@link LogFailure#CORRUPT}) when its bytes are not one whole event
     */
    public Event event() {
        // Decode in place (no view buffer per entry): the event's bytes are bounded by the limit, then
        // position and limit are put back as they were.
        int position0 = buf.position();
        int limit0 = buf.limit();
        buf.limit(eventTo).position(eventFrom);
        try {
            Event e = EventCodec.decode(buf, header.codecVersion());
            if (buf.hasRemaining()) {
                throw new LogException(LogFailure.CORRUPT, file, position, recordOffset,
                        "the event's bytes hold " + buf.remaining() + " bytes more than its " + e.type());
            }
            return e;
        } catch (EventCodecException e) {
            throw new LogException(LogFailure.CORRUPT, file, position, bufOffset + e.offset(),
                    "the event does not decode: " + e.detail());
        } finally {
            buf.limit(limit0).position(position0);
        }
    }

    /** The current checkpoint's State digest, {@code sha256:…}. */
    public String digest() {
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    /** After the trailer: the entry count it records. */
    public long trailerEntries() {
        return trailerEntries;
    }

    /** After the trailer: the final chain value. */
    public long trailerChain() {
        return trailerChain;
    }

    /** After the trailer: the final State digest, {@code sha256:…}. */
    public String trailerDigest() {
        return "sha256:" + HexFormat.of().formatHex(trailerDigest);
    }

    /** True once the trailer was read. */
    public boolean finished() {
        return done;
    }

    /** Makes at least {@code n} bytes readable from the current position; false at end of file. */
    private boolean ensure(int n) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (buf.capacity() < n) {
            grow(n);
        }
        bufOffset += buf.position();
        buf.compact();
        while (buf.position() < n) {
            int r = channel.read(buf);
            if (r < 0) {
                eof = true;
                break;
            }
        }
        buf.flip();
        return buf.remaining() >= n;
    }

    /** A larger buffer holding the unread bytes at its start. */
    private void grow(int n) {
        ByteBuffer bigger = LogFormat.le(Math.max(n * 2, buf.capacity() * 2));
        bufOffset += buf.position();
        bigger.put(buf);
        bigger.flip();
        buf = bigger;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
