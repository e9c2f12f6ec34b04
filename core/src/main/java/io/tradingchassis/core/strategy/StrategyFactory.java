package io.tradingchassis.core.strategy;

import io.tradingchassis.core.config.StrategyCatalog;
import io.tradingchassis.core.config.StrategyConfig;

/** Builds the Strategy a configuration selects by id. */
public final class StrategyFactory {
    private StrategyFactory() {
    }

    /** The strategy for {@code cfg.id()}; the id was validated when the configuration loaded. */
    public static Strategy create(StrategyConfig cfg) {
        switch (cfg.id()) {
            case StrategyCatalog.NONE:
                return new NoStrategy();
            case StrategyCatalog.MARKET_MAKER:
                return new MarketMakerStrategy(cfg);
            case StrategyCatalog.MOMENTUM_TAKER:
                return new MomentumTakerStrategy(cfg);
            default:
                throw new IllegalArgumentException("unknown strategy id \"" + cfg.id() + "\"; known: "
                        + StrategyCatalog.ids());
        }
    }
}
