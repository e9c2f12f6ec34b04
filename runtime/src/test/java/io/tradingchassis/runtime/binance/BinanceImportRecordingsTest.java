package io.tradingchassis.runtime.binance;

import static io.tradingchassis.runtime.binance.SharedData.SPOT_BTC_0808;
import static io.tradingchassis.runtime.binance.SharedData.SPOT_BTC_0809;
import static io.tradingchassis.runtime.binance.SharedData.SPOT_ETH_0808;
import static io.tradingchassis.runtime.binance.SharedData.USDM_BTC_0808;
import static io.tradingchassis.runtime.binance.SharedData.binance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The importer on the real recordings of ../shared/data/binance (README table: lines per message kind). */
class BinanceImportRecordingsTest {

    @TempDir
    Path dir;

    /**
     * The lot sizes that hold every quantity of the recordings. The built-in spot sizes (the data README's:
     * 0.00001 BTCUSDT, 0.0001 ETHUSDT) are the exchange's order step; a few deep book levels hold orders
     * from when the step was finer (spot-btcusdt_20240808.gz:1886 "25.42618900", spot-ethusdt_20240808.gz:12336
     * "2292.22972000"), so spot imports of these files take one more decimal.
     */
    static InstrumentSizes sizes(BinanceMarket market, String symbol) {
        InstrumentSizes known = InstrumentSizes.known(market, symbol);
        return market == BinanceMarket.USDM ? known
                : new InstrumentSizes(known.tickSize(), known.lotSize().movePointLeft(1));
    }

    static BinanceImportOptions options(BinanceMarket market, String symbol, Path... files) {
        return new BinanceImportOptions(List.of(files), symbol, market, sizes(market, symbol));
    }

