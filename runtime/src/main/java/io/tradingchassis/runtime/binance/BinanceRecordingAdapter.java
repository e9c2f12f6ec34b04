package io.tradingchassis.runtime.binance;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.runtime.book.Ladder;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Turns Binance recording lines into events (runtime/README.md, "Binance import" states every rule):
 *
 * <ul>
 *   <li>time — {@code localTsNs} is the line's first field; {@code exchTsNs} is the message's {@code T}
 *       where present, else {@code E}, else the {@code exchTsNs} of the row before (spot bookTicker, spot
 *       REST snapshot); rows before the first row with a time of its own take that row's time;
 *   <li>book synchronisation — diffs are buffered until the REST snapshot; then those with
 *       {@code u <= lastUpdateId} are dropped, the first applied must satisfy
 *       {@code U <= lastUpdateId + 1 <= u}, and each later one must continue the chain (spot
 *       {@code U == previous u + 1}, futures {@code pu == previous u}); every break is a {@link FeedGap}
 *       before the breaking diff's deltas, and diffs go on being applied;
 *   <li>events — the snapshot is a {@link BookSnapshot}, then come the buffered diffs it keeps (with their
 *       own times); an applied diff is one {@link BookDelta} per level, bids then asks, in message order; a
 *       trade is a {@link Trade} ({@code m} true: the buyer is the maker, so the aggressor sold); a
 *       bookTicker is a {@link Bbo}.
 * </ul>
 *
 * Files are read in order as one stream: the chain, the book and the carried time go on across them.
 */
final class BinanceRecordingAdapter {

    /** The instrument index every event of a single-instrument dataset carries. */
    static final int INSTRUMENT = 0;
    /** Applied diffs kept so a later snapshot can re-apply those it does not cover. */
    static final int RECENT_DIFFS = 1000;
    /** Diffs buffered before the first snapshot; more means the recording has no snapshot near its start. */
    static final int MAX_PENDING_DIFFS = 100_000;
    /** Rows without a time of their own before the first row with one. */
    static final int MAX_HELD_ROWS = 10_000;
    private static final long NS_PER_MS = 1_000_000L;
    private static final int MAX_LOCAL_TS_DIGITS = 19;

    /** Where the events go. */
    interface Sink {
        void accept(Event e) throws IOException;
    }

    private enum Kind { DEPTH, TRADE, BOOK_TICKER, SNAPSHOT }

    private enum Sync {
        /** No snapshot yet: diffs wait in {@code recent}. */
        NO_SNAPSHOT,
        /** A snapshot was applied; the next diff past its lastUpdateId must straddle it. */
        SYNCING,
        /** Diffs continue the chain of the previous one. */
        SYNCED
    }

    /** A row read before any row had an exchange time: processed when the first such row comes. */
    private record HeldRow(String file, long line, long localTsNs, byte[] json) {
    }

    private final BinanceImportOptions options;
    private final Sink sink;
    private final boolean futures;
    private final String streamSymbol;
    private final DecimalUnits ticks;
    private final DecimalUnits lots;
    private final RecordedMessage msg;

    private String file = "";
    private long line;

    private boolean haveTime;
    private long carriedExchTsNs;
    private final List<HeldRow> held = new ArrayList<>();
    private long clockOffsetNs = Long.MIN_VALUE;

    private Sync sync = Sync.NO_SNAPSHOT;
    private long snapshotLastUpdateId;
    private long prevLastId;
    /** Before the first snapshot: the diffs waiting for it. After: the last applied diffs. */
    private final ArrayDeque<DepthDiff> recent = new ArrayDeque<>();

    // The importer's own book, for the final best bid/ask (sorted arrays: no hash order anywhere).
    private final Ladder bids = new Ladder(true);
    private final Ladder asks = new Ladder(false);

    private long depthMessages;
    private long tradeMessages;
    private long bookTickerMessages;
    private long snapshotMessages;
    private long dropped;
    private long applied;
    private long gaps;
    private long nonMarketTrades;
    private long events;

    BinanceRecordingAdapter(BinanceImportOptions options, Sink sink) {
        this.options = options;
        this.sink = sink;
        this.futures = options.market() == BinanceMarket.USDM;
        this.streamSymbol = options.symbol().toLowerCase(Locale.ROOT);
        this.ticks = new DecimalUnits(options.sizes().tickSize(), "price", "tick size");
        this.lots = new DecimalUnits(options.sizes().lotSize(), "quantity", "lot size");
        this.msg = new RecordedMessage(ticks, lots);
    }

