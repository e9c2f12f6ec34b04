package io.tradingchassis.runtime.binance;

/** A Binance market: how its depth diffs chain, and its name in a dataset header. */
public enum BinanceMarket {
    /** Spot: a diff continues the previous one when {@code U == previous u + 1}. */
    SPOT("spot"),
    /** USD-M futures: a diff continues the previous one when {@code pu == previous u}. */
    USDM("usdm");

    private final String id;

    BinanceMarket(String id) {
        this.id = id;
    }

    /** The market as a dataset header names it: {@code spot} or {@code usdm}. */
    public String id() {
        return id;
    }
}
