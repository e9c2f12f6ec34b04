package io.tradingchassis.core.testkit;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import java.util.List;

/**
 * Test strategies through the public door only (no test hook): a provider whose factory hands out one
 * given Strategy instance, a catalog holding it, and a configuration that selects it.
 */
public final class TestStrategies {
    private TestStrategies() {
    }

    /** A provider with id {@code id}, version "test", no parameters, {@code memorySlots} slots, building {@code s}. */
    public static StrategyProvider provider(String id, int memorySlots, Strategy s) {
        return new StrategyProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "test";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public int memorySlots() {
                return memorySlots;
            }

            @Override
            public Strategy create(StrategyParameters parameters) {
                return s;
            }
        };
    }

    /** The built-ins plus a provider {@code id} building {@code s}. */
    public static StrategyCatalog catalog(String id, Strategy s) {
        return StrategyCatalog.builtIn().with(provider(id, 0, s));
    }

    /**
     * Parses {@code json} (which must not have a "strategy" member) with {@code "strategy":{"id":id}}
     * added, against a catalog holding {@code s} under {@code id}.
     */
    public static CoreConfiguration config(String json, String id, Strategy s) {
        return config(json, catalog(id, s), id);
    }

    /** Parses {@code json} with {@code "strategy":{"id":id}} added, against {@code catalog}. */
    public static CoreConfiguration config(String json, StrategyCatalog catalog, String id) {
        String trimmed = json.trim();
        String body = trimmed.substring(1, trimmed.length() - 1).trim();
        String withStrategy = "{" + body + (body.isEmpty() ? "" : ",") + "\"strategy\":{\"id\":\"" + id + "\"}}";
        return CoreConfiguration.parse(withStrategy, "test", catalog);
    }
}
