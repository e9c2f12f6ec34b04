package io.tradingchassis.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    /** Every event type with edge values: extremes of every field, empty and null where allowed. */
    static List<Event> edgeSamples() {
        List<Event> e = new ArrayList<>();
        e.add(new BookDelta(MIN, MAX, Integer.MAX_VALUE, BookSide.ASK, MIN, MAX));
        e.add(new BookDelta(0, 0, 0, BookSide.BID, 0, 0));
        e.add(new BookDelta(-1, 1, Integer.MIN_VALUE, BookSide.BID, -1, 1));
        e.add(new BookSnapshot(MAX, MIN, 0, List.of(), List.of()));
        e.add(new BookSnapshot(1, 2, 3, List.of(new PriceLevel(MAX, MIN)), List.of()));
        e.add(new BookSnapshot(1, 2, 3, List.of(), List.of(new PriceLevel(MIN, MAX), new PriceLevel(0, 0))));
        e.add(new BookSnapshot(1723161254206652067L, 1723161254206652067L, 0,
                List.of(new PriceLevel(6183763, 378826), new PriceLevel(6183762, 61700)),
                List.of(new PriceLevel(6183764, 154698))));
        e.add(new Trade(MIN, MAX, Integer.MIN_VALUE, Side.SELL, MIN, MAX));
        e.add(new Trade(MAX, MIN, Integer.MAX_VALUE, Side.BUY, MAX, MIN));
        e.add(new Bbo(MIN, MAX, 7, MIN, MAX, MAX, MIN));
        e.add(new OrderAccepted(MIN, MAX, MIN));
        e.add(new OrderAccepted(0, 0, MAX));
        e.add(new OrderRejected(MIN, MAX, MIN, MAX, null));
        e.add(new OrderRejected(1, 2, 3, 4, ""));
        e.add(new OrderRejected(1, 2, 3, 4, "price band € ñ 😀 \u0000 \uFFFF"));
        e.add(new OrderFilled(MIN, MAX, MAX, MIN, MAX, MIN));
        e.add(new OrderCancelled(MAX, MIN, MIN, OrderCancelled.UNSOLICITED));
        e.add(new OrderReplaced(MIN, MAX, MIN, MAX, MIN, MAX));
        e.add(new OrderExpired(MIN, MAX, MAX));
        e.add(new OrderFilled(MAX, MIN, MIN, MAX, MIN, MAX, Liquidity.MAKER));
        for (CommandType t : CommandType.values()) {
            for (Side s : Side.values()) {
                e.add(new OrderSubmitted(MIN, MAX, MAX, MIN, new OrderCommand(t, Integer.MAX_VALUE, s, MIN, MAX)));
            }
        }
        e.add(new DispatchFailed(MIN, MAX, MIN, MAX, null));
        e.add(new DispatchFailed(0, 0, 0, 0, ""));
        e.add(new DispatchFailed(0, 0, 0, 0, "x".repeat(100_000)));
        e.add(new SessionStart(MIN, MAX));
        e.add(new KillSwitch(MIN, MAX, true));
        e.add(new KillSwitch(MAX, MIN, false));
        e.add(new ConfigurationActivated(MIN, MAX, null));
        e.add(new ConfigurationActivated(0, 0, ""));
        e.add(new ConfigurationActivated(0, 0, "sha256:" + "ab".repeat(32)));
        e.add(new FeedGap(MIN, MAX, Integer.MIN_VALUE));
        e.add(new FeedGap(MAX, MIN, Integer.MAX_VALUE));
        e.add(new ControlTime(MIN, MAX, MAX, ControlTimeReason.RATE_LIMIT_RECOVERY));
        e.add(new ControlTime(MAX, MIN, MIN, ControlTimeReason.RATE_LIMIT_RECOVERY));
        return e;
    }

    @Test
    void every_event_type_has_a_layout_and_an_edge_sample() {
        Set<EventType> sampled = EnumSet.noneOf(EventType.class);
        for (Event e : edgeSamples()) {
            sampled.add(e.type());
        }
        for (EventType t : EventType.values()) {
            assertTrue(EventCodec.supports(t), "no codec layout for " + t + ": add one in EventLayouts");
            assertTrue(sampled.contains(t), "no round-trip sample for " + t + ": add one to edgeSamples()");
        }
    }

    @Test
    void every_edge_sample_round_trips_in_heap_direct_and_big_endian_buffers() {
        for (Event e : edgeSamples()) {
            for (ByteBuffer b : new ByteBuffer[] {ByteBuffer.allocate(EventCodec.maxEncodedLength(e)),
                    ByteBuffer.allocateDirect(EventCodec.maxEncodedLength(e)),
                    ByteBuffer.allocate(EventCodec.maxEncodedLength(e)).order(ByteOrder.LITTLE_ENDIAN)}) {
                int n = EventCodec.encode(e, b);
                assertEquals(n, b.position());
                assertTrue(n <= EventCodec.maxEncodedLength(e), "maxEncodedLength bounds " + e.type());
                b.flip();
                Event back = EventCodec.decode(b);
                assertEquals(e, back, () -> "round trip of " + e.type());
                assertEquals(n, b.position(), "decode consumes exactly the encoded bytes");
            }
        }
    }

    @Test
    void the_bytes_do_not_depend_on_the_buffer_byte_order() {
        for (Event e : edgeSamples()) {
            assertArrayEquals(bytes(e, ByteOrder.BIG_ENDIAN), bytes(e, ByteOrder.LITTLE_ENDIAN), e.type().name());
        }
    }

    @Test
    void decoding_then_encoding_reproduces_the_bytes() {
        for (Event e : edgeSamples()) {
            byte[] once = bytes(e, ByteOrder.BIG_ENDIAN);
            Event back = EventCodec.decode(ByteBuffer.wrap(once));
            assertArrayEquals(once, bytes(back, ByteOrder.BIG_ENDIAN), e.type().name());
        }
    }

    @Test
    void events_are_self_delimiting_back_to_back() {
        List<Event> all = edgeSamples();
        ByteBuffer b = ByteBuffer.allocate(all.stream().mapToInt(EventCodec::maxEncodedLength).sum());
        for (Event e : all) {
            EventCodec.encode(e, b);
        }
        b.flip();
        List<Event> back = new ArrayList<>();
        while (b.hasRemaining()) {
            back.add(EventCodec.decode(b));
        }
        assertEquals(all, back);
    }

    /**
     * The layout is a stored format: these bytes must never change without a new {@link EventCodec#VERSION}
     * (runtime/README.md, "Event codec").
     */
    @Test
    void the_layout_is_pinned() {
        long ex = 0x0102030405060708L;
        long lo = 0x1112131415161718L;
        String head = "0807060504030201" + "1817161514131211";
        assertHex("01" + head + "00" + "01" + "f6e7f30a" + "0a",
                new BookDelta(ex, lo, 0, BookSide.ASK, 11_434_491, 5));
        assertHex("02" + head + "02" + "04" + "0402" + "0604" + "00",
                new BookSnapshot(ex, lo, 1, List.of(new PriceLevel(2, 1), new PriceLevel(3, 2)), List.of()));
        assertHex("03" + head + "00" + "01" + "c801" + "01", new Trade(ex, lo, 0, Side.SELL, 100, -1));
        assertHex("04" + head + "00" + "02" + "04" + "06" + "08", new Bbo(ex, lo, 0, 1, 2, 3, 4));
        assertHex("0a" + head + "0e", new OrderAccepted(ex, lo, 7));
        assertHex("0b" + head + "0e" + "10" + "01", new OrderRejected(ex, lo, 7, 8, null));
        assertHex("0b" + head + "0e" + "10" + "06" + "e282ac", new OrderRejected(ex, lo, 7, 8, "€"));
        assertHex("0c" + head + "0e" + "02" + "c801" + "00" + "00", new OrderFilled(ex, lo, 7, 1, 100, 0));
        assertHex("0c" + head + "0e" + "02" + "c801" + "00" + "02",
                new OrderFilled(ex, lo, 7, 1, 100, 0, Liquidity.TAKER));
        assertHex("0d" + head + "0e" + "00", new OrderCancelled(ex, lo, 7, 0));
        assertHex("0e" + head + "0e" + "10" + "c801" + "04", new OrderReplaced(ex, lo, 7, 8, 100, 2));
        assertHex("0f" + head + "0e", new OrderExpired(ex, lo, 7));
        assertHex("14" + head + "0e" + "10" + "01" + "00" + "00" + "c801" + "04" + "00",
                new OrderSubmitted(ex, lo, 7, 8, new OrderCommand(CommandType.REPLACE, 0, Side.BUY, 100, 2)));
        assertHex("14" + head + "0e" + "10" + "00" + "00" + "00" + "c801" + "04" + "03",
                new OrderSubmitted(ex, lo, 7, 8, new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 2,
                        TimeInForce.GTX)));
        assertHex("15" + head + "0e" + "10" + "00", new DispatchFailed(ex, lo, 7, 8, ""));
        assertHex("1e" + head, new SessionStart(ex, lo));
        assertHex("1f" + head + "01", new KillSwitch(ex, lo, true));
        assertHex("20" + head + "04" + "6162", new ConfigurationActivated(ex, lo, "ab"));
        assertHex("21" + head + "06", new FeedGap(ex, lo, 3));
        assertHex("22" + head + "ffffffffffffff7f" + "00",
                new ControlTime(ex, lo, Long.MAX_VALUE, ControlTimeReason.RATE_LIMIT_RECOVERY));
        assertHex("22" + head + "ffffffffffffff7f" + "01",
                new ControlTime(ex, lo, Long.MAX_VALUE, ControlTimeReason.STRATEGY_TIMER));
    }

    @Test
    void varints_are_zig_zag_so_small_negatives_are_short_and_the_extremes_take_ten_bytes() {
        // head 17 + instrument 1 + side 1 + price + qty 1
        assertEquals(17 + 1 + 1 + 1 + 1, bytes(new BookDelta(0, 0, 0, BookSide.BID, -1, 0), ByteOrder.BIG_ENDIAN).length);
        assertEquals(17 + 1 + 1 + 10 + 1, bytes(new BookDelta(0, 0, 0, BookSide.BID, MIN, 0), ByteOrder.BIG_ENDIAN).length);
        assertEquals(17 + 1 + 1 + 10 + 1, bytes(new BookDelta(0, 0, 0, BookSide.BID, MAX, 0), ByteOrder.BIG_ENDIAN).length);
    }

    @Test
    void an_unknown_type_code_names_the_code_and_offset() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 0, 0, (byte) 99, 1, 2, 3});
        b.position(3);
        EventCodecException ex = assertThrows(EventCodecException.class, () -> EventCodec.decode(b));
        assertEquals("unknown event type code 99 at byte offset 3", ex.getMessage());
        assertEquals(3, ex.offset());
        assertEquals(3, b.position(), "position unchanged on failure");
    }

    @Test
    void every_truncation_of_every_sample_is_an_error_naming_the_offset() {
        for (Event e : edgeSamples()) {
            byte[] full = bytes(e, ByteOrder.LITTLE_ENDIAN);
            if (full.length > 1000) {
                continue; // the 100,000-character string: its prefixes are covered by the short ones
            }
            for (int cut = 0; cut < full.length; cut++) {
                byte[] prefix = new byte[5 + cut];
                System.arraycopy(full, 0, prefix, 5, cut);
                ByteBuffer b = ByteBuffer.wrap(prefix);
                b.position(5);
                EventCodecException ex = assertThrows(EventCodecException.class, () -> EventCodec.decode(b),
                        e.type() + " cut at " + cut);
                if (ex.getMessage().contains("Count = ")) {
                    // a snapshot's level count that the remaining bytes cannot hold: named at the count
                    assertTrue(ex.offset() > 5 && ex.offset() <= 5 + cut, ex.getMessage());
                } else {
                    assertEquals(5, ex.offset(), "the offset names the event's first byte");
                    assertTrue(ex.getMessage().endsWith("at byte offset 5"), ex.getMessage());
                    assertTrue(cut == 0 ? ex.getMessage().startsWith("no event")
                            : ex.getMessage().startsWith("truncated " + e.type() + ": field "), ex.getMessage());
                }
                assertEquals(5, b.position(), "position unchanged on failure");
            }
        }
    }

    @Test
    void a_truncation_names_the_field() {
        byte[] full = bytes(new Trade(1, 2, 0, Side.BUY, 100, 5), ByteOrder.LITTLE_ENDIAN);
        byte[] cut = Arrays.copyOf(full, 12);
        EventCodecException ex = assertThrows(EventCodecException.class, () -> EventCodec.decode(ByteBuffer.wrap(cut)));
        assertEquals("truncated TRADE: field localTsNs at offset 9 runs past the end of the bytes (limit 12) at byte "
                + "offset 0", ex.getMessage());
    }

    @Test
    void corrupt_fields_are_errors_naming_their_offset() {
        String head = "00".repeat(16);
        assertCorrupt("01" + head + "00" + "07" + "00" + "00", 18, "BOOK_DELTA.side has unknown BookSide code 7");
        assertCorrupt("03" + head + "00" + "02" + "00" + "00", 18, "TRADE.aggressorSide has unknown Side code 2");
        assertCorrupt("1f" + head + "02", 17, "KILL_SWITCH.on has boolean code 2 (0 or 1 expected)");
        assertCorrupt("22" + head + "0000000000000000" + "05", 25,
                "CONTROL_TIME.reason has unknown ControlTimeReason code 5");
        assertCorrupt("14" + head + "00" + "00" + "09" + "00" + "00" + "00" + "00", 19,
                "ORDER_SUBMITTED.command.type has unknown CommandType code 9");
        assertCorrupt("0a" + head + "8000", 17, "non-canonical varint (trailing zero byte) in ORDER_ACCEPTED.orderId");
        assertCorrupt("0a" + head + "ffffffffffffffffff02", 17, "malformed varint (more than 64 bits) in ORDER_ACCEPTED.orderId");
        assertCorrupt("0a" + head + "ffffffffffffffffff80", 17, "malformed varint (more than 64 bits) in ORDER_ACCEPTED.orderId");
        assertCorrupt("20" + head + "04" + "c328", 18, "invalid UTF-8 in CONFIGURATION_ACTIVATED.fingerprint");
        assertCorrupt("20" + head + "06" + "eda080", 18, "invalid UTF-8 in CONFIGURATION_ACTIVATED.fingerprint");
        assertCorrupt("20" + head + "04" + "c0af", 18, "invalid UTF-8 in CONFIGURATION_ACTIVATED.fingerprint");
        assertCorrupt("20" + head + "03", 17, "CONFIGURATION_ACTIVATED.fingerprint has string length -2");
        assertCorrupt("02" + head + "00" + "14" + "0000", 18,
                "BOOK_SNAPSHOT.bidCount = 10 is negative or more levels than the 2 remaining bytes can hold");
        assertCorrupt("21" + head + "8080808010", 17, "FEED_GAP.instrument = 2147483648 is outside [-2147483648, 2147483647]");
    }

    @Test
    void encoding_into_a_short_buffer_is_an_error_that_leaves_the_position() {
        Event e = new BookSnapshot(1, 2, 0, List.of(new PriceLevel(100, 1)), List.of(new PriceLevel(101, 1)));
        ByteBuffer b = ByteBuffer.allocate(29); // the event takes 26 bytes
        b.position(4);
        EventCodecException ex = assertThrows(EventCodecException.class, () -> EventCodec.encode(e, b));
        assertEquals(4, ex.offset());
        assertTrue(ex.getMessage().startsWith("buffer too small to encode BOOK_SNAPSHOT: 25 bytes of room, up to "),
                ex.getMessage());
        assertEquals(4, b.position());
    }

    @Test
    void bytes_are_decoded_with_the_version_they_were_written_with_and_newer_versions_are_refused() {
        byte[] b = bytes(new FeedGap(1, 2, 3), ByteOrder.LITTLE_ENDIAN);
        assertEquals(new FeedGap(1, 2, 3), EventCodec.decode(ByteBuffer.wrap(b), EventCodec.OLDEST_READABLE_VERSION));
        assertTrue(EventCodec.readable(EventCodec.VERSION));
        assertFalse(EventCodec.readable(EventCodec.VERSION + 1));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.decode(ByteBuffer.wrap(b), EventCodec.VERSION + 1));
        assertEquals("event codec version " + (EventCodec.VERSION + 1) + " is not one this build reads ("
                + EventCodec.OLDEST_READABLE_VERSION + " to " + EventCodec.VERSION + ")", ex.getMessage());
    }

    @Test
    void unencodable_events_are_refused_by_name() {
        ByteBuffer b = ByteBuffer.allocate(100);
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.encode(new BookDelta(0, 0, 0, null, 1, 1), b));
        assertEquals("BOOK_DELTA.side is null; the codec has no encoding for it", side.getMessage());
        assertEquals(0, b.position());
        IllegalArgumentException command = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.encode(new OrderSubmitted(0, 0, 1, 1, null), b));
        assertEquals("ORDER_SUBMITTED.command is null; the codec has no encoding for it", command.getMessage());
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.encode(new OrderRejected(0, 0, 1, 1, "ab\uD800c"), b));
        assertEquals("ORDER_REJECTED.reason has a lone surrogate U+D800 at index 2: it has no UTF-8 form",
                surrogate.getMessage());
        assertEquals(0, b.position());
    }

    @Test
    void enum_codes_are_pinned_by_name() {
        assertEquals(0, CodecEnums.code(BookSide.BID));
        assertEquals(1, CodecEnums.code(BookSide.ASK));
        assertEquals(0, CodecEnums.code(ControlTimeReason.RATE_LIMIT_RECOVERY));
        for (BookSide s : BookSide.values()) {
            assertEquals(s, CodecEnums.bookSide(CodecEnums.code(s)));
        }
        for (ControlTimeReason r : ControlTimeReason.values()) {
            assertEquals(r, CodecEnums.controlTimeReason(CodecEnums.code(r)));
        }
        for (Side s : Side.values()) {
            assertEquals(s, CodecEnums.side(CodecEnums.code(s)));
        }
        for (CommandType t : CommandType.values()) {
            assertEquals(t, CodecEnums.commandType(CodecEnums.code(t)));
        }
    }

    /** Encoding allocates nothing; decoding allocates the event (a BookDelta or Trade is 56 bytes). */
    @Test
    void encode_allocates_nothing_and_decode_only_the_event() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Event[] events = new Event[1024];
        for (int i = 0; i < events.length; i++) {
            events[i] = i % 3 == 0 ? new Trade(i, i, 0, Side.BUY, 1000 + i, 1 + i)
                    : new BookDelta(1723161254206652067L + i, 1723161254206652067L + i, 0,
                    (i & 1) == 0 ? BookSide.BID : BookSide.ASK, 6_183_763 + i, i);
        }
        ByteBuffer b = ByteBuffer.allocateDirect(64 * events.length);
        int rounds = 200;
        for (int warm = 0; warm < 50; warm++) {
            cycle(events, b);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < rounds; r++) {
            b.clear();
            for (Event e : events) {
                EventCodec.encode(e, b);
            }
        }
        long encodeBytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(encodeBytes < 16 * 1024, "encode allocated " + encodeBytes + " bytes for " + rounds * events.length
                + " events");
        b.flip();
        before = mx.getCurrentThreadAllocatedBytes();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            b.rewind();
            while (b.hasRemaining()) {
                sink += EventCodec.decode(b).localTsNs();
            }
        }
        long decodeBytes = mx.getCurrentThreadAllocatedBytes() - before;
        long perEvent = decodeBytes / ((long) rounds * events.length);
        assertTrue(perEvent <= 64, "decode allocated " + perEvent + " bytes per event (the event itself is 56)");
        assertTrue(sink != 0);
    }

    @Test
    void the_market_row_fast_path_writes_the_layouts_bytes_and_bound() {
        SplittableRandom r = new SplittableRandom(42);
        long[] edges = {0, 1, -1, 63, -64, 64, -65, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        ByteBuffer heap = ByteBuffer.allocate(256);
        ByteBuffer direct = ByteBuffer.allocateDirect(256);
        for (int i = 0; i < 20_000; i++) {
            long[] v = new long[7];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong() >> r.nextInt(64);
            }
            int instrument = (int) v[2];
            Event e = switch (i % 3) {
                case 0 -> new BookDelta(v[0], v[1], instrument, r.nextBoolean() ? BookSide.BID : BookSide.ASK, v[3], v[4]);
                case 1 -> new Trade(v[0], v[1], instrument, r.nextBoolean() ? Side.BUY : Side.SELL, v[3], v[4]);
                default -> new Bbo(v[0], v[1], instrument, v[3], v[4], v[5], v[6]);
            };
            heap.clear().position(i % 7); // any position, and an array offset below
            direct.clear().position(i % 7);
            int n = EventCodec.encode(e, heap.slice());
            int m = EventCodec.encode(e, direct); // a direct buffer always takes the layouts' general path
            assertEquals(m, n, e.toString());
            byte[] fast = Arrays.copyOfRange(heap.array(), heap.arrayOffset() + i % 7, heap.arrayOffset() + i % 7 + n);
            byte[] general = new byte[m];
            direct.get(i % 7, general);
            assertArrayEquals(general, fast, e.toString());
            EventLayout<?> layout = EventLayouts.ALL.stream().filter(l -> l.type == e.type()).findFirst().orElseThrow();
            assertEquals(EventCodec.HEAD_BYTES + layout.maxFieldsLengthOf(e), EventCodec.maxEncodedLength(e));
            assertTrue(n <= EventCodec.maxEncodedLength(e));
            assertEquals(e, EventCodec.decode(ByteBuffer.wrap(fast)));
        }
        ByteBuffer b = ByteBuffer.allocate(256);
        b.position(3);
        assertThrows(IllegalArgumentException.class, () -> EventCodec.encode(new BookDelta(1, 2, 0, null, 3, 4), b));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.encode(new Trade(1, 2, 0, null, 3, 4), b));
        assertEquals(3, b.position(), "a refused row leaves the position");
    }

    /**
     * The read side of the market-row fast path ({@code MarketRowReader}, heap buffers) against the layouts'
     * general path (a direct buffer always takes it), differentially: random rows and random corruptions
     * of them (a flipped byte, a cut, an appended byte) give the same event and position, or the same error
     * with the same offset and an unchanged position.
     */
    @Test
    void the_market_row_fast_path_reads_what_the_layouts_read() {
        SplittableRandom r = new SplittableRandom(7);
        long[] edges = {0, 1, -1, 63, -64, 64, -65, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        int decodedFast = 0;
        for (int i = 0; i < 30_000; i++) {
            long[] v = new long[7];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong() >> r.nextInt(64);
            }
            Event e = switch (i % 3) {
                case 0 -> new BookDelta(v[0], v[1], (int) v[2], r.nextBoolean() ? BookSide.BID : BookSide.ASK, v[3], v[4]);
                case 1 -> new Trade(v[0], v[1], (int) v[2], r.nextBoolean() ? Side.BUY : Side.SELL, v[3], v[4]);
                default -> new Bbo(v[0], v[1], (int) v[2], v[3], v[4], v[5], v[6]);
            };
            byte[] row = bytes(e, ByteOrder.LITTLE_ENDIAN);
            switch (r.nextInt(4)) {
                case 0 -> { } // intact
                case 1 -> row[r.nextInt(row.length)] = (byte) r.nextInt(256);
                case 2 -> row = Arrays.copyOf(row, r.nextInt(row.length));
                default -> row = Arrays.copyOf(row, row.length + 1); // a trailing byte: the next event's
            }
            int pad = r.nextInt(5);
            ByteBuffer heap = ByteBuffer.allocate(pad + row.length + pad);
            heap.position(pad).put(row).flip().position(pad);
            heap = heap.slice(); // an array offset
            ByteBuffer direct = ByteBuffer.allocateDirect(row.length).put(row).flip();
            Object fast = decodeOrError(heap);
            Object general = decodeOrError(direct);
            assertEquals(general, fast, HexFormat.of().formatHex(row));
            assertEquals(direct.position(), heap.position(), HexFormat.of().formatHex(row));
            if (fast instanceof Event) {
                decodedFast++;
            }
        }
        assertTrue(decodedFast > 10_000, "the intact rows decode: " + decodedFast);
    }

    private static Object decodeOrError(ByteBuffer b) {
        try {
            return EventCodec.decode(b);
        } catch (IllegalArgumentException ex) { // EventCodecException included
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
    }

    private static void cycle(Event[] events, ByteBuffer b) {
        b.clear();
        for (Event e : events) {
            EventCodec.encode(e, b);
        }
        b.flip();
        while (b.hasRemaining()) {
            EventCodec.decode(b);
        }
    }

    private static void assertCorrupt(String hex, int offset, String detail) {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        EventCodecException ex = assertThrows(EventCodecException.class, () -> EventCodec.decode(b), hex);
        assertEquals(detail + " at byte offset " + offset, ex.getMessage());
        assertEquals(offset, ex.offset());
        assertEquals(detail, ex.detail());
        assertEquals(0, b.position());
    }

    private static void assertHex(String expected, Event e) {
        assertEquals(expected, HexFormat.of().formatHex(bytes(e, ByteOrder.BIG_ENDIAN)), e.toString());
    }

    static byte[] bytes(Event e, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(EventCodec.maxEncodedLength(e)).order(order);
        EventCodec.encode(e, b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
