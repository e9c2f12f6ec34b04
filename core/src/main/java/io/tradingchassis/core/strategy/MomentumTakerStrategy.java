package io.tradingchassis.core.strategy;

import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;

/**
 * {@code momentum-taker}: counts, in its strategy memory, the run of consecutive trades with the same
 * aggressor side that it decided on (every trade, with the default decision trigger); on the trade
 * that makes the run exactly {@code tradesInRow} long it crosses the spread in that direction (a buy at
 * the best ask, a sell at the best bid) for {@code orderQtyLots}, unless the position plus working
 * same-side quantity would then exceed {@code maxPositionLots} in absolute value. Does not trade
 * under the kill switch or a feed gap (the run is still counted).
 *
 * <p>Memory: slot {@value #RUN} the run length, slot {@value #RUN_SIGN} the run's aggressor sign.
 */
public final class MomentumTakerStrategy implements Strategy {
    /** Its id. */
    public static final String ID = "momentum-taker";
    /** Memory slot of the run length. */
    public static final int RUN = 0;
    /** Memory slot of the run's aggressor sign (+1 buy, −1 sell, 0 before the first trade). */
    public static final int RUN_SIGN = 1;
    /** Memory slots it declares. */
    public static final int MEMORY_SLOTS = 2;

    private final int instrument;
    private final long tradesInRow;
    private final long orderQtyLots;
    private final long maxPositionLots;

    /** Built from resolved parameters (declared by its provider in {@link StrategyCatalog#builtIn()}). */
    public MomentumTakerStrategy(StrategyParameters p) {
        this.instrument = p.instrument("instrument");
        this.tradesInRow = p.integer("tradesInRow");
        this.orderQtyLots = p.integer("orderQtyLots");
        this.maxPositionLots = p.integer("maxPositionLots");
    }

    /** Decides only on a trade event of its instrument (the predicate of SPEC §5 step 3). */
    @Override
    public boolean wantsDecision(StateView view) {
        return view.eventType() == EventType.TRADE && view.eventInstrument() == instrument;
    }

    @Override
    public void decide(StrategyView view, IntentSink out) {
        BookView book = view.book(instrument);
        long sign = book.lastTradeAggressorSign();
        long run = sign == view.memory(RUN_SIGN) ? view.memory(RUN) + 1 : 1;
        view.memory(RUN, run);
        view.memory(RUN_SIGN, sign);
        if (view.killSwitch() || view.feedGap(instrument) || run != tradesInRow) {
            return;
        }
        Side side = sign > 0 ? Side.BUY : Side.SELL;
        long price = side == Side.BUY ? book.bestAskTicks() : book.bestBidTicks();
        if (price == BookView.NO_PRICE || price <= 0) {
            return;
        }
        long working = 0;
        for (int i = 0; i < view.workingCount(); i++) {
            if (view.workingInstrument(i) == instrument && view.workingSide(i) == side && !view.workingCancelling(i)) {
                working += view.workingQtyLots(i);
            }
        }
        long projected = view.positionLots(instrument) + side.sign() * (working + orderQtyLots);
        if (Math.abs(projected) > maxPositionLots) {
            return;
        }
        out.newOrder(OrderKeys.fresh(view.position(), 2), instrument, side, price, orderQtyLots);
    }
}
