package io.tradingchassis.examples;

import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.strategy.OrderKeys;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;

/**
 * An example of a user strategy written against the public API only: an EMA-crossover taker.
 *
 * <p>On every market event of its instrument that has a mid price it updates a fast and a slow
 * exponential moving average of the mid, in fixed-point integers ({@code ema += (mid·2¹⁶ − ema) · 2 /
 * (n + 1)}, floored): no floating point, so every JVM computes the same values. After
 * {@code slowPeriod} samples, when the fast EMA crosses the slow one it takes liquidity in the
 * direction of the cross — a buy at the best ask when fast moves above slow, a sell at the best bid
 * when it moves below — for {@code orderQtyLots}, unless the position plus the quantity already
 * working on that side would pass {@code maxPositionLots}.
 *
 * <p>What it remembers lives in State, in the memory slots its provider declares
 * ({@link EmaCrossoverProvider#memorySlots()}), never in fields: replay and restore-from-snapshot
 * reproduce it. Slots: {@value #FAST} fast EMA, {@value #SLOW} slow EMA (both mid ticks × 2¹⁶),
 * {@value #SAMPLES} samples seen, {@value #SIGNAL} the last side of the cross (+1 above, −1 below,
 * 0 none yet).
 */
public final class EmaCrossoverStrategy implements Strategy {
    /** Memory slot: fast EMA, mid ticks × 2¹⁶. */
    public static final int FAST = 0;
    /** Memory slot: slow EMA, mid ticks × 2¹⁶. */
    public static final int SLOW = 1;
    /** Memory slot: mid samples seen. */
    public static final int SAMPLES = 2;
    /** Memory slot: +1 fast above slow, −1 below, 0 before the first comparison. */
    public static final int SIGNAL = 3;
    /** Number of memory slots. */
    public static final int SLOTS = 4;

    private static final int SCALE_BITS = 16;

    private final int instrument;
    private final long fastPeriod;
    private final long slowPeriod;
    private final long orderQtyLots;
    private final long maxPositionLots;

    /** Built by {@link EmaCrossoverProvider} from resolved parameters. */
    EmaCrossoverStrategy(StrategyParameters p) {
        this.instrument = p.instrument("instrument");
        this.fastPeriod = p.integer("fastPeriod");
        this.slowPeriod = p.integer("slowPeriod");
        this.orderQtyLots = p.integer("orderQtyLots");
        this.maxPositionLots = p.integer("maxPositionLots");
    }

    /** Decide on market events of our instrument only (SPEC §5 step 3 predicate). */
    @Override
    public boolean wantsDecision(StateView view) {
        EventType t = view.eventType();
        return t.category() == EventType.Category.MARKET && view.eventInstrument() == instrument;
    }

    @Override
    public void decide(StrategyView view, IntentSink out) {
        BookView book = view.book(instrument);
        long mid = book.midTicks();
        if (mid == BookView.NO_PRICE) {
            return;
        }
        long x = mid << SCALE_BITS;
        long samples = view.memory(SAMPLES);
        long fast = samples == 0 ? x : ema(view.memory(FAST), x, fastPeriod);
        long slow = samples == 0 ? x : ema(view.memory(SLOW), x, slowPeriod);
        view.memory(FAST, fast);
        view.memory(SLOW, slow);
        view.memory(SAMPLES, samples + 1);
        if (samples + 1 < slowPeriod || fast == slow) {
            return; // warming up, or no side to take
        }
        long signal = fast > slow ? 1 : -1;
        long previous = view.memory(SIGNAL);
        view.memory(SIGNAL, signal);
        if (previous == 0 || previous == signal || view.killSwitch() || view.feedGap(instrument)) {
            return; // the first comparison sets the side; only a cross trades
        }
        Side side = signal > 0 ? Side.BUY : Side.SELL;
        long price = side == Side.BUY ? book.bestAskTicks() : book.bestBidTicks();
        if (price == BookView.NO_PRICE) {
            return;
        }
        long working = 0;
        for (int i = 0; i < view.workingCount(); i++) {
            if (view.workingInstrument(i) == instrument && view.workingSide(i) == side && !view.workingCancelling(i)) {
                working += view.workingQtyLots(i);
            }
        }
        if (Math.abs(view.positionLots(instrument) + side.sign() * (working + orderQtyLots)) > maxPositionLots) {
            return;
        }
        out.newOrder(OrderKeys.fresh(view.position(), 0), instrument, side, price, orderQtyLots);
    }

    /** One EMA step in fixed point: {@code ema + floor((x − ema) · 2 / (n + 1))}. */
    static long ema(long ema, long x, long n) {
        return ema + Math.floorDiv((x - ema) * 2, n + 1);
    }
}