    /**
     * Reads every line of one decompressed recording.
     *
     * @param name         the file as messages name it
     * @param everyLines   called every 4096 lines (progress)
     * @throws BinanceImportException naming the file and line, for bad input (a failing read of
     *         {@code in} included: a truncated gzip)
     * @throws IOException when the sink fails
     */
    void read(String name, InputStream in, Runnable everyLines) throws IOException {
        file = name;
        line = 0;
        LineReader lines = new LineReader(in);
        while (true) {
            boolean more;
            try {
                more = lines.next();
            } catch (EOFException e) {
                throw new BinanceImportException(file + ":" + (line + 1) + ": truncated gzip: the compressed data ends "
                        + "inside this line (" + line + " complete lines before it)");
            } catch (ZipException e) {
                throw new BinanceImportException(file + ":" + (line + 1) + ": corrupt gzip data (" + e.getMessage()
                        + "; " + line + " complete lines before it)");
            } catch (LineReader.LineTooLongException e) {
                throw new BinanceImportException(file + ":" + (line + 1) + ": " + e.getMessage());
            } catch (IOException e) {
                throw new BinanceImportException(file + ":" + (line + 1) + ": cannot read: " + e.getMessage());
            }
            if (!more) {
                return;
            }
            line++;
            onLine(lines.bytes(), lines.length());
            if ((line & 4095) == 0) {
                everyLines.run();
            }
        }
    }

    /**
     * Ends the input: checks that every row got a time and the book a snapshot.
     *
     * @throws BinanceImportException when not
     */
    BinanceImportReport finish() {
        if (!held.isEmpty()) {
            HeldRow first = held.get(0);
            throw new BinanceImportException(first.file() + ":" + first.line() + ": no row from here to the end of the "
                    + "input has an exchange time (T or E), so these " + held.size() + " rows cannot be timed");
        }
        if (sync == Sync.NO_SNAPSHOT) {
            throw new BinanceImportException(file + ": no REST depth snapshot (a line {\"lastUpdateId\":…}) in "
                    + (options.files().size() == 1 ? "the recording" : "any of the " + options.files().size()
                    + " recordings") + " (" + depthMessages + " depth messages): the book cannot be synchronised; a "
                    + "recording that continues another must follow it in the same import");
        }
        return new BinanceImportReport(depthMessages, tradeMessages, bookTickerMessages, snapshotMessages, dropped,
                applied, gaps, best(bids), best(asks), clockOffsetNs, nonMarketTrades, events);
    }

    private List<String> best(Ladder side) {
        return side.count() == 0 ? null : List.of(ticks.toDecimal(side.price(0)), lots.toDecimal(side.qty(0)));
    }

    // ---------------------------------------------------------------- one line

    private void onLine(byte[] b, int len) throws IOException {
        int sp = 0;
        while (sp < len && b[sp] != ' ') {
            sp++;
        }
        long local = localTs(b, sp, len);
        int jsonFrom = sp + 1;
        int jsonLen = len - jsonFrom;
        parse(b, jsonFrom, jsonLen);
        Kind kind = classify();
        boolean ownTime = msg.has(RecordedMessage.HAS_T) || msg.has(RecordedMessage.HAS_E);
        if (!ownTime && (kind == Kind.DEPTH || kind == Kind.TRADE)) {
            // Only a spot bookTicker and a spot REST snapshot come without a time of their own.
            throw error((kind == Kind.DEPTH ? "depth" : "trade") + " message without \"T\" or \"E\"");
        }
        if (ownTime) {
            long own = millisToNanos(msg.has(RecordedMessage.HAS_T) ? msg.transactTimeMs : msg.eventTimeMs,
                    msg.has(RecordedMessage.HAS_T) ? "T" : "E");
            if (!held.isEmpty()) {
                release(own);
                parse(b, jsonFrom, jsonLen); // the holder is this line's again
            }
            haveTime = true;
            carriedExchTsNs = own;
            if (kind != Kind.BOOK_TICKER) {
                observe(own, local);
            }
            dispatch(kind, own, local);
        } else if (haveTime) {
            if (kind != Kind.BOOK_TICKER) {
                observe(carriedExchTsNs, local);
            }
            dispatch(kind, carriedExchTsNs, local);
        } else {
            if (held.size() >= MAX_HELD_ROWS) {
                throw error(MAX_HELD_ROWS + " rows without an exchange time (T or E) before the first row with one");
            }
            held.add(new HeldRow(file, line, local, Arrays.copyOfRange(b, jsonFrom, len)));
        }
    }

