package io.tradingchassis.runtime.backtest;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.InstrumentSpec;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.runtime.Recorder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest reports, gathered step by step as a {@link Recorder}: counts by event type, Orders
 * by final status, every fill (with its side and liquidity), position, realized and marked PnL, the
 * maximum drawdown of marked PnL, and a down-sampled series of mid, position and PnL for the plots.
 * Everything here is a function of the stream (no clock), so two runs report the same.
 *
 * <p>Money is in the instrument's quote units: ticks × tickSize times lots × lotSize. Realized PnL uses
 * the average cost of the open position; marked PnL is cash plus the position at the current mid.
 */
public final class RunMetrics implements Recorder {
    /** One fill as {@code fills.csv} shows it. */
    public record Fill(long position, long localTsNs, long exchTsNs, long orderId, Side side, long priceTicks,
                       long qtyLots, long leavesLots, String liquidity) {
    }

    /** One point of the plotted series. */
    public record Point(long localTsNs, long midTicks, long positionLots, BigDecimal markedPnl) {
    }

    private static final long SAMPLE_START_NS = 100_000_000L; // 100 ms, doubled while there are too many points
    private static final int MAX_POINTS = 4_000;

    private final State state;
    private final int instrument;
    private final BigDecimal tick;
    private final BigDecimal lot;
    // Counts by EventType, indexed by ordinal (in memory only: the summary names the types).
    private final long[] byType = new long[EventType.values().length];
    private final EnumMap<OrderStatus, Long> finalStatus = new EnumMap<>(OrderStatus.class);
    private final TreeMap<Long, Side> sides = new TreeMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private List<Point> points = new ArrayList<>();
    private long sampleEveryNs = SAMPLE_START_NS;
    private long nextSampleNs = Long.MIN_VALUE;
    private long entries;
    private long positionLots;
    private BigDecimal costBasis = BigDecimal.ZERO; // quote units paid for the open position
    private BigDecimal realized = BigDecimal.ZERO;
    // Marked PnL and its drawdown in tick×lot units (exact longs on the hot path; scaled at output).
    private long peak;
    private long maxDrawdown;
    private long lastMarked;

    /** Metrics of the run folding into {@code state}, for the instrument {@code instrument} of {@code cfg}. */
    public RunMetrics(State state, CoreConfiguration cfg, int instrument) {
        this.state = state;
        this.instrument = instrument;
        InstrumentSpec spec = cfg.instruments().get(instrument);
        this.tick = spec.tickSize();
        this.lot = spec.lotSize();
    }

    @Override
    public void onStep(long position, Event event, StepResult result) {
        entries++;
        // By EventType, not instanceof on the event interfaces: this runs once per entry, and on JDK 17 an
        // interface check that alternates between classes is slow (the JVM caches one secondary super).
        EventType type = event.type();
        byType[type.ordinal()]++; // no boxing
        boolean market = false;
        switch (type) {
            case ORDER_SUBMITTED -> {
                OrderSubmitted s = (OrderSubmitted) event;
                if (s.command().type() == CommandType.NEW) {
                    sides.put(s.orderId(), s.command().side());
                }
            }
            case ORDER_FILLED -> onFill(position, (OrderFilled) event); // before the terminal transition forgets the side
            case BOOK_DELTA, BOOK_SNAPSHOT, TRADE, BBO -> market = true; // the MarketEvent types
            default -> {
                // nothing else moves the metrics
            }
        }
        int n = result.transitionCount();
        for (int i = 0; i < n; i++) {
            OrderStatus to = result.transitionTo(i);
            if (to.isTerminal()) {
                finalStatus.merge(to, 1L, Long::sum);
                sides.remove(result.transitionOrderId(i));
            }
        }
        if (market || type == EventType.ORDER_FILLED) {
            sample(event.localTsNs(), type == EventType.ORDER_FILLED);
        }
    }

