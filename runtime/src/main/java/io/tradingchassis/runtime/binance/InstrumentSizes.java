package io.tradingchassis.runtime.binance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Tick size and lot size of an instrument: one tick is the smallest price step, one lot the smallest
 * quantity step. Prices and quantities become integer ticks and lots by exact division.
 *
 * @param tickSize price of one tick, {@code > 0}
 * @param lotSize  quantity of one lot, {@code > 0}
 */
public record InstrumentSizes(BigDecimal tickSize, BigDecimal lotSize) {

    /** The sizes of the symbols in ../shared/data/README.md, for use without --tick-size/--lot-size. */
    private static final List<Known> KNOWN = List.of(
            new Known(BinanceMarket.SPOT, "BTCUSDT", "0.01", "0.00001"),
            new Known(BinanceMarket.SPOT, "ETHUSDT", "0.01", "0.0001"),
            new Known(BinanceMarket.USDM, "BTCUSDT", "0.10", "0.001"));

    private record Known(BinanceMarket market, String symbol, String tickSize, String lotSize) {
    }

    /** Both sizes must be positive. */
    public InstrumentSizes {
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        if (tickSize.signum() <= 0 || lotSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size " + tickSize.toPlainString() + " and lot size "
                    + lotSize.toPlainString() + " must both be > 0");
        }
    }

    /** The built-in sizes of {@code symbol} on {@code market}, or {@code null} when it is not a known symbol. */
    public static InstrumentSizes known(BinanceMarket market, String symbol) {
        for (Known k : KNOWN) {
            if (k.market == market && k.symbol.equals(symbol)) {
                return new InstrumentSizes(new BigDecimal(k.tickSize), new BigDecimal(k.lotSize));
            }
        }
        return null;
    }

    /** The known symbols, as {@code market SYMBOL tick/lot} lines, for messages and help. */
    public static List<String> knownList() {
        return KNOWN.stream().map(k -> k.market.id() + " " + k.symbol + " " + k.tickSize + "/" + k.lotSize).toList();
    }
}
