package io.tradingchassis.core.intent;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;

/** Where a Strategy emits its Intents during a step. Emitting allocates nothing. */
public interface IntentSink {

    /**
     * Emits one Intent.
     *
     * @param type       NEW, REPLACE or CANCEL
     * @param orderKey   the order key (for NEW a fresh key; for REPLACE/CANCEL the live order's id)
     * @param instrument instrument index
     * @param side       side (for CANCEL, the order's side)
     * @param priceTicks limit price in ticks (0 for CANCEL)
     * @param qtyLots    total quantity in lots (0 for CANCEL)
     */
    void emit(CommandType type, long orderKey, int instrument, Side side, long priceTicks, long qtyLots);

    /** Emits a NEW. */
    default void newOrder(long orderKey, int instrument, Side side, long priceTicks, long qtyLots) {
        emit(CommandType.NEW, orderKey, instrument, side, priceTicks, qtyLots);
    }

    /** Emits a REPLACE. */
    default void replace(long orderKey, int instrument, Side side, long priceTicks, long qtyLots) {
        emit(CommandType.REPLACE, orderKey, instrument, side, priceTicks, qtyLots);
    }

    /** Emits a CANCEL. */
    default void cancel(long orderKey, int instrument, Side side) {
        emit(CommandType.CANCEL, orderKey, instrument, side, 0, 0);
    }
}
