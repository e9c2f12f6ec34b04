package io.tradingchassis.core.strategy;

import java.util.List;

/** Providers of the shipped strategies; they register like any other provider (see {@link StrategyCatalog}). */
final class BuiltInStrategies {
    private static final long MAX = ParameterSpec.MAX_VALUE;

    private BuiltInStrategies() {
    }

    /** {@code none}: never emits an Intent. */
    static final class None implements StrategyProvider {
        @Override
        public String id() {
            return NoStrategy.ID;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "never emits an Intent (data-only runs, recording, replays of feeds)";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new NoStrategy();
        }
    }

    /** {@code market-maker}. */
    static final class MarketMaker implements StrategyProvider {
        @Override
        public String id() {
            return MarketMakerStrategy.ID;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "quotes a bid and an ask around mid, skewed by position";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.instrument("instrument", "index of the instrument to quote"),
                    ParameterSpec.integer("halfSpreadTicks", 2, 1, MAX, "distance of each quote from mid, in ticks"),
                    ParameterSpec.integer("quoteQtyLots", 1, 1, MAX, "quantity of each quote, in lots"),
                    ParameterSpec.integer("skewTicksPerLot", 0, 0, MAX,
                            "both quotes move this many ticks against the position, per lot held"),
                    ParameterSpec.integer("replaceThresholdTicks", 1, 0, MAX,
                            "re-quote when the target price moves by more than this many ticks"));
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new MarketMakerStrategy(parameters);
        }
    }

    /** {@code momentum-taker}. */
    static final class MomentumTaker implements StrategyProvider {
        @Override
        public String id() {
            return MomentumTakerStrategy.ID;
        }

        @Override
        public String version() {
            return "2"; // 2: the run counter moved from the book into strategy memory
        }

        @Override
        public String description() {
            return "crosses the spread after N consecutive trades with the same aggressor";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.instrument("instrument", "index of the instrument to trade"),
                    ParameterSpec.integer("tradesInRow", 3, 1, MAX,
                            "consecutive same-aggressor trades that trigger an order"),
                    ParameterSpec.integer("orderQtyLots", 1, 1, MAX, "quantity of each order, in lots"),
                    ParameterSpec.integer("maxPositionLots", 10, 1, MAX,
                            "the strategy stops adding once |position| would exceed this"));
        }

        @Override
        public int memorySlots() {
            return MomentumTakerStrategy.MEMORY_SLOTS;
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new MomentumTakerStrategy(parameters);
        }
    }

    /** {@code scripted}: the Intents of its configuration, each at its control time. */
    static final class Scripted implements StrategyProvider {
        @Override
        public String id() {
            return ScriptedStrategy.ID;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "emits the Intents the configuration holds inline, each at exactly its control time";
        }

        @Override
        public boolean takesScript() {
            return true;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public int memorySlots() {
            return 1;
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new ScriptedStrategy(parameters);
        }
    }
}
