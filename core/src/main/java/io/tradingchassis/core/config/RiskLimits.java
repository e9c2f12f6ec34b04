package io.tradingchassis.core.config;

/**
 * Risk policy limits (SPEC §5 step 4). All quantities in lots, prices in ticks.
 *
 * @param maxOrderQtyLots max quantity of one NEW or REPLACE; default 1000
 * @param maxPositionLots max absolute position per instrument, counting the open quantity of live
 *                        orders on the same side; an order that shrinks that worst case is allowed even
 *                        beyond it; default 10000
 * @param maxOpenOrders   max live orders plus pending NEWs across all instruments; default 100
 * @param priceBandTicks  max distance of an order's price from mid; default 1000
 */
public record RiskLimits(long maxOrderQtyLots, long maxPositionLots, long maxOpenOrders, long priceBandTicks) {

    /** The documented defaults. */
    public static final RiskLimits DEFAULT = new RiskLimits(1_000, 10_000, 100, 1_000);
}
