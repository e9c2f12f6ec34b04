package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.VenueAdapter;
import io.tradingchassis.runtime.book.Ladder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The simulated venue (SPEC §12): a deterministic exchange with the rules of hftbacktest 2.4.4's
 * {@code PartialFillExchange} with {@code RiskAdverseQueueModel}, restated in whole lots and integer
 * ticks, with two deliberate differences (an exact queue fill completes the order — hftbacktest issue
 * #312; every partial fill is reported — #299, #316). runtime/README.md, "Simulated venue", states the
 * rules; this class implements exactly those.
 *
 * <p><b>Time.</b> The venue processes two kinds of item, each at a venue time on the local clock: a
 * market row (a {@code BookDelta}, {@code BookSnapshot} or {@code Trade} handed to {@link #onMarket}) at
 * its visibility time ({@code localTsNs − feedLeadNs} on the LOCAL timeline, {@code exchTsNs −
 * clockOffsetNs} on the EXCHANGE timeline), and a request (handed to {@link #submit}) at its arrival time,
 * dispatch control time + {@code entryLatencyNs}. Everything the venue emits for an item carries
 * {@code localTsNs = venue time + responseLatencyNs} and {@code exchTsNs = venue time + clockOffsetNs}.
 *
 * <p><b>Processing order.</b> Items are processed in order of venue time; at equal venue time market rows
 * come before requests; rows among themselves in the order they were handed over, requests in the order
 * they were submitted. Without a feed (below) the venue sees market data only as the runtime merges it, so it
 * processes an item
 * only when nothing that sorts before it can still be handed over — judged from the runtime's clock as the
 * venue has seen it (the largest {@code localTsNs} handed over, dispatch time or feedback time taken),
 * which assumes market data arrives in {@code localTsNs} order — or when the runtime takes feedback that
 * is due: before {@link #poll} returns feedback due at {@code t}, every item whose answer would be due by
 * {@code t} is processed. A row handed over after the venue has processed a later item is seen at the
 * venue's clock (never in its past), and rows are seen in the order they were handed over. On the LOCAL
 * timeline with {@code responseLatencyNs > feedLeadNs} (or equal, with MARKET merged before EXECUTION)
 * every request sees exactly the rows visible at its arrival; otherwise a request is answered with the
 * rows the runtime merged by the time its answer is due, and the README says so.
 *
 * <p><b>Own feed.</b> Built with a feed ({@link #SimulatedVenue(VenueSettings, int, InputSource)}: a
 * second, independent reader of the same market data), the venue ignores {@link #onMarket} and reads its
 * rows itself, each at its visibility time: on the LOCAL timeline in feed order, on the EXCHANGE timeline in
 * order of visibility, ties in feed order (hftbacktest's stable sort by {@code exch_ts}; see
 * {@link #REORDER_WINDOW_NS}). {@link #advance} processes rows ahead of the
 * runtime, one at a time, while the next row's visibility time is at most {@code min(horizonNs, earliest
 * pending feedback localTsNs) + entryLatencyNs}, the bound recomputed after every row: the runtime's next
 * step is at that minimum or later, so no request can arrive before it plus the entry latency, and a
 * processed row can never belong after a request still to come. {@link #submit} first processes every row
 * visible at or before the request's arrival, then the request. So every request sees exactly the rows
 * visible at its arrival, on either timeline and whatever the latencies.
 *
 * <p>Call {@link #onMarket}, {@link #submit} and {@link #poll} in the runtime's merge order, as
 * {@link io.tradingchassis.runtime.RuntimeLoop} does. Same calls, same feedback, byte for byte: nothing
 * here reads a clock or iterates a hash container (the maps are only looked up).
 */
public final class SimulatedVenue implements VenueAdapter {

    /** {@link #queueAheadLots(long)} of an order the venue does not hold. */
    public static final long NO_ORDER = -1;

    private record Row(long timeNs, Event event) {
    }

    private record Arrival(long timeNs, DispatchRequest request) {
    }

    private final VenueSettings settings;
    private final int failEveryNthSubmit;
    private final ArrayDeque<Row> rows = new ArrayDeque<>();
    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private final ArrayDeque<Event> feedback = new ArrayDeque<>();
    private final Int2ObjectHashMap<VenueBook> books = new Int2ObjectHashMap<>();
    private final Long2ObjectHashMap<VenueOrder> live = new Long2ObjectHashMap<>();

    /** The runtime's clock as far as the venue has seen it: no input it will still get is earlier. */
    private long runtimeNs = Long.MIN_VALUE;
    /** Venue time of the last processed item. */
    private long clockNs = Long.MIN_VALUE;
    private long lastRowNs = Long.MIN_VALUE;
    private long lastArrivalNs = Long.MIN_VALUE;
    private long submits;

    /** The venue's own market feed, or null when it sees the market only through {@link #onMarket}. */
    private final InputSource feed;
    /**
     * On the EXCHANGE timeline, how far past a row's visibility the venue reads its feed before it processes
     * the row (a row's feed latency must not exceed it): Binance's recorded latencies stay below 100 ms.
     */
    static final long REORDER_WINDOW_NS = 1_000_000_000L;
    /** The reorder buffer: rows read from the feed, not yet released, sorted by visibility then feed order. */
    private long[] pendingNs = new long[256];
    private Event[] pendingRows = new Event[256];
    private int pendingHead;
    private int pendingCount;
    /** The next book row of the feed and its visibility time (valid while {@code nextRow != null}). */
    private Event nextRow;
    private long nextRowNs;
    /** Test hook: {kind (0 row, 1 request), venue time, requested time} per processed item, or null. */
    private List<long[]> trace;

    /** A venue with these settings whose {@link #submit} never fails. */
    public SimulatedVenue(VenueSettings settings) {
        this(settings, 0);
    }

    /**
     * A venue whose every {@code failEveryNthSubmit}-th {@link #submit} (counting from 1) returns
     * {@code DispatchFailed} and never reaches the book: deterministic failure injection for F4 tests.
     *
     * @param failEveryNthSubmit {@code 0} for never, else {@code >= 1}
     */
    public SimulatedVenue(VenueSettings settings, int failEveryNthSubmit) {
        this(settings, failEveryNthSubmit, null);
    }

    /**
     * A venue that reads the market from its own {@code feed} (a second, independent reader of the market
     * data the runtime merges) instead of from {@link #onMarket}, which it then ignores. See the class
     * comment, "Own feed".
     *
     * @param failEveryNthSubmit {@code 0} for never, else {@code >= 1}
     * @param feed the venue's own copy of the market data, or null for none
     */
    public SimulatedVenue(VenueSettings settings, int failEveryNthSubmit, InputSource feed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (failEveryNthSubmit < 0) {
            throw new IllegalArgumentException("failEveryNthSubmit=" + failEveryNthSubmit + ": must be >= 0");
        }
        this.failEveryNthSubmit = failEveryNthSubmit;
        this.feed = feed;
    }

    /** Whether the venue reads the market from its own feed. */
    public boolean hasFeed() {
        return feed != null;
    }

    /** The settings it runs with. */
    public VenueSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ VenueAdapter

    /**
     * Takes the request: it reaches the venue at {@code nowNs + entryLatencyNs}. Returns its
     * {@code OrderSubmitted} record, or {@code DispatchFailed} when failure injection picks this submit.
     */
    @Override
    public Event submit(DispatchRequest request, long nowNs) {
        Objects.requireNonNull(request, "request");
        runtimeNs = Math.max(runtimeNs, nowNs);
        submits++;
        if (failEveryNthSubmit > 0 && submits % failEveryNthSubmit == 0) {
            return new DispatchFailed(nowNs, nowNs, request.orderKey(), request.requestId(),
                    "simulated transmission failure: submit #" + submits + " (every " + failEveryNthSubmit + ")");
        }
        long arrival = add(nowNs, settings.entryLatencyNs());
        long t = Math.max(arrival, Math.max(lastArrivalNs, clockNs));
        lastArrivalNs = t;
        if (feed != null) {
            // Rows before requests at equal time; advance() never went past arrival (see the class comment).
            while (peekRow() && nextRowNs <= t) {
                processFeedRow();
            }
            t = Math.max(t, clockNs);
            if (trace != null) {
                trace.add(new long[] {1, t, arrival});
            }
            processArrival(new Arrival(t, request));
            return new OrderSubmitted(nowNs, nowNs, request.orderKey(), request.requestId(), request.command());
        }
        arrivals.add(new Arrival(t, request));
        settle();
        return new OrderSubmitted(nowNs, nowNs, request.orderKey(), request.requestId(), request.command());
    }

    /** Book rows and trades feed the venue's book at their visibility time; other events only its clock. */
    @Override
    public void onMarket(Event e) {
        if (feed != null) {
            return; // the venue reads its own feed
        }
        runtimeNs = Math.max(runtimeNs, e.localTsNs());
        switch (e.type()) {
            case BOOK_DELTA, BOOK_SNAPSHOT, TRADE -> {
                long visible = settings.timeline() == VenueSettings.Timeline.LOCAL
                        ? sub(e.localTsNs(), settings.feedLeadNs())
                        : sub(e.exchTsNs(), settings.clockOffsetNs());
                long t = Math.max(visible, Math.max(lastRowNs, clockNs));
                lastRowNs = t;
                rows.add(new Row(t, e));
            }
            default -> {
                // BBO is kept beside the ladder, never written into it (SPEC §3); control events carry no book.
            }
        }
        settle();
    }

    /**
     * With a feed: processes feed rows, in order, while the next one is visible at or before
     * {@code min(horizonNs, earliest pending feedback localTsNs) + entryLatencyNs}, recomputing the bound
     * after every row. Without a feed: nothing.
     */
    @Override
    public void advance(long horizonNs) {
        if (feed == null) {
            return;
        }
        while (peekRow()) {
            long bound = feedback.isEmpty() ? horizonNs : Math.min(horizonNs, feedback.peek().localTsNs());
            if (bound != EXHAUSTED && nextRowNs > add(bound, settings.entryLatencyNs())) {
                return;
            }
            processFeedRow();
        }
    }

    @Override
    public long peekLocalTsNs() {
        if (feed != null) {
            return feedback.isEmpty() ? EXHAUSTED : feedback.peek().localTsNs();
        }
        settle();
        if (!feedback.isEmpty()) {
            return feedback.peek().localTsNs();
        }
        Arrival a = arrivals.peek();
        // Every request gets an answer: the earliest pending one is due at its arrival + response latency.
        return a == null ? EXHAUSTED : Math.min(add(a.timeNs, settings.responseLatencyNs()), EXHAUSTED - 1);
    }

    @Override
    public Event poll() {
        if (feed != null) {
            if (feedback.isEmpty()) {
                throw new IllegalStateException("SimulatedVenue.poll with no feedback pending (peekLocalTsNs is EXHAUSTED)");
            }
            return feedback.poll();
        }
        long due = peekLocalTsNs();
        if (due == EXHAUSTED) {
            throw new IllegalStateException("SimulatedVenue.poll with no feedback pending (peekLocalTsNs is EXHAUSTED)");
        }
        // The runtime takes feedback due at `due` only once every input before it was merged.
        runtimeNs = Math.max(runtimeNs, due);
        settle();
        force(due);
        return feedback.poll();
    }

    // ------------------------------------------------------------------ inspection

    /** Lots ahead of a resting order at its price, or {@link #NO_ORDER} when the venue holds no such order. */
    public long queueAheadLots(long orderKey) {
        VenueOrder o = live.get(orderKey);
        return o == null ? NO_ORDER : o.aheadLots;
    }

    /** Number of our orders resting at the venue. */
    public int liveOrderCount() {
        return live.size();
    }

    /** Test hook: records every processed item as {kind (0 row, 1 request), venue time, requested time}. */
    List<long[]> traceItems() {
        if (trace == null) {
            trace = new ArrayList<>();
        }
        return trace;
    }

    // ------------------------------------------------------------------ own feed

    /**
     * Whether the feed has another book row; loads it into {@code nextRow} with its visibility time. On the
     * LOCAL timeline rows come in feed order (their visibility, {@code localTsNs − feedLeadNs}, never
     * decreases). On the EXCHANGE timeline they come in order of visibility ({@code exchTsNs −
     * clockOffsetNs}), rows of equal visibility in feed order — hftbacktest's converter stable-sorts the
     * exchange-side rows by {@code exch_ts} the same way: a row is held in a reorder buffer until the feed
     * has been read {@value #REORDER_WINDOW_NS} ns past its visibility, so no row still unread can sort
     * before it unless its feed latency ({@code localTsNs} − visibility) exceeds that window, which is
     * refused, naming the row.
     */
    private boolean peekRow() {
        if (nextRow != null) {
            return true;
        }
        boolean exchange = settings.timeline() == VenueSettings.Timeline.EXCHANGE;
        while (true) {
            long nextLocal = feed.peekLocalTsNs();
            if (exchange && pendingCount > 0
                    && (nextLocal == EXHAUSTED || sub(nextLocal, REORDER_WINDOW_NS) >= pendingNs[pendingHead])) {
                nextRowNs = pendingNs[pendingHead];
                nextRow = pendingRows[pendingHead];
                pendingRows[pendingHead] = null;
                pendingHead++;
                pendingCount--;
                lastRowNs = nextRowNs;
                return true;
            }
            if (nextLocal == EXHAUSTED) {
                return false;
            }
            Event e = feed.poll();
            switch (e.type()) {
                case BOOK_DELTA, BOOK_SNAPSHOT, TRADE -> {
                    if (!exchange) {
                        nextRowNs = Math.max(sub(e.localTsNs(), settings.feedLeadNs()), lastRowNs);
                        lastRowNs = nextRowNs;
                        nextRow = e;
                        return true;
                    }
                    long visible = sub(e.exchTsNs(), settings.clockOffsetNs());
                    if (visible < lastRowNs) {
                        throw new IllegalStateException("venue feed: the " + e.type() + " row at localTsNs "
                                + e.localTsNs() + " (exchTsNs " + e.exchTsNs() + ") is visible at " + visible
                                + ", before a row the venue already processed at " + lastRowNs + ": its feed latency "
                                + (e.localTsNs() - visible) + " ns is over the venue's reorder window of "
                                + REORDER_WINDOW_NS + " ns (is venue.clockOffsetNs the one tc import reports?)");
                    }
                    hold(visible, e);
                }
                default -> {
                    // BBO and control events carry no book
                }
            }
        }
    }

    /** Puts a row into the reorder buffer, after every held row of the same or an earlier visibility. */
    private void hold(long visibleNs, Event e) {
        if (pendingHead + pendingCount == pendingNs.length) {
            if (pendingHead > pendingNs.length / 2) {
                System.arraycopy(pendingNs, pendingHead, pendingNs, 0, pendingCount);
                System.arraycopy(pendingRows, pendingHead, pendingRows, 0, pendingCount);
                Arrays.fill(pendingRows, pendingCount, pendingRows.length, null);
            } else {
                pendingNs = Arrays.copyOfRange(pendingNs, pendingHead, pendingHead + pendingNs.length * 2);
                pendingRows = Arrays.copyOfRange(pendingRows, pendingHead, pendingHead + pendingRows.length * 2);
            }
            pendingHead = 0;
        }
        int i = pendingHead + pendingCount;
        while (i > pendingHead && pendingNs[i - 1] > visibleNs) { // nearly sorted: a short walk back
            pendingNs[i] = pendingNs[i - 1];
            pendingRows[i] = pendingRows[i - 1];
            i--;
        }
        pendingNs[i] = visibleNs;
        pendingRows[i] = e;
        pendingCount++;
    }

    private void processFeedRow() {
        long t = Math.max(nextRowNs, clockNs);
        Event e = nextRow;
        nextRow = null;
        if (trace != null) {
            trace.add(new long[] {0, t, nextRowNs});
        }
        processRow(t, e);
    }

    // ------------------------------------------------------------------ processing order

    /** Processes every item nothing can still sort before. */
    private void settle() {
        while (true) {
            Row r = rows.peek();
            Arrival a = arrivals.peek();
            if (r != null && (a == null || r.timeNs <= a.timeNs)) {
                if (r.timeNs > add(runtimeNs, settings.entryLatencyNs())) {
                    return; // a request could still arrive before this row
                }
                processRow(rows.poll());
            } else if (a != null) {
                if (a.timeNs >= watermark()) {
                    return; // a row could still become visible at or before this arrival
                }
                processArrival(arrivals.poll());
            } else {
                return;
            }
        }
    }

    /** Venue time below which no further market row can become visible. */
    private long watermark() {
        return settings.timeline() == VenueSettings.Timeline.LOCAL
                ? sub(runtimeNs, settings.feedLeadNs())
                : lastRowNs;
    }

    /** Processes, in order, every item whose output would be due at the runtime by {@code dueNs}. */
    private void force(long dueNs) {
        long resp = settings.responseLatencyNs();
        while (true) {
            Row r = rows.peek();
            Arrival a = arrivals.peek();
            if (r != null && (a == null || r.timeNs <= a.timeNs)) {
                if (add(r.timeNs, resp) > dueNs) {
                    return;
                }
                processRow(rows.poll());
            } else if (a != null && add(a.timeNs, resp) <= dueNs) {
                processArrival(arrivals.poll());
            } else {
                return;
            }
        }
    }

    private void processRow(Row r) {
        processRow(r.timeNs, r.event);
    }

    private void processRow(long timeNs, Event e) {
        clockNs = timeNs;
        switch (e.type()) {
            case BOOK_DELTA -> onDelta((BookDelta) e);
            case BOOK_SNAPSHOT -> onSnapshot((BookSnapshot) e);
            case TRADE -> onTrade((Trade) e);
            default -> throw new IllegalStateException("not a book row: " + e.type());
        }
    }

    private void processArrival(Arrival a) {
        clockNs = a.timeNs;
        DispatchRequest d = a.request;
        switch (d.type()) {
            case NEW -> onNew(d);
            case REPLACE -> onReplace(d);
            case CANCEL -> onCancel(d);
            default -> throw new IllegalStateException("unknown command type " + d.type());
        }
    }

    private VenueBook book(int instrument) {
        VenueBook b = books.get(instrument);
        if (b == null) {
            b = new VenueBook();
            books.put(instrument, b);
        }
        return b;
    }

    // ------------------------------------------------------------------ market rows

    private void onDelta(BookDelta d) {
        VenueBook b = book(d.instrument());
        long bid0 = b.bestBid();
        long ask0 = b.bestAsk();
        long q = Math.max(0, d.qtyLots());
        b.side(d.side()).set(d.priceTicks(), q);
        for (VenueOrder o : b.resting) {
            if (o.side.restingSide() == d.side() && o.priceTicks == d.priceTicks()) {
                o.aheadLots = Math.min(o.aheadLots, q); // a depth row never raises the queue ahead
            }
        }
        fullExecutions(b, bid0, ask0);
    }

    private void onSnapshot(BookSnapshot s) {
        VenueBook b = book(s.instrument());
        long bid0 = b.bestBid();
        long ask0 = b.bestAsk();
        b.replace(s.bids(), s.asks());
        for (VenueOrder o : b.resting) {
            long q = b.ownQtyAt(o.side, o.priceTicks);
            if (q > 0) {
                o.aheadLots = Math.min(o.aheadLots, q); // each level acts as a depth row; absent levels do not
            }
        }
        fullExecutions(b, bid0, ask0);
    }

    /**
     * Full execution by the book: when the best bid rose (or appeared), every resting sell at or below it
     * fills whole at its own price; when the best ask fell (or appeared), every resting buy at or above it.
     */
    private void fullExecutions(VenueBook b, long bid0, long ask0) {
        long bid1 = b.bestBid();
        long ask1 = b.bestAsk();
        boolean bidRose = bid1 > bid0;
        boolean askFell = ask1 < ask0;
        if (!bidRose && !askFell) {
            return;
        }
        for (VenueOrder o : b.resting) {
            if (o.isBuy() ? askFell && o.priceTicks >= ask1 : bidRose && o.priceTicks <= bid1) {
                fill(o, o.leavesLots, o.priceTicks);
            }
        }
        sweep(b);
    }

    private void onTrade(Trade t) {
        VenueBook b = book(t.instrument());
        for (VenueOrder o : b.resting) {
            if (t.aggressorSide() == o.side || t.aggressorSide() == null) {
                continue; // only the opposite aggressor trades with a resting order
            }
            int through = o.isBuy() ? Long.compare(o.priceTicks, t.priceTicks())
                    : Long.compare(t.priceTicks(), o.priceTicks);
            if (through > 0) {
                fill(o, o.leavesLots, o.priceTicks); // traded strictly through our price
            } else if (through == 0) {
                o.aheadLots = sub(o.aheadLots, t.qtyLots());
                if (o.aheadLots < 0) {
                    // -ahead == leaves completes the order (hftbacktest 2.4.4 leaves a zombie: #312)
                    long exec = o.aheadLots <= -o.leavesLots ? o.leavesLots : -o.aheadLots;
                    o.aheadLots = 0;
                    fill(o, exec, o.priceTicks);
                }
            }
        }
        sweep(b);
    }

    /** Drops the orders that filled completely. */
    private void sweep(VenueBook b) {
        for (VenueOrder o : b.resting) {
            if (o.leavesLots == 0) {
                live.remove(o.key);
            }
        }
        b.resting.removeIf(o -> o.leavesLots == 0);
    }

    // ------------------------------------------------------------------ requests

    private void onNew(DispatchRequest d) {
        if (d.priceTicks() <= 0 || d.qtyLots() <= 0 || d.side() == null || d.timeInForce() == null) {
            reject(d, "NEW needs a side, a time in force, priceTicks > 0 and qtyLots > 0; got " + d.side() + " "
                    + d.qtyLots() + "@" + d.priceTicks() + " " + d.timeInForce());
            return;
        }
        if (live.containsKey(d.orderKey())) {
            reject(d, "NEW for order key " + d.orderKey() + ", which is already live at the venue");
            return;
        }
        VenueBook b = book(d.instrument());
        VenueOrder o = new VenueOrder(d.orderKey(), d.instrument(), d.side(), d.timeInForce(), d.priceTicks(),
                d.qtyLots());
        TimeInForce tif = o.tif;
        if (!b.marketable(o.side, o.priceTicks)) {
            if (tif == TimeInForce.GTC || tif == TimeInForce.GTX) {
                accept(o);
                rest(b, o);
            } else {
                expire(o); // IOC/FOK that cannot take: Submitted → Expired
            }
            return;
        }
        switch (tif) {
            case GTX -> expire(o); // post-only that would take
            case FOK -> {
                if (b.liquidityUpTo(o.side, o.priceTicks) >= o.qtyLots) {
                    accept(o);
                    take(b, o, true);
                } else {
                    expire(o);
                }
            }
            case IOC -> {
                accept(o);
                take(b, o, true);
                if (o.leavesLots > 0) {
                    expire(o);
                }
            }
            case GTC -> {
                accept(o);
                takeGtc(b, o);
            }
            default -> throw new IllegalStateException("unknown time in force " + tif);
        }
    }

    /** A marketable GTC (new or re-queued): takes the book, then rests or fills at its limit. */
    private void takeGtc(VenueBook b, VenueOrder o) {
        if (settings.gtcRemainder() == VenueSettings.GtcRemainder.FILL_AT_LIMIT) {
            // hftbacktest 2.4.4 (PartialFillExchange): a buy sweeps the asks below its limit, a sell the bids
            // down to and including its limit; either then fills what is left at the limit.
            take(b, o, o.side == Side.SELL);
            if (o.leavesLots > 0) {
                fill(o, o.leavesLots, o.priceTicks, Liquidity.TAKER); // hftbacktest: the rest at the limit, taken
            }
        } else {
            take(b, o, true);
            if (o.leavesLots > 0) {
                rest(b, o);
            }
        }
    }

    /** Takes the opposite side level by level, best first, up to the limit; one fill per level. */
    private void take(VenueBook b, VenueOrder o, boolean inclusive) {
        Ladder l = b.opposite(o.side);
        for (int i = 0; i < l.count() && o.leavesLots > 0
                && VenueBook.within(o.side, l.price(i), o.priceTicks, inclusive); i++) {
            fill(o, Math.min(l.qty(i), o.leavesLots), l.price(i), Liquidity.TAKER);
        }
    }

    private void rest(VenueBook b, VenueOrder o) {
        o.aheadLots = b.ownQtyAt(o.side, o.priceTicks);
        b.resting.add(o);
        live.put(o.key, o);
    }

    private void onReplace(DispatchRequest d) {
        VenueOrder o = live.get(d.orderKey());
        if (o == null) {
            reject(d, "REPLACE for order " + d.orderKey() + ", which is not live at the venue (filled, cancelled or"
                    + " expired)");
            return;
        }
        if (d.priceTicks() <= 0 || d.qtyLots() <= o.filledLots) {
            reject(d, "REPLACE of order " + o.key + " to " + d.qtyLots() + "@" + d.priceTicks()
                    + ": needs priceTicks > 0 and qtyLots above the filled quantity " + o.filledLots);
            return;
        }
        boolean requeue = d.priceTicks() != o.priceTicks || d.qtyLots() > o.qtyLots;
        feedback.add(new OrderReplaced(exchNs(), localNs(), o.key, d.requestId(), d.priceTicks(), d.qtyLots()));
        o.priceTicks = d.priceTicks();
        o.qtyLots = d.qtyLots();
        o.leavesLots = d.qtyLots() - o.filledLots;
        if (!requeue) {
            return; // same price, no more quantity: keeps its place
        }
        VenueBook b = book(o.instrument);
        b.resting.remove(o);
        live.remove(o.key);
        if (!b.marketable(o.side, o.priceTicks)) {
            rest(b, o);
        } else if (o.tif == TimeInForce.GTX) {
            expire(o); // re-queued post-only that would take
        } else {
            takeGtc(b, o); // only GTC and GTX ever rest
        }
    }

    private void onCancel(DispatchRequest d) {
        VenueOrder o = live.remove(d.orderKey());
        if (o == null) {
            reject(d, "CANCEL for order " + d.orderKey() + ", which is not live at the venue (filled, cancelled or"
                    + " expired)");
            return;
        }
        book(o.instrument).resting.remove(o);
        feedback.add(new OrderCancelled(exchNs(), localNs(), o.key, d.requestId()));
    }

    // ------------------------------------------------------------------ output

    /** A maker fill: the resting order was hit (queue position, a trade through it, the book crossing it). */
    private void fill(VenueOrder o, long qty, long priceTicks) {
        fill(o, qty, priceTicks, Liquidity.MAKER);
    }

    private void fill(VenueOrder o, long qty, long priceTicks, Liquidity liquidity) {
        o.filledLots += qty;
        o.leavesLots -= qty;
        feedback.add(new OrderFilled(exchNs(), localNs(), o.key, qty, priceTicks, o.leavesLots, liquidity));
    }

    private void accept(VenueOrder o) {
        feedback.add(new OrderAccepted(exchNs(), localNs(), o.key));
    }

    private void expire(VenueOrder o) {
        feedback.add(new OrderExpired(exchNs(), localNs(), o.key));
    }

    private void reject(DispatchRequest d, String reason) {
        feedback.add(new OrderRejected(exchNs(), localNs(), d.orderKey(), d.requestId(), reason));
    }

    /** When the output reaches the runtime. */
    private long localNs() {
        return add(clockNs, settings.responseLatencyNs());
    }

    /** The venue's time on the exchange clock. */
    private long exchNs() {
        return add(clockNs, settings.clockOffsetNs());
    }

    private static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    private static long sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
