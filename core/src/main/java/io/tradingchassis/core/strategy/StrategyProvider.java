package io.tradingchassis.core.strategy;

import java.util.List;

/**
 * The public door for a Strategy (STYLE habit 11): a provider names a strategy, declares its
 * parameters and memory, and builds it. Built-ins are providers like any other. Providers are found
 * through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.tradingchassis.core.strategy.StrategyProvider}) or added to a
 * {@link StrategyCatalog} programmatically; the catalog is passed to the configuration parser and
 * the engine.
 *
 * <p>The id, the version and every resolved parameter are part of the resolved configuration, so of
 * its fingerprint (SPEC §10): change what a strategy does and bump its version.
 */
public interface StrategyProvider {

    /** The id a configuration selects it by ({@code "strategy": {"id": …}}): lowercase, digits, '-'. */
    String id();

    /** Version of the strategy's behaviour; part of the fingerprint. */
    String version();

    /** One line saying what it does (for {@code --help} and error messages). */
    default String description() {
        return "";
    }

    /**
     * Whether the strategy takes a script: a list of timed Intents in the configuration's
     * {@code "strategy": {"script": [...]}} (only the built-in {@code scripted} does). Default: no.
     */
    default boolean takesScript() {
        return false;
    }

    /** Declared parameters, in the order the documentation lists them. */
    List<ParameterSpec> parameters();

    /**
     * Number of {@code long} memory slots the Strategy keeps in State (0..{@value StrategyCatalog#MAX_MEMORY_SLOTS}).
     * They start at 0, are read and written through {@link io.tradingchassis.core.view.StrategyView}
     * during {@code decide}, and are part of State's digest, snapshot and restore.
     */
    default int memorySlots() {
        return 0;
    }

    /**
     * Checks resolved parameters together (each is already within its declared bounds), when the
     * configuration is parsed; an IllegalArgumentException becomes a configuration error naming
     * {@code $.strategy.parameters}. Default: nothing to check.
     */
    default void validate(StrategyParameters parameters) {
    }

    /**
     * Builds the Strategy for resolved parameters. Called once per configuration by an engine; the
     * Strategy must keep no mutable fields (D3): what it remembers lives in its memory slots.
     */
    Strategy create(StrategyParameters parameters);
}
