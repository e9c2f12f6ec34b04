package io.tradingchassis.core.config;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The strategy to run and its fully resolved integer parameters (every declared parameter present).
 *
 * @param id         strategy id from {@link StrategyCatalog}; default {@code none}
 * @param parameters parameter name to value, sorted by name
 */
public record StrategyConfig(String id, SortedMap<String, Long> parameters) {

    /** Copies the parameters into an unmodifiable sorted map. */
    public StrategyConfig {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** The value of a declared parameter. */
    public long parameter(String name) {
        Long v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("strategy " + id + " has no parameter " + name);
        }
        return v;
    }
}