    /** The rows held for want of a time, with the time of the first row that has one (not in clockOffsetNs). */
    private void release(long exchTsNs) throws IOException {
        String hereFile = file;
        long hereLine = line;
        for (HeldRow h : held) {
            file = h.file();
            line = h.line();
            parse(h.json(), 0, h.json().length);
            dispatch(classify(), exchTsNs, h.localTsNs());
        }
        held.clear();
        file = hereFile;
        line = hereLine;
    }

    private void observe(long exchTsNs, long localTsNs) {
        long offset;
        try {
            offset = Math.subtractExact(exchTsNs, localTsNs);
        } catch (ArithmeticException e) {
            throw error("exchTsNs " + exchTsNs + " - localTsNs " + localTsNs + " overflows a 64-bit integer");
        }
        clockOffsetNs = Math.max(clockOffsetNs, offset);
    }

    private long localTs(byte[] b, int sp, int len) {
        if (sp == len || sp == 0) {
            throw error("expected \"<local_receive_ns> <JSON>\", found " + (len == 0 ? "an empty line"
                    : sp == 0 ? "a line starting with a space" : "no space"));
        }
        if (sp > MAX_LOCAL_TS_DIGITS) {
            throw error("local_receive_ns has " + sp + " characters; nanoseconds since the epoch have at most "
                    + MAX_LOCAL_TS_DIGITS + " digits");
        }
        long v = 0;
        for (int i = 0; i < sp; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw error("local_receive_ns \"" + new String(b, 0, sp, StandardCharsets.UTF_8)
                        + "\" is not a non-negative integer");
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw error("local_receive_ns " + new String(b, 0, sp, StandardCharsets.US_ASCII)
                        + " does not fit a 64-bit integer");
            }
            v = v * 10 + d;
        }
        return v;
    }

    private void parse(byte[] b, int from, int len) {
        try {
            msg.parse(b, from, len);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private Kind classify() {
        if (msg.stream != null) {
            if (!msg.has(RecordedMessage.HAS_DATA)) {
                throw error("stream message \"" + clip(msg.stream) + "\" without \"data\"");
            }
            if (msg.symbol == null) {
                throw error("message of stream \"" + clip(msg.stream) + "\" has no symbol \"s\"");
            }
            if (!msg.symbol.equals(options.symbol())) {
                throw error("message of symbol " + clip(msg.symbol) + " in an import of " + options.symbol()
                        + " (messages of another symbol are errors: import each symbol on its own)");
            }
            String s = msg.stream;
            int at = s.indexOf('@');
            if (at != streamSymbol.length() || !s.startsWith(streamSymbol)) {
                throw error("stream \"" + clip(s) + "\" is not a stream of " + options.symbol());
            }
            String kind = s.substring(at + 1);
            if (kind.equals("trade")) {
                return Kind.TRADE;
            }
            if (kind.equals("bookTicker")) {
                return Kind.BOOK_TICKER;
            }
            if (kind.equals("depth") || kind.startsWith("depth@")) {
                return Kind.DEPTH;
            }
            throw error("unsupported stream \"" + clip(s) + "\" (the importer reads <symbol>@depth…, @trade and "
                    + "@bookTicker)");
        }
        if (msg.has(RecordedMessage.HAS_LAST_UPDATE_ID)) {
            return Kind.SNAPSHOT;
        }
        throw error("neither a stream message {\"stream\":…,\"data\":…} nor a REST depth snapshot "
                + "{\"lastUpdateId\":…}");
    }

    private long millisToNanos(long ms, String field) {
        if (ms < 0) {
            throw error("field \"" + field + "\" = " + ms + " is negative");
        }
        try {
            return Math.multiplyExact(ms, NS_PER_MS);
        } catch (ArithmeticException e) {
            throw error("field \"" + field + "\" = " + ms + " ms does not fit in nanoseconds");
        }
    }

    private void dispatch(Kind kind, long exchTsNs, long localTsNs) throws IOException {
        switch (kind) {
            case DEPTH:
                depthMessages++;
                depth(exchTsNs, localTsNs);
                break;
            case TRADE:
                tradeMessages++;
                trade(exchTsNs, localTsNs);
                break;
            case BOOK_TICKER:
                bookTickerMessages++;
                bookTicker(exchTsNs, localTsNs);
                break;
            case SNAPSHOT:
                snapshotMessages++;
                snapshot(exchTsNs, localTsNs);
                break;
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    // ---------------------------------------------------------------- trade, bookTicker

    private void trade(long exchTsNs, long localTsNs) throws IOException {
        require(RecordedMessage.HAS_PRICE, "p", "trade");
        require(RecordedMessage.HAS_QTY, "q", "trade");
        require(RecordedMessage.HAS_MAKER, "m", "trade");
        if (msg.execType != null && !msg.execType.equals("MARKET")) {
            nonMarketTrades++; // futures insurance-fund and ADL prints are not market trades (as hftbacktest)
            return;
        }
        if (msg.price <= 0 || msg.qty <= 0) {
            throw error("trade with price " + ticks.toDecimal(msg.price) + " and quantity " + lots.toDecimal(msg.qty)
                    + ": both must be > 0");
        }
        emit(new Trade(exchTsNs, localTsNs, INSTRUMENT, msg.buyerIsMaker ? Side.SELL : Side.BUY, msg.price, msg.qty));
    }

    private void bookTicker(long exchTsNs, long localTsNs) throws IOException {
        require(RecordedMessage.HAS_BID_PRICE, "b", "bookTicker");
        require(RecordedMessage.HAS_BID_QTY, "B", "bookTicker");
        require(RecordedMessage.HAS_ASK_PRICE, "a", "bookTicker");
        require(RecordedMessage.HAS_ASK_QTY, "A", "bookTicker");
        if (msg.bidPrice <= 0 || msg.askPrice <= 0) {
            throw error("bookTicker with bid price " + ticks.toDecimal(msg.bidPrice) + " and ask price "
                    + ticks.toDecimal(msg.askPrice) + ": both must be > 0");
        }
        emit(new Bbo(exchTsNs, localTsNs, INSTRUMENT, msg.bidPrice, msg.bidQty, msg.askPrice, msg.askQty));
    }

    // ---------------------------------------------------------------- depth

    private void depth(long exchTsNs, long localTsNs) throws IOException {
        require(RecordedMessage.HAS_FIRST_ID, "U", "depth");
        require(RecordedMessage.HAS_LAST_ID, "u", "depth");
        require(RecordedMessage.HAS_BID_LEVELS, "b", "depth");
        require(RecordedMessage.HAS_ASK_LEVELS, "a", "depth");
        if (futures && !msg.has(RecordedMessage.HAS_PREV_ID)) {
            throw error("depth message without \"pu\": a spot recording? (it is being imported as USD-M futures)");
        }
        if (!futures && msg.has(RecordedMessage.HAS_PREV_ID)) {
            throw error("depth message with \"pu\": a USD-M futures recording? (it is being imported as spot)");
        }
        if (msg.firstUpdateId < 0 || msg.firstUpdateId > msg.lastUpdateIdInEvent) {
            throw error("depth update ids U=" + msg.firstUpdateId + " u=" + msg.lastUpdateIdInEvent
                    + ": need 0 <= U <= u");
        }
        levelsPositive(msg.bidPrices, "b");
        levelsPositive(msg.askPrices, "a");
        DepthDiff diff = new DepthDiff(file, line, exchTsNs, localTsNs, msg);
        if (sync == Sync.NO_SNAPSHOT) {
            if (recent.size() >= MAX_PENDING_DIFFS) {
                throw error(MAX_PENDING_DIFFS + " depth messages before any REST depth snapshot: the recording must "
                        + "contain one near its start");
            }
            recent.addLast(diff);
            return;
        }
        process(diff);
    }

    private void levelsPositive(LongList prices, String field) {
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i) <= 0) {
                throw error("\"" + field + "[" + i + "]\" has price " + ticks.toDecimal(prices.get(i))
                        + ": a price must be > 0");
            }
        }
    }

    /** Synchronisation and chain check for one diff, then its deltas. */
    private void process(DepthDiff d) throws IOException {
        if (sync == Sync.SYNCING) {
            if (d.lastId <= snapshotLastUpdateId) {
                if (!d.applied) {
                    dropped++;
                }
                return;
            }
            // U <= lastUpdateId + 1 <= u, written without the + 1 that could overflow
            if (!(d.firstId - 1 <= snapshotLastUpdateId && snapshotLastUpdateId < d.lastId)) {
                gap(d);
            }
            sync = Sync.SYNCED;
        } else if (futures ? d.prevId != prevLastId : d.firstId - 1 != prevLastId) {
            gap(d);
        }
        apply(d);
    }

    private void gap(DepthDiff d) throws IOException {
        gaps++;
        emit(new FeedGap(d.exchTsNs, d.localTsNs, INSTRUMENT));
    }

    private void apply(DepthDiff d) throws IOException {
        for (int i = 0; i < d.bidPrices.length; i++) {
            emit(new BookDelta(d.exchTsNs, d.localTsNs, INSTRUMENT, BookSide.BID, d.bidPrices[i], d.bidQtys[i]));
            bids.set(d.bidPrices[i], d.bidQtys[i]);
        }
        for (int i = 0; i < d.askPrices.length; i++) {
            emit(new BookDelta(d.exchTsNs, d.localTsNs, INSTRUMENT, BookSide.ASK, d.askPrices[i], d.askQtys[i]));
            asks.set(d.askPrices[i], d.askQtys[i]);
        }
        prevLastId = d.lastId;
        if (!d.applied) {
            d.applied = true;
            applied++;
        }
        recent.addLast(d);
        if (recent.size() > RECENT_DIFFS) {
            recent.removeFirst();
        }
    }

    // ---------------------------------------------------------------- snapshot

    private void snapshot(long exchTsNs, long localTsNs) throws IOException {
        require(RecordedMessage.HAS_BID_LEVELS, "bids", "REST depth snapshot");
        require(RecordedMessage.HAS_ASK_LEVELS, "asks", "REST depth snapshot");
        if (msg.lastUpdateId < 0) {
            throw error("REST depth snapshot lastUpdateId " + msg.lastUpdateId + " is negative");
        }
        List<PriceLevel> bidLevels = snapshotLevels(msg.bidPrices, msg.bidQtys, "bids");
        List<PriceLevel> askLevels = snapshotLevels(msg.askPrices, msg.askQtys, "asks");
        emit(new BookSnapshot(exchTsNs, localTsNs, INSTRUMENT, bidLevels, askLevels));
        bids.clear();
        asks.clear();
        for (PriceLevel l : bidLevels) {
            bids.set(l.priceTicks(), l.qtyLots());
        }
        for (PriceLevel l : askLevels) {
            asks.set(l.priceTicks(), l.qtyLots());
        }
        // The diffs received before this row: waiting ones (first snapshot) or recently applied ones (a later
        // snapshot replaced the book they were applied to). Those it does not cover come right after it.
        List<DepthDiff> before = new ArrayList<>(recent);
        recent.clear();
        sync = Sync.SYNCING;
        snapshotLastUpdateId = msg.lastUpdateId;
        for (DepthDiff d : before) {
            String hereFile = file;
            long hereLine = line;
            file = d.file;
            line = d.line;
            process(d);
            file = hereFile;
            line = hereLine;
        }
    }

    private List<PriceLevel> snapshotLevels(LongList prices, LongList qtys, String field) {
        int n = prices.size();
        PriceLevel[] levels = new PriceLevel[n];
        long[] sorted = prices.toArray();
        for (int i = 0; i < n; i++) {
            if (prices.get(i) <= 0 || qtys.get(i) <= 0) {
                throw error("REST depth snapshot \"" + field + "[" + i + "]\" is [" + ticks.toDecimal(prices.get(i))
                        + ", " + lots.toDecimal(qtys.get(i)) + "]: price and quantity must be > 0");
            }
            levels[i] = new PriceLevel(prices.get(i), qtys.get(i));
        }
        Arrays.sort(sorted);
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw error("REST depth snapshot \"" + field + "\" repeats price " + ticks.toDecimal(sorted[i]));
            }
        }
        return Arrays.asList(levels);
    }

    // ---------------------------------------------------------------- helpers

    private void emit(Event e) throws IOException {
        events++;
        sink.accept(e);
    }

    private void require(int bit, String field, String what) {
        if (!msg.has(bit)) {
            throw error(what + " message without \"" + field + "\"");
        }
    }

    private BinanceImportException error(String detail) {
        return new BinanceImportException(file + ":" + line + ": " + detail);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
