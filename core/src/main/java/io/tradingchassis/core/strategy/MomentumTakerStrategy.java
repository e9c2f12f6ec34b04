package io.tradingchassis.core.strategy;

import io.tradingchassis.core.config.StrategyCatalog;
import io.tradingchassis.core.config.StrategyConfig;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.StateView;

/**
 * {@code momentum-taker}: on the trade that makes a run of exactly {@code tradesInRow} consecutive
 * trades with the same aggressor side, crosses the spread in that direction (a buy at the best ask, a
 * sell at the best bid) for {@code orderQtyLots}, unless the position plus working same-side quantity
 * would then exceed {@code maxPositionLots} in absolute value. Does nothing under the kill switch or a
 * feed gap.
 */
public final class MomentumTakerStrategy implements Strategy {
    private final int instrument;
    private final long tradesInRow;
    private final long orderQtyLots;
    private final long maxPositionLots;

    /** Built from resolved parameters (see {@link StrategyCatalog}). */
    public MomentumTakerStrategy(StrategyConfig cfg) {
        this.instrument = (int) cfg.parameter("instrument");
        this.tradesInRow = cfg.parameter("tradesInRow");
        this.orderQtyLots = cfg.parameter("orderQtyLots");
        this.maxPositionLots = cfg.parameter("maxPositionLots");
    }

    @Override
    public String id() {
        return StrategyCatalog.MOMENTUM_TAKER;
    }

    /** Decides only on a trade event (the predicate of SPEC §5 step 3). */
    @Override
    public boolean wantsDecision(StateView view) {
        return view.eventType() == EventType.TRADE;
    }

    @Override
    public void decide(StateView view, IntentSink out) {
        BookView book = view.book(instrument);
        if (view.killSwitch() || view.feedGap(instrument) || book.sameAggressorRun() != tradesInRow) {
            return;
        }
        Side side = book.lastTradeAggressorSign() > 0 ? Side.BUY : Side.SELL;
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