    private void onFill(long position, OrderFilled f) {
        Side side = sides.get(f.orderId());
        if (side == null) {
            throw new IllegalStateException("fill at position " + position + " for order " + f.orderId()
                    + " whose OrderSubmitted was not seen");
        }
        fills.add(new Fill(position, f.localTsNs(), f.exchTsNs(), f.orderId(), side, f.fillPriceTicks(),
                f.fillQtyLots(), f.leavesLots(), f.liquidity().name()));
        BigDecimal price = tick.multiply(BigDecimal.valueOf(f.fillPriceTicks()));
        long signed = side.sign() * f.fillQtyLots();
        long before = positionLots;
        long after = before + signed;
        if (before != 0 && Long.signum(before) != Long.signum(signed)) {
            // Closing (part of) the position at the average cost of what is open.
            long closed = Math.min(Math.abs(before), Math.abs(signed));
            BigDecimal avg = costBasis.divide(BigDecimal.valueOf(Math.abs(before)), MathContext.DECIMAL128);
            BigDecimal closedQty = lot.multiply(BigDecimal.valueOf(closed));
            BigDecimal pnl = price.multiply(closedQty).subtract(avg.multiply(BigDecimal.valueOf(closed)))
                    .multiply(BigDecimal.valueOf(Long.signum(before)));
            realized = realized.add(pnl);
            costBasis = costBasis.subtract(avg.multiply(BigDecimal.valueOf(closed)));
            long opened = Math.abs(signed) - closed;
            if (opened > 0) {
                costBasis = price.multiply(lot.multiply(BigDecimal.valueOf(opened)));
            }
        } else {
            costBasis = costBasis.add(price.multiply(lot.multiply(BigDecimal.valueOf(Math.abs(signed)))));
        }
        positionLots = after;
        if (after == 0) {
            costBasis = BigDecimal.ZERO;
        }
    }

    private void sample(long t, boolean force) {
        BookView book = book();
        long mid = book == null ? BookView.NO_PRICE : book.midTicks();
        if (mid != BookView.NO_PRICE) {
            long marked = markedTickLots(mid);
            lastMarked = marked;
            if (marked > peak) {
                peak = marked;
            }
            if (peak - marked > maxDrawdown) {
                maxDrawdown = peak - marked;
            }
        }
        if (mid == BookView.NO_PRICE || (!force && t < nextSampleNs)) {
            return;
        }
        points.add(new Point(t, mid, positionLots, quote(lastMarked)));
        nextSampleNs = t + sampleEveryNs;
        if (points.size() > MAX_POINTS) {
            List<Point> half = new ArrayList<>(points.size() / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) {
                half.add(points.get(i));
            }
            points = half;
            sampleEveryNs *= 2;
        }
    }

    private BookView book() {
        L2Book b = state.market().bookOrNull(instrument);
        return b;
    }

    /** Cash plus the position marked at {@code midTicks}, in tick×lot units. */
    private long markedTickLots(long midTicks) {
        long cash = state.execution().positions().cashTickLots(instrument);
        long pos = state.execution().positions().positionLots(instrument);
        return Math.addExact(cash, Math.multiplyExact(pos, midTicks));
    }

    private BigDecimal quote(long tickLots) {
        return BigDecimal.valueOf(tickLots).multiply(tick).multiply(lot);
    }

    /** Entries recorded. */
    public long entries() {
        return entries;
    }

    /** Counts by event type, in the type's declaration order. */
    public Map<EventType, Long> countsByType() {
        EnumMap<EventType, Long> out = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            if (byType[t.ordinal()] != 0) {
                out.put(t, byType[t.ordinal()]);
            }
        }
        return out;
    }

    /** Orders that ended in each terminal status, plus those still live at the end (by status). */
    public Map<OrderStatus, Long> ordersByFinalStatus() {
        EnumMap<OrderStatus, Long> out = new EnumMap<>(finalStatus);
        for (long id : state.execution().orders().ids()) {
            out.merge(state.execution().orders().get(id).status(), 1L, Long::sum);
        }
        return out;
    }

    /** Every fill, in stream order. */
    public List<Fill> fills() {
        return fills;
    }

    /** The plotted series. */
    public List<Point> points() {
        return points;
    }

    /** Final position, lots. */
    public long positionLots() {
        return state.execution().positions().positionLots(instrument);
    }

    /** Realized PnL (average cost), quote units. */
    public BigDecimal realizedPnl() {
        return realized;
    }

    /** Marked PnL at the last mid, quote units. */
    public BigDecimal markedPnl() {
        return quote(lastMarked);
    }

    /** Largest fall of marked PnL from a previous peak, quote units. */
    public BigDecimal maxDrawdown() {
        return quote(maxDrawdown);
    }

    /** Tick size of the instrument. */
    public BigDecimal tickSize() {
        return tick;
    }

    /** Lot size of the instrument. */
    public BigDecimal lotSize() {
        return lot;
    }
}
