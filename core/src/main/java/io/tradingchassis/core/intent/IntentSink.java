package io.tradingchassis.core.intent;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

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
     * @param tif        a NEW's time in force (ignored for REPLACE, which keeps its order's, and CANCEL)
     */
    void emit(CommandType type, long orderKey, int instrument, Side side, long priceTicks, long qtyLots,
              TimeInForce tif);

    /** Emits an Intent with time in force GTC. */
    default void emit(CommandType type, long orderKey, int instrument, Side side, long priceTicks, long qtyLots) {
        emit(type, orderKey, instrument, side, priceTicks, qtyLots, TimeInForce.GTC);
    }

    /** Emits a GTC NEW. */
    default void newOrder(long orderKey, int instrument, Side side, long priceTicks, long qtyLots) {
        emit(CommandType.NEW, orderKey, instrument, side, priceTicks, qtyLots, TimeInForce.GTC);
    }

    /** Emits a NEW with a time in force (SPEC §6: GTC, IOC, FOK, GTX). */
    default void newOrder(long orderKey, int instrument, Side side, long priceTicks, long qtyLots,
                          TimeInForce tif) {
        emit(CommandType.NEW, orderKey, instrument, side, priceTicks, qtyLots, tif);
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
