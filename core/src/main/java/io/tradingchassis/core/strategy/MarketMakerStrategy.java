package io.tradingchassis.core.strategy;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;

/**
 * {@code market-maker}: quotes one bid and one ask around mid.
 *
 * <ul>
 *   <li>targets: {@code bid = mid − halfSpread − skew}, {@code ask = mid + halfSpread − skew}, where
 *       {@code skew = position × skewTicksPerLot} (a long position lowers both quotes);</li>
 *   <li>no working quote on a side → NEW of {@code quoteQtyLots} at the target;</li>
 *   <li>a working quote more than {@code replaceThresholdTicks} from its target → REPLACE;</li>
 *   <li>more than one working quote on a side → CANCEL the extras (highest keys first kept);</li>
 *   <li>kill switch on → CANCEL every working quote, quote nothing;</li>
 *   <li>no mid, or a feed gap → do nothing.</li>
 * </ul>
 */
public final class MarketMakerStrategy implements Strategy {
    /** Its id. */
    public static final String ID = "market-maker";

    private final int instrument;
    private final long halfSpreadTicks;
    private final long quoteQtyLots;
    private final long skewTicksPerLot;
    private final long replaceThresholdTicks;

    /** Built from resolved parameters (declared by its provider in {@link StrategyCatalog#builtIn()}). */
    public MarketMakerStrategy(StrategyParameters p) {
        this.instrument = p.instrument("instrument");
        this.halfSpreadTicks = p.integer("halfSpreadTicks");
        this.quoteQtyLots = p.integer("quoteQtyLots");
        this.skewTicksPerLot = p.integer("skewTicksPerLot");
        this.replaceThresholdTicks = p.integer("replaceThresholdTicks");
    }

    @Override
    public void decide(StrategyView view, IntentSink out) {
        if (view.killSwitch()) {
            for (int i = 0; i < view.workingCount(); i++) {
                if (view.workingInstrument(i) == instrument && !view.workingCancelling(i)) {
                    out.cancel(view.workingKey(i), instrument, view.workingSide(i));
                }
            }
            return;
        }
        BookView book = view.book(instrument);
        long mid = book.midTicks();
        if (mid == BookView.NO_PRICE || view.feedGap(instrument)) {
            return;
        }
        long skew = view.positionLots(instrument) * skewTicksPerLot;
        quote(view, out, Side.BUY, mid - halfSpreadTicks - skew, 0);
        quote(view, out, Side.SELL, mid + halfSpreadTicks - skew, 1);
    }

    private void quote(StateView view, IntentSink out, Side side, long target, int slot) {
        int keep = -1;
        // Keep the newest (highest key) working quote on this side; cancel older extras.
        for (int i = view.workingCount() - 1; i >= 0; i--) {
            if (view.workingInstrument(i) != instrument || view.workingSide(i) != side || view.workingCancelling(i)) {
                continue;
            }
            if (keep < 0) {
                keep = i;
            } else {
                out.cancel(view.workingKey(i), instrument, side);
            }
        }
        if (target <= 0) {
            if (keep >= 0) {
                out.cancel(view.workingKey(keep), instrument, side);
            }
            return;
        }
        if (keep < 0) {
            out.newOrder(OrderKeys.fresh(view.position(), slot), instrument, side, target, quoteQtyLots);
        } else if (Math.abs(view.workingPriceTicks(keep) - target) > replaceThresholdTicks) {
            out.replace(view.workingKey(keep), instrument, side, target, quoteQtyLots);
        }
    }
}
