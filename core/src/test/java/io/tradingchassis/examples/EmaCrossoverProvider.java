package io.tradingchassis.examples;

import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import java.util.List;

/**
 * Registers {@link EmaCrossoverStrategy} as {@code "ema-crossover"}. Listed in
 * {@code META-INF/services/io.tradingchassis.core.strategy.StrategyProvider}, so
 * {@code StrategyCatalog.standard()} — what {@code CoreConfiguration.parse(json, source)} uses — finds it.
 * A configuration then selects it with {@code "strategy": {"id": "ema-crossover", "parameters": {…}}};
 * its id, version and every parameter (defaults written out) are part of the fingerprint.
 */
public final class EmaCrossoverProvider implements StrategyProvider {
    /** The id configurations select. */
    public static final String ID = "ema-crossover";

    private static final long MAX = ParameterSpec.MAX_VALUE;

    /** ServiceLoader needs a public no-argument constructor. */
    public EmaCrossoverProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "takes liquidity when a fast EMA of mid crosses a slow one";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.instrument("instrument", "index of the instrument to trade"),
                ParameterSpec.integer("fastPeriod", 8, 1, 1_000_000, "samples of the fast EMA"),
                ParameterSpec.integer("slowPeriod", 32, 2, 1_000_000, "samples of the slow EMA"),
                ParameterSpec.integer("orderQtyLots", 1, 1, MAX, "quantity of each order, in lots"),
                ParameterSpec.integer("maxPositionLots", 5, 1, MAX, "never trade past this |position|"));
    }

    @Override
    public int memorySlots() {
        return EmaCrossoverStrategy.SLOTS;
    }

    @Override
    public void validate(StrategyParameters parameters) {
        if (parameters.integer("fastPeriod") >= parameters.integer("slowPeriod")) {
            throw new IllegalArgumentException("fastPeriod must be below slowPeriod, got "
                    + parameters.integer("fastPeriod") + " >= " + parameters.integer("slowPeriod"));
        }
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        return new EmaCrossoverStrategy(parameters);
    }
}
