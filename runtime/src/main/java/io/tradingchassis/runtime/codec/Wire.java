package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.EventType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The field primitives of the codec: fixed-width little-endian 64-bit integers, zig-zag LEB128 varints,
 * single bytes and length-prefixed UTF-8 strings. Writers rely on the buffer's own bounds checks (the
 * codec turns a {@link BufferOverflowException} into a message); readers check explicitly so a
 * truncation names the field. Nothing here allocates, except {@link #readString} (the String itself).
 */
final class Wire {

    /** Longest varint: 64 bits in 7-bit groups. */
    static final int MAX_VARINT_BYTES = 10;
    /** Encoded length of a fixed-width field. */
    static final int FIXED64_BYTES = 8;
    /** Most UTF-8 bytes one UTF-16 char can need (a surrogate pair is 4 bytes for 2 chars). */
    static final int MAX_UTF8_BYTES_PER_CHAR = 3;

    private Wire() {
    }

    // ------------------------------------------------------------------ write

    static void writeU8(ByteBuffer b, int v) {
        b.put((byte) v);
    }

    static void writeFixed64(ByteBuffer b, long v) {
        b.putLong(b.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v));
    }

    /** Zig-zag, then LEB128: small magnitudes of either sign take few bytes; Long.MIN_VALUE takes 10. */
    static void writeVarint(ByteBuffer b, long v) {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            b.put((byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        b.put((byte) z);
    }

    /** Most bytes {@link #writeString} can take for {@code s}. */
    static int maxStringLength(String s) {
        return MAX_VARINT_BYTES + (s == null ? 0 : MAX_UTF8_BYTES_PER_CHAR * s.length());
    }

    /**
     * A varint length ({@code -1} for {@code null}) then the UTF-8 bytes, encoded here without a
     * temporary array. A lone surrogate has no UTF-8 form and could not round-trip: it is refused.
     */
    static void writeString(ByteBuffer b, String s, EventType type, String field) {
        if (s == null) {
            writeVarint(b, -1);
            return;
        }
        int n = utf8Length(s, type, field);
        writeVarint(b, n);
        if (b.remaining() < n) {
            throw new BufferOverflowException();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put((byte) c);
            } else if (c < 0x800) {
                b.put((byte) (0xC0 | (c >> 6)));
                b.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.put((byte) (0xF0 | (cp >> 18)));
                b.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                b.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                b.put((byte) (0x80 | (cp & 0x3F)));
            } else {
                b.put((byte) (0xE0 | (c >> 12)));
                b.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                b.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private static int utf8Length(String s, EventType type, String field) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else {
                    throw new IllegalArgumentException(type + "." + field + " has a lone surrogate U+"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i
                            + ": it has no UTF-8 form");
                }
            } else {
                n += 3;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ read

    static int readU8(ByteBuffer b, int start, EventType type, String field) {
        if (!b.hasRemaining()) {
            throw truncated(b, start, type, field);
        }
        return b.get() & 0xFF;
    }

    static long readFixed64(ByteBuffer b, int start, EventType type, String field) {
        if (b.remaining() < FIXED64_BYTES) {
            throw truncated(b, start, type, field);
        }
        long v = b.getLong();
        return b.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }

    /** A zig-zag varint; overlong (more than 64 bits) and non-canonical (trailing zero group) forms are corrupt. */
    static long readVarint(ByteBuffer b, int start, EventType type, String field) {
        int at = b.position();
        long z = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (!b.hasRemaining()) {
                throw truncated(b, start, type, field);
            }
            int x = b.get() & 0xFF;
            if (i == MAX_VARINT_BYTES - 1 && x > 1) {
                throw new EventCodecException(at, "malformed varint (more than 64 bits) in " + type + "." + field);
            }
            z |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                if (x == 0 && i > 0) {
                    throw new EventCodecException(at, "non-canonical varint (trailing zero byte) in " + type + "."
                            + field);
                }
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new EventCodecException(at, "malformed varint (more than 64 bits) in " + type + "." + field);
    }

    /** A varint that must fit an {@code int} in {@code [min, max]}. */
    static int readInt(ByteBuffer b, int start, EventType type, String field, int min, int max) {
        int at = b.position();
        long v = readVarint(b, start, type, field);
        if (v < min || v > max) {
            throw new EventCodecException(at, type + "." + field + " = " + v + " is outside [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    static boolean readBoolean(ByteBuffer b, int start, EventType type, String field) {
        int at = b.position();
        int v = readU8(b, start, type, field);
        if (v > 1) {
            throw new EventCodecException(at, type + "." + field + " has boolean code " + v + " (0 or 1 expected)");
        }
        return v == 1;
    }

    /** A string written by {@link #writeString}: strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
    static String readString(ByteBuffer b, int start, EventType type, String field) {
        int at = b.position();
        long n = readVarint(b, start, type, field);
        if (n == -1) {
            return null;
        }
        if (n < -1) {
            throw new EventCodecException(at, type + "." + field + " has string length " + n);
        }
        if (n > b.remaining()) {
            throw truncated(b, start, type, field);
        }
        int len = (int) n;
        int from = b.position();
        int bad = firstInvalidUtf8(b, from, from + len);
        if (bad >= 0) {
            throw new EventCodecException(bad, "invalid UTF-8 in " + type + "." + field);
        }
        String s;
        if (b.hasArray()) {
            s = new String(b.array(), b.arrayOffset() + from, len, StandardCharsets.UTF_8);
        } else {
            byte[] copy = new byte[len];
            b.get(from, copy);
            s = new String(copy, StandardCharsets.UTF_8);
        }
        b.position(from + len);
        return s;
    }

    /** Index of the first byte of an invalid UTF-8 sequence in {@code [from, to)}, else -1 (absolute reads). */
    private static int firstInvalidUtf8(ByteBuffer b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b.get(i) & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= to) {
                return i; // the sequence runs past the string's end
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b.get(i + k) & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    private static EventCodecException truncated(ByteBuffer b, int start, EventType type, String field) {
        return new EventCodecException(start, "truncated " + type + ": field " + field + " at offset "
                + b.position() + " runs past the end of the bytes (limit " + b.limit() + ")");
    }
}