    static Stream<Arguments> singleFiles() {
        // file, market, symbol, depth, trade, bookTicker (../shared/data/README.md)
        return Stream.of(
                Arguments.of(SPOT_BTC_0808, BinanceMarket.SPOT, "BTCUSDT", 3_451, 9_757, 28_040),
                Arguments.of(SPOT_ETH_0808, BinanceMarket.SPOT, "ETHUSDT", 3_434, 6_106, 24_077),
                Arguments.of(USDM_BTC_0808, BinanceMarket.USDM, "BTCUSDT", 6_551, 21_313, 66_089));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFiles")
    void a_recording_imports_with_the_readme_counts_and_no_gap(String name, BinanceMarket market, String symbol,
                                                              long depth, long trade, long bookTicker) throws IOException {
        Path out = dir.resolve(name + ".tcds");
        BinanceImport.Result r = BinanceImport.run(options(market, symbol, binance(name)), out, false,
                ImportProgress.NONE);
        BinanceImportReport rep = r.report();
        assertEquals(depth, rep.depth(), "depth messages");
        assertEquals(trade, rep.trade(), "trade messages");
        assertEquals(bookTicker, rep.bookTicker(), "bookTicker messages");
        assertEquals(1, rep.snapshot(), "snapshots");
        assertEquals(0, rep.gaps(), "gaps");
        assertEquals(depth, rep.dropped() + rep.applied(), "every diff is dropped or applied");
        assertEquals(0, rep.nonMarketTrades());

        Map<EventType, Long> byType = countByType(out);
        assertEquals(trade, byType.getOrDefault(EventType.TRADE, 0L), "one Trade per trade message");
        assertEquals(bookTicker, byType.getOrDefault(EventType.BBO, 0L), "one Bbo per bookTicker message");
        assertEquals(1L, byType.get(EventType.BOOK_SNAPSHOT));
        assertEquals(null, byType.get(EventType.FEED_GAP));
        assertEquals(rep.events(), byType.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(rep.events(), r.header().eventCount());

        DatasetHeader h = r.header();
        assertEquals("binance", h.venue());
        assertEquals(market.id(), h.market());
        assertEquals(symbol, h.symbol());
        assertEquals(List.of(name), h.sources().stream().map(s -> s.name()).toList());
        assertEquals(Dataset.sha256Hex(binance(name)), h.sources().get(0).sha256());
        assertEquals(Dataset.id(out), r.datasetId());
        assertEquals(Files.size(out), r.datasetBytes());
    }

    @Test
    void the_two_day_spot_dataset_continues_across_files_without_a_gap() throws IOException {
        Path out = dir.resolve("two.tcds");
        BinanceImport.Result r = BinanceImport.run(options(BinanceMarket.SPOT, "BTCUSDT", binance(SPOT_BTC_0808),
                binance(SPOT_BTC_0809)), out, false, ImportProgress.NONE);
        BinanceImportReport rep = r.report();
        assertEquals(3_451 + 3_044, rep.depth());
        assertEquals(9_757 + 10_147, rep.trade());
        assertEquals(28_040 + 45_134, rep.bookTicker());
        assertEquals(1, rep.snapshot());
        assertEquals(0, rep.gaps(), "the second file's first diff continues the first file's last");
        assertEquals(rep.depth(), rep.dropped() + rep.applied());
        assertEquals(List.of(SPOT_BTC_0808, SPOT_BTC_0809), r.header().sources().stream().map(s -> s.name()).toList());
    }

    @Test
    void the_built_in_spot_lot_size_does_not_hold_every_book_quantity_and_the_error_says_what_would() {
        Path file = binance(SPOT_BTC_0808);
        BinanceImportException ex = assertThrows(BinanceImportException.class, () -> BinanceImport.run(
                new BinanceImportOptions(List.of(file), "BTCUSDT", BinanceMarket.SPOT,
                        InstrumentSizes.known(BinanceMarket.SPOT, "BTCUSDT")),
                dir.resolve("x.tcds"), false, ImportProgress.NONE));
        assertEquals(file + ":1886: quantity \"25.42618900\" in \"a[6]\" is not a multiple of the lot size 0.00001 "
                + "(a lot size of 0.000001 would hold it)", ex.getMessage());
        assertFalse(Files.exists(dir.resolve("x.tcds")));
    }

    @Test
    void a_recording_without_a_snapshot_alone_is_an_error_that_says_so() {
        BinanceImportException ex = assertThrows(BinanceImportException.class, () -> BinanceImport.run(
                options(BinanceMarket.SPOT, "BTCUSDT", binance(SPOT_BTC_0809)), dir.resolve("x.tcds"), false,
                ImportProgress.NONE));
        assertTrue(ex.getMessage().startsWith(binance(SPOT_BTC_0809) + ": no REST depth snapshot"), ex.getMessage());
        assertFalse(Files.exists(dir.resolve("x.tcds")));
    }

    static Stream<Arguments> gapFiles() {
        return Stream.of(Arguments.of(SPOT_BTC_0808, BinanceMarket.SPOT, "BTCUSDT"),
                Arguments.of(USDM_BTC_0808, BinanceMarket.USDM, "BTCUSDT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gapFiles")
    void removing_one_depth_line_makes_exactly_one_gap(String name, BinanceMarket market, String symbol)
            throws IOException {
        List<String> lines = SharedData.lines(binance(name));
        int depthSeen = 0;
        int removedAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("@depth") && ++depthSeen == 1000) {
                removedAt = i;
                break;
            }
        }
        String removed = lines.remove(removedAt);
        Path copy = SharedData.gzip(dir.resolve("gap-" + name), lines);
        Path out = dir.resolve("gap.tcds");
        BinanceImportReport rep = BinanceImport.run(options(market, symbol, copy), out, false, ImportProgress.NONE)
                .report();
        assertEquals(1, rep.gaps(), () -> "gaps after removing line " + (1 + 0) + ": " + removed.substring(0, 80));
        List<Event> events = new ArrayList<>();
        DatasetReader.forEach(out, events::add);
        List<FeedGap> gaps = events.stream().filter(e -> e instanceof FeedGap).map(e -> (FeedGap) e).toList();
        assertEquals(1, gaps.size());
        // The gap carries the times of the diff that broke the chain: the depth line after the removed one.
        String next = lines.subList(removedAt, lines.size()).stream().filter(l -> l.contains("@depth")).findFirst()
                .orElseThrow();
        assertEquals(Long.parseLong(next.substring(0, next.indexOf(' '))), gaps.get(0).localTsNs());
    }

    @Test
    void an_off_grid_price_in_a_recording_is_an_error_naming_the_line() throws IOException {
        List<String> lines = SharedData.lines(binance(SPOT_ETH_0808));
        int at = -1;
        for (int i = 100; at < 0; i++) {
            if (lines.get(i).contains("@trade")) {
                at = i;
            }
        }
        String price = lines.get(at).replaceAll(".*\"p\":\"([0-9.]+)\".*", "$1");
        String offGrid = price.substring(0, price.indexOf('.') + 3) + "5"; // 2683.80000000 -> 2683.805
        lines.set(at, lines.get(at).replace("\"p\":\"" + price + "\"", "\"p\":\"" + offGrid + "\""));
        Path copy = SharedData.gzip(dir.resolve("offgrid.gz"), lines);
        BinanceImportException ex = assertThrows(BinanceImportException.class, () -> BinanceImport.run(
                options(BinanceMarket.SPOT, "ETHUSDT", copy), dir.resolve("x.tcds"), false, ImportProgress.NONE));
        assertEquals(copy + ":" + (at + 1) + ": price \"" + offGrid + "\" in \"p\" is not a multiple of the tick size "
                + "0.01 (a tick size of 0.001 would hold it)", ex.getMessage());
        assertNothingLeftBut(copy);
    }

    @Test
    void a_truncated_gzip_is_an_error_naming_the_file_and_leaves_no_dataset() throws IOException {
        byte[] gz = Files.readAllBytes(binance(SPOT_ETH_0808));
        Path cut = dir.resolve("cut-" + SPOT_ETH_0808);
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        Path out = dir.resolve("cut.tcds");
        BinanceImportException ex = assertThrows(BinanceImportException.class, () -> BinanceImport.run(
                options(BinanceMarket.SPOT, "ETHUSDT", cut), out, false, ImportProgress.NONE));
        assertTrue(ex.getMessage().matches(Pattern.quote(cut.toString())
                + ":\\d+: truncated gzip: the compressed data ends inside this line \\(\\d+ complete lines before it\\)"),
                ex.getMessage());
        assertNothingLeftBut(cut);
        Path notGzip = dir.resolve("plain.txt");
        Files.writeString(notGzip, "1 {}\n");
        assertEquals(notGzip + ": not a gzip file (Not in GZIP format)", assertThrows(BinanceImportException.class,
                () -> BinanceImport.run(options(BinanceMarket.SPOT, "ETHUSDT", notGzip), out, false,
                        ImportProgress.NONE)).getMessage());
        assertEquals(dir.resolve("none.gz") + ": no such file", assertThrows(BinanceImportException.class,
                () -> BinanceImport.run(options(BinanceMarket.SPOT, "ETHUSDT", dir.resolve("none.gz")), out, false,
                        ImportProgress.NONE)).getMessage());
    }

    /** After a failed import, {@link #dir} holds only the input: no dataset, no temporary file. */
    private void assertNothingLeftBut(Path... inputs) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(inputs), files.toList());
        }
    }

    @Test
    void importing_twice_gives_the_same_bytes_and_id() throws IOException {
        Path a = dir.resolve("a.tcds");
        Path b = dir.resolve("b.tcds");
        BinanceImport.Result ra = BinanceImport.run(options(BinanceMarket.SPOT, "ETHUSDT", binance(SPOT_ETH_0808)), a,
                false, ImportProgress.NONE);
        BinanceImport.Result rb = BinanceImport.run(options(BinanceMarket.SPOT, "ETHUSDT", binance(SPOT_ETH_0808)), b,
                false, ImportProgress.NONE);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(ra.datasetId(), rb.datasetId());
        assertEquals(ra.report(), rb.report());
    }

    /**
     * The core accepts every imported event (no invariant violation) and ends with the same best bid and
     * ask as the importer's own book: two independent books agree.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFiles")
    void the_core_folds_the_dataset_and_agrees_on_the_final_book(String name, BinanceMarket market, String symbol)
            throws IOException {
        Path out = dir.resolve("core.tcds");
        BinanceImport.Result r = BinanceImport.run(options(market, symbol, binance(name)), out, false,
                ImportProgress.NONE);
        DatasetHeader h = r.header();
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"" + symbol + "\",\"tickSize\":\""
                + h.tickSize() + "\",\"lotSize\":\"" + h.lotSize() + "\"}]}", "test");
        CoreEngine engine = new CoreEngine();
        State state = new State();
        long[] position = {0};
        DatasetReader.forEach(out, e -> engine.processEvent(state, position[0]++, e, cfg));
        L2Book book = state.market().bookOrNull(0);
        BigDecimal tick = new BigDecimal(h.tickSize());
        BigDecimal lot = new BigDecimal(h.lotSize());
        assertEquals(r.report().bestBid().get(0), decimal(book.bestBidTicks(), tick));
        assertEquals(r.report().bestBid().get(1), decimal(book.bidQtyLots(0), lot));
        assertEquals(r.report().bestAsk().get(0), decimal(book.bestAskTicks(), tick));
        assertEquals(r.report().bestAsk().get(1), decimal(book.askQtyLots(0), lot));
        assertFalse(state.control().feedGap(0));
    }

    @Test
    void the_stream_starts_as_the_readme_describes() throws IOException {
        // spot BTCUSDT: diffs on lines 1, 2 and 6 are buffered; the snapshot (line 8, lastUpdateId
        // 50093239218) drops lines 1 and 2 and keeps line 6 (U 50093239208 <= 50093239219 <= u 50093239224),
        // whose deltas come right after the BookSnapshot with line 6's own times.
        Path out = dir.resolve("s.tcds");
        BinanceImport.run(options(BinanceMarket.SPOT, "BTCUSDT", binance(SPOT_BTC_0808)), out, false,
                ImportProgress.NONE);
        List<Event> first = new ArrayList<>();
        try (DatasetReader rd = DatasetReader.open(out)) {
            while (rd.hasNext() && first.size() < 40) {
                first.add(rd.next());
            }
        }
        // line 3 bookTicker (time of line 2: E 1723161255308), line 4 trade (T 1723161255342), line 5 bookTicker
        // lots of 0.000001 (see sizes()); "m":true, the buyer was the maker: the aggressor sold
        assertEquals(new Bbo(1_723_161_255_308_000_000L, 1_723_161_254_087_891_268L, 0, 6_183_763, 3_788_260,
                6_183_764, 1_546_980), first.get(0));
        assertEquals(new Trade(1_723_161_255_342_000_000L, 1_723_161_254_087_896_568L, 0,
                Side.SELL, 6_183_763, 20_000), first.get(1));
        assertEquals(EventType.BBO, first.get(2).type());
        assertEquals(EventType.BBO, first.get(3).type(), "line 7, bookTicker");
        BookSnapshot snap = (BookSnapshot) first.get(4);
        assertEquals(1_723_161_254_206_652_067L, snap.localTsNs());
        assertEquals(1_723_161_255_408_000_000L, snap.exchTsNs(), "the snapshot carries the time of line 6");
        assertEquals(1000, snap.bids().size());
        Event firstDelta = first.get(5);
        assertEquals(EventType.BOOK_DELTA, firstDelta.type());
        assertEquals(1_723_161_254_137_307_667L, firstDelta.localTsNs(), "line 6's own local time");
        assertEquals(1_723_161_255_408_000_000L, firstDelta.exchTsNs(), "line 6's own E");
    }

    private static String decimal(long units, BigDecimal size) {
        return BigDecimal.valueOf(units).multiply(size).stripTrailingZeros().toPlainString();
    }

    private static Map<EventType, Long> countByType(Path dataset) throws IOException {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        DatasetReader.forEach(dataset, e -> counts.merge(e.type(), 1L, Long::sum));
        return counts;
    }
}
