package io.tradingchassis.core.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The strategies a configuration can select, with their declared integer parameters, defaults and
 * bounds. Declaring them here makes every parameter part of the resolved configuration, and so of
 * its fingerprint, whether or not the file spells it out.
 */
public final class StrategyCatalog {

    /** One declared parameter: name, default, inclusive bounds, and what it means. */
    public record ParameterSpec(String name, long defaultValue, long min, long max, String doc) {
    }

    /** The id of the strategy that never emits an Intent (the default). */
    public static final String NONE = "none";
    /** Quotes a bid and an ask around mid. */
    public static final String MARKET_MAKER = "market-maker";
    /** Crosses the spread after N consecutive same-side trades. */
    public static final String MOMENTUM_TAKER = "momentum-taker";

    private static final long MAX = CoreConfiguration.MAX_EXACT_INTEGER;

    private static final Map<String, List<ParameterSpec>> SPECS = new TreeMap<>(Map.of(
            NONE, List.of(),
            MARKET_MAKER, List.of(
                    new ParameterSpec("instrument", 0, 0, MAX, "index of the instrument to quote"),
                    new ParameterSpec("halfSpreadTicks", 2, 1, MAX, "distance of each quote from mid, in ticks"),
                    new ParameterSpec("quoteQtyLots", 1, 1, MAX, "quantity of each quote, in lots"),
                    new ParameterSpec("skewTicksPerLot", 0, 0, MAX,
                            "both quotes move this many ticks against the position, per lot held"),
                    new ParameterSpec("replaceThresholdTicks", 1, 0, MAX,
                            "re-quote when the target price moves by more than this many ticks")),
            MOMENTUM_TAKER, List.of(
                    new ParameterSpec("instrument", 0, 0, MAX, "index of the instrument to trade"),
                    new ParameterSpec("tradesInRow", 3, 1, MAX,
                            "consecutive same-aggressor trades that trigger an order"),
                    new ParameterSpec("orderQtyLots", 1, 1, MAX, "quantity of each order, in lots"),
                    new ParameterSpec("maxPositionLots", 10, 1, MAX,
                            "the strategy stops adding once |position| would exceed this"))));

    private StrategyCatalog() {
    }

    /** Every known strategy id, sorted. */
    public static List<String> ids() {
        return List.copyOf(SPECS.keySet());
    }

    /** The declared parameters of a strategy id, or {@code null} for an unknown id. */
    public static List<ParameterSpec> parameters(String id) {
        return SPECS.get(id);
    }
}
