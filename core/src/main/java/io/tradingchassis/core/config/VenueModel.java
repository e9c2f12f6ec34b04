package io.tradingchassis.core.config;

/**
 * Parameters of the simulated venue (SPEC §12). The core does not read them; they are part of the
 * configuration, and so of its fingerprint, because they change every simulated result.
 *
 * @param entryLatencyNs    dispatch control time to arrival at the venue; default 0
 * @param responseLatencyNs venue answer to arrival at the runtime; default 0
 * @param feedLeadNs        how much earlier the venue sees market data than the runtime; default 0
 */
public record VenueModel(long entryLatencyNs, long responseLatencyNs, long feedLeadNs) {

    /** The documented defaults. */
    public static final VenueModel DEFAULT = new VenueModel(0, 0, 0);
}
