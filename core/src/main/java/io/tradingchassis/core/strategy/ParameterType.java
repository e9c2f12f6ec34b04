package io.tradingchassis.core.strategy;

/** The type of a declared strategy parameter; every value is resolved to a {@code long}. */
public enum ParameterType {
    /** An integer in [min, max]; JSON number (any exact spelling: 10, 10.0, 1e1). */
    INTEGER,
    /** {@code true}/{@code false}; JSON boolean; read as 1/0. */
    BOOLEAN,
    /** The index of a configured instrument (0 .. instruments − 1); JSON number. */
    INSTRUMENT
}
