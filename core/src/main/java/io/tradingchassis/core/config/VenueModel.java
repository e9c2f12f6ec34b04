package io.tradingchassis.core.config;

/**
 * Parameters of the simulated venue (SPEC §12). The core does not read them; they are part of the
 * configuration, and so of its fingerprint, because they change every simulated result.
 *
 * @param entryLatencyNs    dispatch control time to arrival at the venue; default 0
 * @param responseLatencyNs venue answer to arrival at the runtime; default 0
 * @param feedLeadNs        with timeline LOCAL, how much earlier the venue sees a market row than the
 *                          runtime ({@code localTsNs − feedLeadNs}); default 0
 * @param timeline          which clock places market rows on the venue's timeline; default LOCAL
 * @param clockOffsetNs     with timeline EXCHANGE, how far the local clock reads behind the exchange's: a
 *                          row is visible at {@code exchTsNs − clockOffsetNs}; default 0 ({@code tc import}
 *                          reports the smallest offset that makes every feed latency non-negative)
 * @param gtcRemainder      what a marketable GTC does with what the book cannot fill; default REST
 */
public record VenueModel(long entryLatencyNs, long responseLatencyNs, long feedLeadNs, Timeline timeline,
                         long clockOffsetNs, GtcRemainder gtcRemainder) {

    /** Which clock the venue's timeline follows (SPEC §12 "time"). */
    public enum Timeline {
        /** A market row is visible to the venue at {@code localTsNs − feedLeadNs}. */
        LOCAL,
        /** A market row is visible at {@code exchTsNs − clockOffsetNs} (hftbacktest's corrected timeline). */
        EXCHANGE
    }

    /** A marketable GTC's remainder after it took what the book had (SPEC §12 "arrival"). */
    public enum GtcRemainder {
        /** It rests at its limit. */
        REST,
        /** It fills whole at its limit (hftbacktest 2.4.4's behaviour). */
        FILL_AT_LIMIT
    }

    /** The documented defaults. */
    public static final VenueModel DEFAULT = new VenueModel(0, 0, 0, Timeline.LOCAL, 0, GtcRemainder.REST);

    /** Latencies only; LOCAL timeline, no clock offset, a GTC remainder rests. */
    public VenueModel(long entryLatencyNs, long responseLatencyNs, long feedLeadNs) {
        this(entryLatencyNs, responseLatencyNs, feedLeadNs, Timeline.LOCAL, 0, GtcRemainder.REST);
    }
}
