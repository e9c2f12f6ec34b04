package io.tradingchassis.core.config;

import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import java.util.Objects;

/**
 * The strategy a configuration selects: its provider (from the catalog the configuration was parsed
 * with), its version, and its fully resolved parameters (every declared parameter present). Equal when
 * id, version and parameters are equal — the parts that reach the fingerprint.
 */
public final class StrategyConfig {
    private final StrategyProvider provider;
    private final StrategyParameters parameters;

    StrategyConfig(StrategyProvider provider, StrategyParameters parameters) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Strategy id; default {@code none}. */
    public String id() {
        return provider.id();
    }

    /** The provider's version. */
    public String version() {
        return provider.version();
    }

    /** The provider the configuration was resolved against. */
    public StrategyProvider provider() {
        return provider;
    }

    /** Resolved parameters. */
    public StrategyParameters parameters() {
        return parameters;
    }

    /** The value of a declared parameter. */
    public long parameter(String name) {
        return parameters.integer(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyConfig c && c.id().equals(id()) && c.version().equals(version())
                && c.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), version(), parameters);
    }

    @Override
    public String toString() {
        return id() + "@" + version() + parameters;
    }
}
