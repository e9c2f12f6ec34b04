package io.tradingchassis.core.view;

/** Read-only view of one instrument's market state. Prices in ticks, quantities in lots. */
public interface BookView {

    /** Returned by price queries when there is no such price. */
    long NO_PRICE = Long.MIN_VALUE;

    /** Best bid: the ladder's top, else the last BBO's bid, else {@link #NO_PRICE}. */
    long bestBidTicks();

    /** Best ask: the ladder's top, else the last BBO's ask, else {@link #NO_PRICE}. */
    long bestAskTicks();

    /**
     * floor((bestBid + bestAsk) / 2), or {@link #NO_PRICE} when either side is missing. Risk's price band
     * uses the exact mid instead (README).
     */
    long midTicks();

    /** Number of bid levels in the ladder. */
    int bidLevels();

    /** Number of ask levels in the ladder. */
    int askLevels();

    /** Price of the i-th best bid level (0 = best). */
    long bidPriceTicks(int level);

    /** Quantity of the i-th best bid level (0 = best). */
    long bidQtyLots(int level);

    /** Price of the i-th best ask level (0 = best). */
    long askPriceTicks(int level);

    /** Quantity of the i-th best ask level (0 = best). */
    long askQtyLots(int level);

    /** Total quantity at a bid price, 0 when absent. */
    long bidQtyAt(long priceTicks);

    /** Total quantity at an ask price, 0 when absent. */
    long askQtyAt(long priceTicks);

    /** Price of the last trade, or {@link #NO_PRICE}. */
    long lastTradePriceTicks();

    /** Quantity of the last trade, 0 when none. */
    long lastTradeQtyLots();

    /** Aggressor side of the last trade: +1 buy, −1 sell, 0 none. */
    int lastTradeAggressorSign();

    /** Number of trades seen so far. */
    long tradeCount();
}
