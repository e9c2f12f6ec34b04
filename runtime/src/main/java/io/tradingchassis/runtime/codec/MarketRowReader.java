package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The decode path of the rows that make up most of a recorded stream ({@code BOOK_DELTA}, {@code TRADE},
 * {@code BBO}), straight from a heap buffer's array, the mirror of {@link MarketRowWriter}: the varints
 * are read with one index compare per byte instead of a {@code ByteBuffer} bounds check, a
 * {@code position} update and a remaining-bytes check. It reads exactly what {@link EventLayouts}' layouts
 * read (EventCodecTest compares the two on random rows and corrupted ones). Anything it does not take — a
 * direct buffer, another type, too few bytes, an overlong or non-canonical varint, an unknown side code,
 * an instrument outside {@code int} — it leaves to the general path by returning {@code null} with the
 * buffer untouched, so every error message stays the general path's.
 */
final class MarketRowReader {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BOOK_DELTA = EventType.BOOK_DELTA.code();
    private static final int TRADE = EventType.TRADE.code();
    private static final int BBO = EventType.BBO.code();
    /** Longest varint this path reads: 9 bytes (63 bits); a 10-byte one goes to the general path. */
    private static final int MAX_FAST_VARINT = 9;

    private MarketRowReader() {
    }

    /**
     * Decodes the market row at the buffer's position and advances the position past it, or returns
     * {@code null} (position unchanged) for anything the general path must read.
     */
    static Event decode(ByteBuffer b) {
        if (!b.hasArray()) {
            return null;
        }
        byte[] a = b.array();
        int start = b.arrayOffset() + b.position();
        int end = b.arrayOffset() + b.limit();
        if (end - start < EventCodec.HEAD_BYTES + 4) {
            return null;
        }
        int code = a[start] & 0xFF;
        if (code != BOOK_DELTA && code != TRADE && code != BBO) {
            return null;
        }
        long exchTsNs = (long) LONG_LE.get(a, start + 1);
        long localTsNs = (long) LONG_LE.get(a, start + 1 + Wire.FIXED64_BYTES);
        int p = start + EventCodec.HEAD_BYTES;
        int n = varintLength(a, p, end);
        if (n < 0) {
            return null;
        }
        long instrument = varint(a, p, n);
        if (instrument < Integer.MIN_VALUE || instrument > Integer.MAX_VALUE) {
            return null;
        }
        p += n;
        Event e;
        if (code == BBO) {
            int n1 = varintLength(a, p, end);
            int n2 = n1 < 0 ? -1 : varintLength(a, p + n1, end);
            int n3 = n2 < 0 ? -1 : varintLength(a, p + n1 + n2, end);
            int n4 = n3 < 0 ? -1 : varintLength(a, p + n1 + n2 + n3, end);
            if (n4 < 0) {
                return null;
            }
            e = new Bbo(exchTsNs, localTsNs, (int) instrument, varint(a, p, n1), varint(a, p + n1, n2),
                    varint(a, p + n1 + n2, n3), varint(a, p + n1 + n2 + n3, n4));
            p += n1 + n2 + n3 + n4;
        } else {
            if (p >= end) {
                return null;
            }
            int sideCode = a[p++] & 0xFF;
            int n1 = varintLength(a, p, end);
            int n2 = n1 < 0 ? -1 : varintLength(a, p + n1, end);
            if (n2 < 0) {
                return null;
            }
            long price = varint(a, p, n1);
            long qty = varint(a, p + n1, n2);
            p += n1 + n2;
            if (code == BOOK_DELTA) {
                BookSide side = CodecEnums.bookSide(sideCode);
                if (side == null) {
                    return null;
                }
                e = new BookDelta(exchTsNs, localTsNs, (int) instrument, side, price, qty);
            } else {
                Side side = CodecEnums.side(sideCode);
                if (side == null) {
                    return null;
                }
                e = new Trade(exchTsNs, localTsNs, (int) instrument, side, price, qty);
            }
        }
        b.position(p - b.arrayOffset());
        return e;
    }

    /**
     * The length of the varint at {@code a[p]}, 1 to {@value #MAX_FAST_VARINT}, or {@code -1} when it runs
     * past {@code end}, is longer or is not canonical (a trailing zero byte): the general path names those.
     */
    private static int varintLength(byte[] a, int p, int end) {
        int limit = Math.min(end - p, MAX_FAST_VARINT);
        for (int i = 0; i < limit; i++) {
            byte x = a[p + i];
            if (x >= 0) { // the high bit clear: the last byte
                return x == 0 && i > 0 ? -1 : i + 1;
            }
        }
        return -1;
    }

    /** The zig-zag varint of {@code n} bytes at {@code a[p]} (as {@link Wire#readVarint}). */
    private static long varint(byte[] a, int p, int n) {
        long z = 0;
        for (int i = 0; i < n; i++) {
            z |= (long) (a[p + i] & 0x7F) << (7 * i);
        }
        return (z >>> 1) ^ -(z & 1);
    }
}
