package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Encodes one event into bytes and decodes it back, in the layout documented in runtime/README.md
 * ("Event codec"), version {@value #VERSION}. Stateless and thread-safe.
 *
 * <p>Every event is a head — the type code ({@link EventType#code()}, one byte), {@code exchTsNs} and
 * {@code localTsNs} (each 8 bytes, little-endian) — then its own fields: every other integer as a
 * zig-zag LEB128 varint, enums as one-byte codes ({@link CodecEnums}), strings as a varint length
 * ({@code -1} for {@code null}) and UTF-8 bytes. Events are self-delimiting, so they can be written back
 * to back; the encoding of an event is unique (decoding accepts only canonical varints), so decoding and
 * re-encoding reproduces the bytes.
 *
 * <p>{@link #encode} writes at the buffer's position and {@link #decode} reads at it, each advancing the
 * position past the event; the buffer's byte order does not matter. Neither allocates anything except
 * the decoded event (and, for string fields of a direct buffer, one copy of the string's bytes).
 *
 * <p>Versioning: a new event type is a new code and layout; old bytes stay readable and an older reader
 * refuses the new code by name ("unknown event type code"). A new field in an existing type changes
 * that type's layout and {@link #VERSION}; stores record the version they were written with and decode
 * with it ({@link #decode(ByteBuffer, int)}), the changed layout reading the older form by version, so
 * old stores stay readable; a version newer than the build is refused.
 */
public final class EventCodec {

    /**
     * Layout version. 1: the first layout; 2: OrderSubmitted carries the command's time in force and
     * OrderFilled its liquidity (both one byte at the end; version 1 reads GTC and UNKNOWN). Bump it when
     * any type's layout changes (a field
     * added, removed or re-encoded); adding a type does not change it.
     */
    public static final int VERSION = 2;

    /**
     * The oldest version {@link #decode(ByteBuffer, int)} reads. When a layout changes, its reader keeps
     * the older form (branching on the version), so stores written before stay readable.
     */
    public static final int OLDEST_READABLE_VERSION = 1;

    /** Bytes of the head every event starts with: type code, {@code exchTsNs}, {@code localTsNs}. */
    public static final int HEAD_BYTES = 1 + 2 * Wire.FIXED64_BYTES;

    /** Type codes are one byte. */
    private static final int MAX_TYPE_CODE = 0xFF;

    private static final EventLayout<?>[] BY_CODE = new EventLayout<?>[MAX_TYPE_CODE + 1];

    static {
        for (EventLayout<?> layout : EventLayouts.ALL) {
            int code = layout.type.code();
            if (code < 0 || code > MAX_TYPE_CODE || BY_CODE[code] != null) {
                throw new IllegalStateException("EventCodec: type code " + code + " of " + layout.type
                        + " is outside one byte or taken twice");
            }
            BY_CODE[code] = layout;
        }
    }

    private EventCodec() {
    }

    /** Whether this codec has a layout for {@code type}. */
    public static boolean supports(EventType type) {
        int code = type.code();
        return code >= 0 && code <= MAX_TYPE_CODE && BY_CODE[code] != null && BY_CODE[code].type == type;
    }

    /**
     * An upper bound on the bytes {@link #encode} writes for {@code event}: a buffer with this much room
     * always suffices.
     *
     * @throws IllegalArgumentException when the event's type has no layout
     */
    public static int maxEncodedLength(Event event) {
        int row = MarketRowWriter.maxLength(event);
        return row >= 0 ? row : HEAD_BYTES + layout(event).maxFieldsLengthOf(event);
    }

    /**
     * Writes {@code event} at {@code buffer}'s position and advances it.
     *
     * @return the number of bytes written
     * @throws EventCodecException when the buffer has too little room; its position is then unchanged
     * @throws IllegalArgumentException when the event cannot be encoded (a type without layout, a
     *         {@code null} enum or command, a string with a lone surrogate)
     */
    public static int encode(Event event, ByteBuffer buffer) {
        int row = MarketRowWriter.encode(event, buffer); // a market row into a heap buffer with room; else -1
        if (row >= 0) {
            return row;
        }
        EventLayout<?> layout = layout(event);
        int start = buffer.position();
        try {
            Wire.writeU8(buffer, layout.type.code());
            Wire.writeFixed64(buffer, event.exchTsNs());
            Wire.writeFixed64(buffer, event.localTsNs());
            layout.writeFieldsOf(event, buffer);
        } catch (BufferOverflowException e) {
            buffer.position(start);
            throw new EventCodecException(start, "buffer too small to encode " + layout.type + ": "
                    + (buffer.limit() - start) + " bytes of room, up to " + maxEncodedLength(event) + " needed");
        } catch (IllegalArgumentException e) {
            buffer.position(start);
            throw e;
        }
        return buffer.position() - start;
    }

    /**
     * Reads one event at {@code buffer}'s position and advances the position past it.
     *
     * @throws EventCodecException naming the byte offset, when the bytes there are not an event (unknown
     *         type code, truncated, malformed varint, invalid enum code or UTF-8); the position is then
     *         unchanged
     */
    public static Event decode(ByteBuffer buffer) {
        return decode(buffer, VERSION);
    }

    /**
     * As {@link #decode(ByteBuffer)}, for bytes written by codec {@code version} (a store records it).
     *
     * @throws IllegalArgumentException when {@code version} is not one this build reads
     */
    public static Event decode(ByteBuffer buffer, int version) {
        if (!readable(version)) {
            throw new IllegalArgumentException("event codec version " + version + " is not one this build reads ("
                    + OLDEST_READABLE_VERSION + " to " + VERSION + ")");
        }
        Event row = MarketRowReader.decode(buffer); // a market row from a heap buffer; else null, untouched
        if (row != null) {
            return row;
        }
        int start = buffer.position();
        if (!buffer.hasRemaining()) {
            throw new EventCodecException(start, "no event: the bytes end here (limit " + buffer.limit() + ")");
        }
        int code = buffer.get() & 0xFF;
        EventLayout<?> layout = BY_CODE[code];
        if (layout == null) {
            buffer.position(start);
            throw new EventCodecException(start, "unknown event type code " + code);
        }
        try {
            long exchTsNs = Wire.readFixed64(buffer, start, layout.type, "exchTsNs");
            long localTsNs = Wire.readFixed64(buffer, start, layout.type, "localTsNs");
            return layout.readFields(buffer, start, exchTsNs, localTsNs, version);
        } catch (EventCodecException e) {
            buffer.position(start);
            throw e;
        }
    }

    /** Whether {@link #decode(ByteBuffer, int)} reads bytes of codec {@code version}. */
    public static boolean readable(int version) {
        return version >= OLDEST_READABLE_VERSION && version <= VERSION;
    }

    private static EventLayout<?> layout(Event event) {
        EventType type = event.type();
        if (!supports(type)) {
            throw new IllegalArgumentException("no codec layout for event type " + type + " (code " + type.code()
                    + "): add one in EventLayouts");
        }
        return BY_CODE[type.code()];
    }
}
