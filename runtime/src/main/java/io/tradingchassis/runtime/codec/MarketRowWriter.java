package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Trade;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The encode path of the rows that make up most of a recorded stream ({@code BOOK_DELTA}, {@code TRADE},
 * {@code BBO}), straight into a heap buffer's array: one room check per event instead of one bounds
 * check per byte. It writes exactly the bytes of {@link EventLayouts}' layouts (a test compares the two
 * on every row of the shared recordings); anything else — another type, a direct or read-only buffer,
 * less room than the type's longest encoding, a {@code null} side — it leaves to the general path by
 * returning {@code -1} with the buffer untouched.
 */
final class MarketRowWriter {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The longest of the three: a {@code BBO}'s five varints (a book delta or trade needs 3 varints and a byte). */
    private static final int MAX_ROW_BYTES = EventCodec.HEAD_BYTES + 5 * Wire.MAX_VARINT_BYTES;

    private MarketRowWriter() {
    }

    /** {@link EventCodec#maxEncodedLength} of a market row without the layout lookup, or -1 for another type. */
    static int maxLength(Event e) {
        if (e instanceof BookDelta || e instanceof Trade) {
            return EventCodec.HEAD_BYTES + 3 * Wire.MAX_VARINT_BYTES + 1;
        }
        return e instanceof Bbo ? MAX_ROW_BYTES : -1;
    }

    /** Writes {@code e} at the buffer's position and returns the bytes written, or -1 (nothing written). */
    static int encode(Event e, ByteBuffer b) {
        if (!b.hasArray() || b.remaining() < MAX_ROW_BYTES) {
            return -1;
        }
        byte[] a = b.array();
        int start = b.arrayOffset() + b.position();
        int p;
        if (e instanceof BookDelta d) { // instanceof a record class: one class compare
            if (d.side() == null) {
                return -1;
            }
            p = head(a, start, EventType.BOOK_DELTA, d.exchTsNs(), d.localTsNs());
            p = varint(a, p, d.instrument());
            a[p++] = (byte) CodecEnums.code(d.side());
            p = varint(a, p, d.priceTicks());
            p = varint(a, p, d.qtyLots());
        } else if (e instanceof Trade t) {
            if (t.aggressorSide() == null) {
                return -1;
            }
            p = head(a, start, EventType.TRADE, t.exchTsNs(), t.localTsNs());
            p = varint(a, p, t.instrument());
            a[p++] = (byte) CodecEnums.code(t.aggressorSide());
            p = varint(a, p, t.priceTicks());
            p = varint(a, p, t.qtyLots());
        } else if (e instanceof Bbo q) {
            p = head(a, start, EventType.BBO, q.exchTsNs(), q.localTsNs());
            p = varint(a, p, q.instrument());
            p = varint(a, p, q.bidTicks());
            p = varint(a, p, q.bidLots());
            p = varint(a, p, q.askTicks());
            p = varint(a, p, q.askLots());
        } else {
            return -1;
        }
        b.position(p - b.arrayOffset());
        return p - start;
    }

    private static int head(byte[] a, int p, EventType type, long exchTsNs, long localTsNs) {
        a[p] = (byte) type.code();
        LONG_LE.set(a, p + 1, exchTsNs);
        LONG_LE.set(a, p + 1 + Wire.FIXED64_BYTES, localTsNs);
        return p + EventCodec.HEAD_BYTES;
    }

    /** {@link Wire#writeVarint} into the array; returns the index after it. */
    private static int varint(byte[] a, int p, long v) {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            a[p++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        a[p++] = (byte) z;
        return p;
    }
}
