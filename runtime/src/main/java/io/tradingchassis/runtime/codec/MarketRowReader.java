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
 * read (a test compares the two on every row of the shared recordings). Anything it does not take — a
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

    /** Index after the last varint read by {@link #varint}; {@code -1} when it declined. */
    private int next;

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
        MarketRowReader r = new MarketRowReader(); // scalar-replaced: the JIT keeps it in registers
        int p = start + EventCodec.HEAD_BYTES;
        long instrument = r.varint(a, p, end);
        if (r.next < 0 || instrument < Integer.MIN_VALUE || instrument > Integer.MAX_VALUE) {
            return null;
        }
        p = r.next;
        Event e;
        if (code == BBO) {
            long bidTicks = r.varint(a, p, end);
            long bidLots = r.next < 0 ? 0 : r.varint(a, r.next, end);
            long askTicks = r.next < 0 ? 0 : r.varint(a, r.next, end);
            long askLots = r.next < 0 ? 0 : r.varint(a, r.next, end);
            if (r.next < 0) {
                return null;
            }
            e = new Bbo(exchTsNs, localTsNs, (int) instrument, bidTicks, bidLots, askTicks, askLots);
        } else {
            if (p >= end) {
                return null;
            }
            int sideCode = a[p++] & 0xFF;
            long price = r.varint(a, p, end);
            long qty = r.next < 0 ? 0 : r.varint(a, r.next, end);
            if (r.next < 0) {
                return null;
            }
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
        b.position(r.next - b.arrayOffset());
        return e;
    }

    /**
     * The zig-zag varint at {@code a[p]} (as {@link Wire#readVarint}); sets {@link #next} to the index after
     * it, or to {@code -1} when it runs past {@code end}, is longer than 9 bytes or is not canonical.
     */
    private long varint(byte[] a, int p, int end) {
        long z = 0;
        for (int i = 0; i < MAX_FAST_VARINT; i++) {
            if (p >= end) {
                break;
            }
            int x = a[p++];
            z |= (long) (x & 0x7F) << (7 * i);
            if (x >= 0) { // the high bit clear: the last byte
                if (x == 0 && i > 0) {
                    break; // non-canonical: the general path names it
                }
                next = p;
                return (z >>> 1) ^ -(z & 1);
            }
        }
        next = -1;
        return 0;
    }
}
