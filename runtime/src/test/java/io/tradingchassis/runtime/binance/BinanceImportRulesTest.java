package io.tradingchassis.runtime.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the importer (runtime/README.md, "Binance import") on small hand-written recordings.
 * Sizes: tick 0.01, lot 0.001. Times: local clock 1_000_000_000 ns behind the exchange's (ms → ns).
 */
class BinanceImportRulesTest {

    private static final long MS = 1_000_000L;
    private static final InstrumentSizes SIZES = new InstrumentSizes(new BigDecimal("0.01"), new BigDecimal("0.001"));

    private final List<Event> events = new ArrayList<>();

    // ---------------------------------------------------------------- recording lines

    static String spotDepth(long local, long eMs, long first, long last, String bids, String asks) {
        return local + " {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + eMs
                + ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    static String futDepth(long local, long eMs, long tMs, long first, long last, long prev, String bids, String asks) {
        return local + " {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + eMs + ",\"T\":" + tMs
                + ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"pu\":" + prev + ",\"b\":" + bids
                + ",\"a\":" + asks + "}}";
    }

    static String spotTicker(long local, String b, String bq, String a, String aq) {
        return local + " {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"" + b
                + "\",\"B\":\"" + bq + "\",\"a\":\"" + a + "\",\"A\":\"" + aq + "\"}}";
    }

    static String trade(long local, long eMs, long tMs, String p, String q, boolean buyerMaker) {
        return local + " {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + eMs + ",\"s\":\"BTCUSDT\","
                + "\"t\":1,\"p\":\"" + p + "\",\"q\":\"" + q + "\",\"T\":" + tMs + ",\"m\":" + buyerMaker + ",\"M\":true}}";
    }

    static String snapshot(long local, long lastUpdateId, String bids, String asks) {
        return local + " {\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
    }

    private BinanceRecordingAdapter adapter(BinanceMarket market) {
        return new BinanceRecordingAdapter(new BinanceImportOptions(List.of(Path.of("a.gz"), Path.of("b.gz")),
                "BTCUSDT", market, SIZES), events::add);
    }

    private static void feed(BinanceRecordingAdapter a, String name, String... lines) throws IOException {
        String text = String.join("\n", lines) + "\n";
        a.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), () -> { });
    }

    private BinanceImportReport run(BinanceMarket market, String... lines) throws IOException {
        BinanceRecordingAdapter a = adapter(market);
        feed(a, "a.gz", lines);
        return a.finish();
    }

    private String error(BinanceMarket market, String... lines) {
        return assertThrows(BinanceImportException.class, () -> run(market, lines)).getMessage();
    }

    private static BookDelta bid(long exch, long local, long px, long qty) {
        return new BookDelta(exch, local, 0, BookSide.BID, px, qty);
    }

    private static BookDelta ask(long exch, long local, long px, long qty) {
        return new BookDelta(exch, local, 0, BookSide.ASK, px, qty);
    }

    // ---------------------------------------------------------------- synchronisation and events

    @Test
    void buffered_diffs_follow_the_snapshot_with_their_own_times_and_older_ones_are_dropped() throws IOException {
        BinanceImportReport r = run(BinanceMarket.SPOT,
                spotDepth(100, 1_000, 1, 5, "[[\"10.00\",\"1\"]]", "[]"),                    // u 5 <= 7: dropped
                spotDepth(200, 1_001, 6, 9, "[[\"10.01\",\"2\"],[\"10.00\",\"0\"]]", "[[\"10.05\",\"3\"]]"), // 6 <= 8 <= 9
                snapshot(300, 7, "[[\"10.00\",\"1.5\"],[\"9.99\",\"1\"]]", "[[\"10.05\",\"1\"]]"),
                spotDepth(400, 1_002, 10, 12, "[]", "[[\"10.04\",\"0.25\"]]"));
        assertEquals(List.of(
                new BookSnapshot(1_001 * MS, 300, 0, List.of(new PriceLevel(1000, 1500), new PriceLevel(999, 1000)),
                        List.of(new PriceLevel(1005, 1000))),
                bid(1_001 * MS, 200, 1001, 2000), bid(1_001 * MS, 200, 1000, 0), ask(1_001 * MS, 200, 1005, 3000),
                ask(1_002 * MS, 400, 1004, 250)), events);
        assertEquals(3, r.depth());
        assertEquals(1, r.snapshot());
        assertEquals(1, r.dropped());
        assertEquals(2, r.applied());
        assertEquals(0, r.gaps());
        assertEquals(List.of("10.01", "2"), r.bestBid());
        assertEquals(List.of("10.04", "0.25"), r.bestAsk());
        assertEquals(events.size(), r.events());
    }

    @Test
    void a_first_diff_that_does_not_straddle_the_snapshot_is_a_gap_and_is_still_applied() throws IOException {
        BinanceImportReport r = run(BinanceMarket.SPOT,
                snapshot(100, 7, "[[\"10.00\",\"1\"]]", "[[\"10.05\",\"1\"]]"),
                spotDepth(200, 1_000, 9, 12, "[[\"10.01\",\"2\"]]", "[]"));                     // 9 > 8: missed 8
        assertEquals(List.of(FeedGap.class, BookDelta.class), events.stream().skip(1).map(Object::getClass).toList());
        assertEquals(new FeedGap(1_000 * MS, 200, 0), events.get(1));
        assertEquals(1, r.gaps());
        assertEquals(1, r.applied());
        assertEquals(List.of("10.01", "2"), r.bestBid());
    }

    @Test
    void a_break_in_the_spot_chain_is_one_gap_and_the_chain_goes_on_from_the_breaking_diff() throws IOException {
        BinanceImportReport r = run(BinanceMarket.SPOT,
                snapshot(100, 7, "[[\"10.00\",\"1\"]]", "[[\"10.05\",\"1\"]]"),
                spotDepth(200, 1_000, 8, 10, "[]", "[]"),
                spotDepth(300, 1_001, 12, 13, "[[\"10.01\",\"1\"]]", "[]"),                     // 12 != 11: gap
                spotDepth(400, 1_002, 14, 15, "[[\"10.02\",\"1\"]]", "[]"));                    // continues 13
        assertEquals(1, r.gaps());
        assertEquals(new FeedGap(1_001 * MS, 300, 0), events.get(1));
        assertEquals(bid(1_001 * MS, 300, 1001, 1000), events.get(2), "the breaking diff is applied after its gap");
        assertEquals(4, events.size());
    }

    @Test
    void futures_diffs_chain_by_pu_and_use_t_over_e() throws IOException {
        BinanceImportReport r = run(BinanceMarket.USDM,
                futDepth(100, 1_000, 999, 50, 60, 40, "[[\"10.00\",\"1\"]]", "[]"),             // u 60 <= 70: dropped
                futDepth(200, 1_010, 1_009, 65, 80, 60, "[[\"10.01\",\"1\"]]", "[]"),            // 65 <= 71 <= 80
                snapshot(300, 70, "[[\"10.00\",\"1\"]]", "[[\"10.05\",\"1\"]]"),
                futDepth(400, 1_020, 1_019, 90, 95, 80, "[]", "[[\"10.04\",\"1\"]]"),            // pu 80: chained
                futDepth(500, 1_030, 1_029, 99, 99, 96, "[]", "[[\"10.03\",\"1\"]]"));           // pu 96 != 95: gap
        assertEquals(1, r.dropped());
        assertEquals(3, r.applied());
        assertEquals(1, r.gaps());
        assertEquals(bid(1_009 * MS, 200, 1001, 1000), events.get(1), "T, not E");
        assertEquals(new FeedGap(1_029 * MS, 500, 0), events.get(3));
        // the spot rule would have called the second diff (U 90 != 81) a gap; futures ids skip
    }

    @Test
    void a_later_snapshot_reapplies_the_recent_diffs_it_does_not_cover() throws IOException {
        // A new recording session: its diffs break the chain (one gap), its snapshot (lastUpdateId 105) arrives
        // after diff 100..110 was applied to the old book; that diff is applied again right after the
        // snapshot, so the next diff (111) continues without a second gap.
        BinanceImportReport r = run(BinanceMarket.SPOT,
                snapshot(100, 7, "[[\"10.00\",\"1\"]]", "[[\"10.05\",\"1\"]]"),
                spotDepth(200, 1_000, 8, 9, "[]", "[]"),
                spotDepth(300, 1_001, 100, 110, "[[\"10.02\",\"3\"]]", "[]"),                   // gap (100 != 10)
                snapshot(400, 105, "[[\"10.01\",\"1\"]]", "[[\"10.06\",\"1\"]]"),
                spotDepth(500, 1_002, 111, 112, "[]", "[[\"10.04\",\"2\"]]"));
        assertEquals(1, r.gaps());
        assertEquals(2, r.snapshot());
        assertEquals(3, r.applied(), "a re-applied diff is counted once");
        assertEquals(0, r.dropped());
        assertEquals(List.of(
                events.get(0),
                new FeedGap(1_001 * MS, 300, 0), bid(1_001 * MS, 300, 1002, 3000),
                new BookSnapshot(1_001 * MS, 400, 0, List.of(new PriceLevel(1001, 1000)), List.of(new PriceLevel(1006, 1000))),
                bid(1_001 * MS, 300, 1002, 3000),
                ask(1_002 * MS, 500, 1004, 2000)), events);
        assertEquals(List.of("10.02", "3"), r.bestBid());
        assertEquals(List.of("10.04", "2"), r.bestAsk());
    }

    @Test
    void trades_bbos_and_the_aggressor_side() throws IOException {
        run(BinanceMarket.SPOT,
                snapshot(100, 7, "[]", "[]"),
                trade(200, 5_000, 4_999, "10.00", "0.5", true),
                trade(300, 5_001, 5_000, "10.01", "1", false),
                spotTicker(400, "10.00", "1.5", "10.01", "0"));
        assertEquals(List.of(
                new BookSnapshot(4_999 * MS, 100, 0, List.of(), List.of()), // no time of its own: the first that comes
                new Trade(4_999 * MS, 200, 0, Side.SELL, 1000, 500),        // T, not E; buyer is maker: a sell
                new Trade(5_000 * MS, 300, 0, Side.BUY, 1001, 1000),
                new Bbo(5_000 * MS, 400, 0, 1000, 1500, 1001, 0)), events); // spot bookTicker: the row before's time
    }

    // ---------------------------------------------------------------- time

    @Test
    void rows_without_time_carry_the_row_before_and_leading_ones_take_the_first_time_but_not_the_offset()
            throws IOException {
        BinanceRecordingAdapter a = adapter(BinanceMarket.SPOT);
        feed(a, "a.gz",
                spotTicker(500 * MS, "10.00", "1", "10.01", "1"),                           // leading: no time yet
                spotDepth(1_001 * MS, 2_000, 1, 2, "[]", "[]"),                              // E 2000 ms: 999 ms
                snapshot(1_500 * MS, 1, "[[\"10.00\",\"1\"]]", "[[\"10.01\",\"1\"]]"),        // carried: 500 ms
                spotTicker(1_600 * MS, "10.00", "2", "10.01", "1"));                         // carried: 400 ms
        feed(a, "b.gz",
                spotTicker(1_700 * MS, "10.00", "3", "10.01", "1"),                          // carried across files
                trade(1_800 * MS, 3_000, 2_900, "10.00", "1", false));                       // T 2900 ms: 1100 ms
        BinanceImportReport r = a.finish();
        assertEquals(new Bbo(2_000 * MS, 500 * MS, 0, 1000, 1000, 1001, 1000), events.get(0),
                "the leading bookTicker takes the first row's time, and keeps its place in the stream");
        assertEquals(2_000 * MS, events.get(1).exchTsNs(), "the snapshot carries the depth row's E");
        Bbo carried = (Bbo) events.stream().filter(e -> e instanceof Bbo && e.localTsNs() == 1_700 * MS).findFirst()
                .orElseThrow();
        assertEquals(2_000 * MS, carried.exchTsNs(), "the second file's first bookTicker carries the first file's time");
        // The leading bookTicker's borrowed time would give 1500 ms; it is an upper bound, not an observation,
        // and is left out: the largest offset of the other rows is the trade's.
        assertEquals(1_100 * MS, r.clockOffsetNs());
    }

    @Test
    void a_bookTicker_row_with_its_own_time_does_not_raise_the_clock_offset_as_in_hftbacktest() throws IOException {
        BinanceRecordingAdapter a = adapter(BinanceMarket.USDM);
        feed(a, "a.gz",
                snapshot(900 * MS, 1, "[[\"10.00\",\"1\"]]", "[[\"10.01\",\"1\"]]"),
                trade(1_000 * MS, 2_000, 2_000, "10.00", "1", false),                         // 1000 ms
                1_500 * MS + " {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
                        + "\"s\":\"BTCUSDT\",\"b\":\"10.00\",\"B\":\"1\",\"a\":\"10.01\",\"A\":\"1\","
                        + "\"T\":4000,\"E\":4000}}");                                          // 2500 ms: left out
        BinanceImportReport r = a.finish();
        assertTrue(events.stream().anyMatch(e -> e instanceof Bbo b && b.exchTsNs() == 4_000 * MS), "the Bbo is kept");
        assertEquals(1_000 * MS, r.clockOffsetNs(), "hftbacktest's correct_local_timestamp leaves bookTicker out");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void an_off_grid_price_names_the_file_line_and_field() {
        assertEquals("a.gz:2: price \"10.005\" in \"p\" is not a multiple of the tick size 0.01 (a tick size of "
                + "0.001 would hold it)", error(BinanceMarket.SPOT,
                snapshot(100, 7, "[]", "[]"),
                trade(200, 1, 1, "10.005", "1", true)));
        assertEquals("a.gz:1: quantity \"1.0001\" in \"bids[1]\" is not a multiple of the lot size 0.001 (a lot "
                + "size of 0.0001 would hold it)", error(BinanceMarket.SPOT,
                snapshot(100, 7, "[[\"10.00\",\"1\"],[\"9.99\",\"1.0001\"]]", "[]")));
    }

    @Test
    void messages_of_another_symbol_or_stream_are_errors_naming_the_line() {
        assertEquals("a.gz:2: message of symbol ETHUSDT in an import of BTCUSDT (messages of another symbol are "
                        + "errors: import each symbol on its own)",
                error(BinanceMarket.SPOT, snapshot(1, 1, "[]", "[]"),
                        "5 {\"stream\":\"ethusdt@trade\",\"data\":{\"s\":\"ETHUSDT\",\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}}"));
        assertEquals("a.gz:1: unsupported stream \"btcusdt@aggTrade\" (the importer reads <symbol>@depth…, @trade and "
                        + "@bookTicker)",
                error(BinanceMarket.SPOT, "5 {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"s\":\"BTCUSDT\",\"E\":1}}"));
        assertEquals("a.gz:1: neither a stream message {\"stream\":…,\"data\":…} nor a REST depth snapshot "
                + "{\"lastUpdateId\":…}", error(BinanceMarket.SPOT, "5 {\"result\":null,\"id\":1}"));
    }

    @Test
    void a_spot_recording_imported_as_futures_and_the_reverse_are_named() {
        assertEquals("a.gz:1: depth message without \"pu\": a spot recording? (it is being imported as USD-M futures)",
                error(BinanceMarket.USDM, spotDepth(1, 1, 1, 2, "[]", "[]")));
        assertEquals("a.gz:1: depth message with \"pu\": a USD-M futures recording? (it is being imported as spot)",
                error(BinanceMarket.SPOT, futDepth(1, 1, 1, 1, 2, 0, "[]", "[]")));
    }

    @Test
    void malformed_lines_are_one_line_errors_naming_the_line() {
        String snap = snapshot(1, 1, "[]", "[]");
        assertEquals("a.gz:2: expected \"<local_receive_ns> <JSON>\", found no space",
                error(BinanceMarket.SPOT, snap, "12345"));
        assertEquals("a.gz:2: expected \"<local_receive_ns> <JSON>\", found an empty line",
                error(BinanceMarket.SPOT, snap, ""));
        assertEquals("a.gz:2: local_receive_ns \"12x4\" is not a non-negative integer",
                error(BinanceMarket.SPOT, snap, "12x4 {}"));
        assertEquals("a.gz:2: local_receive_ns 9999999999999999999 does not fit a 64-bit integer",
                error(BinanceMarket.SPOT, snap, "9999999999999999999 {}"));
        assertEquals("a.gz:2: local_receive_ns has 20 characters; nanoseconds since the epoch have at most 19 digits",
                error(BinanceMarket.SPOT, snap, "12345678901234567890 {}"));
        String json = error(BinanceMarket.SPOT, snap, "5 {\"stream\":\"btcusdt@trade\",\"data\":{\"p\":");
        assertEquals("a.gz:2: malformed JSON: ", json.substring(0, 24), json);
        assertEquals("a.gz:2: field \"p\" given twice",
                error(BinanceMarket.SPOT, snap, "5 {\"stream\":\"btcusdt@trade\",\"data\":{\"p\":\"1\",\"p\":\"2\"}}"));
        assertEquals("a.gz:2: field \"u\" is a string, not an integer", error(BinanceMarket.SPOT, snap,
                "5 {\"stream\":\"btcusdt@depth\",\"data\":{\"s\":\"BTCUSDT\",\"E\":1,\"U\":1,\"u\":\"2\"}}"));
        assertEquals("a.gz:2: depth message without \"T\" or \"E\"", error(BinanceMarket.SPOT, snap,
                "5 {\"stream\":\"btcusdt@depth\",\"data\":{\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"b\":[],\"a\":[]}}"));
        assertEquals("a.gz:2: trade message without \"m\"", error(BinanceMarket.SPOT, snap,
                "5 {\"stream\":\"btcusdt@trade\",\"data\":{\"s\":\"BTCUSDT\",\"T\":1,\"p\":\"1\",\"q\":\"1\"}}"));
        assertEquals("a.gz:2: trade with price 1 and quantity 0: both must be > 0", error(BinanceMarket.SPOT, snap,
                trade(5, 1, 1, "1", "0", true)));
        assertEquals("a.gz:2: price \"-1\" in \"p\" is not a plain decimal number", error(BinanceMarket.SPOT, snap,
                trade(5, 1, 1, "-1", "1", true)));
        assertEquals("a.gz:1: REST depth snapshot \"bids\" repeats price 10", error(BinanceMarket.SPOT,
                snapshot(1, 1, "[[\"10\",\"1\"],[\"10.00\",\"2\"]]", "[]"), trade(5, 1, 1, "1", "1", true)));
        assertEquals("a.gz:1: no row from here to the end of the input has an exchange time (T or E), so these 2 "
                + "rows cannot be timed", error(BinanceMarket.SPOT, snap, spotTicker(2, "1", "1", "2", "1")));
    }

    @Test
    void an_input_without_a_snapshot_is_refused() {
        assertEquals("a.gz: no REST depth snapshot (a line {\"lastUpdateId\":…}) in any of the 2 recordings (1 depth "
                + "messages): the book cannot be synchronised; a recording that continues another must follow it in "
                + "the same import", error(BinanceMarket.SPOT, spotDepth(1, 1, 1, 2, "[]", "[]")));
    }

    // ---------------------------------------------------------------- report

    @Test
    void the_report_json_has_exactly_the_documented_keys() throws IOException {
        BinanceImportReport r = run(BinanceMarket.SPOT,
                spotDepth(100, 1_000, 1, 2, "[[\"61827.90\",\"0.005\"]]", "[]"),
                snapshot(200, 1, "[]", "[]"));
        assertEquals("{\n"
                + "  \"depth\": 1,\n"
                + "  \"trade\": 0,\n"
                + "  \"bookTicker\": 0,\n"
                + "  \"snapshot\": 1,\n"
                + "  \"dropped\": 0,\n"
                + "  \"applied\": 1,\n"
                + "  \"gaps\": 0,\n"
                + "  \"best_bid\": [\"61827.9\", \"0.005\"],\n"
                + "  \"best_ask\": null,\n"
                + "  \"clockOffsetNs\": 999999900\n"
                + "}\n", r.toJson());
        assertNull(r.bestAsk());
    }
}
