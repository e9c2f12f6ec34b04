package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/** One of our orders as the venue holds it: price, total, filled, leaves and its queue ahead, all whole. */
final class VenueOrder {
    final long key;
    final int instrument;
    final Side side;
    final TimeInForce tif;
    long priceTicks;
    long qtyLots;
    long filledLots;
    long leavesLots;
    /** Lots ahead of the order at its price (RiskAdverseQueueModel's front queue); negative only mid-update. */
    long aheadLots;

    VenueOrder(long key, int instrument, Side side, TimeInForce tif, long priceTicks, long qtyLots) {
        this.key = key;
        this.instrument = instrument;
        this.side = side;
        this.tif = tif;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        this.leavesLots = qtyLots;
    }

    boolean isBuy() {
        return side == Side.BUY;
    }
}
