package io.tradingchassis.core.config;

/**
 * The built-in seeded synthetic market a run uses when it is given no dataset (SPEC §12): the same seed
 * gives the same stream on every machine. Part of the fingerprint, like every input of a run.
 *
 * @param seed       generator seed; default 1
 * @param events     market rows to generate; default 200000
 * @param instrument index of the instrument the rows are for; default 0
 * @param midTicks   initial mid price in ticks; default 6000000
 */
public record SyntheticMarketModel(long seed, long events, int instrument, long midTicks) {

    /** The documented defaults. */
    public static final SyntheticMarketModel DEFAULT = new SyntheticMarketModel(1, 200_000, 0, 6_000_000);
}
