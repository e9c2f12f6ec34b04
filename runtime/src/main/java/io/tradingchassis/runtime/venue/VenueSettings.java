package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.VenueModel;
import java.util.Objects;

/**
 * Parameters of the {@link SimulatedVenue} (SPEC §12 "Simulated venue"). The latencies and the feed lead
 * come from the configuration's {@code venue} block ({@link VenueModel}); the timeline, the clock offset
 * and the GTC remainder rule are not in the configuration yet and take their defaults here until they are
 * (see {@link #of(CoreConfiguration)}).
 *
 * @param entryLatencyNs    dispatch control time to arrival at the venue; {@code >= 0}, default 0
 * @param responseLatencyNs venue time of an answer or fill to its arrival at the runtime ({@code localTsNs});
 *                          {@code >= 0}, default 0
 * @param feedLeadNs        {@link Timeline#LOCAL}: how much earlier the venue sees a market row than the
 *                          runtime ({@code localTsNs − feedLeadNs}); {@code >= 0}, default 0
 * @param timeline          which clock decides when a market row becomes visible to the venue; default
 *                          {@link Timeline#LOCAL}
 * @param clockOffsetNs     how far the local clock reads behind the exchange's: exchange time
 *                          {@code e} is local time {@code e − clockOffsetNs}; used by
 *                          {@link Timeline#EXCHANGE} and for the {@code exchTsNs} of the venue's answers;
 *                          default 0
 * @param gtcRemainder      what a marketable GTC does with what is left after taking the book; default
 *                          {@link GtcRemainder#REST}
 */
public record VenueSettings(long entryLatencyNs, long responseLatencyNs, long feedLeadNs, Timeline timeline,
                            long clockOffsetNs, GtcRemainder gtcRemainder) {

    /** When a market row becomes visible to the venue (SPEC §12 "time"). */
    public enum Timeline {
        /** At {@code localTsNs − feedLeadNs}: the runtime's clock, shifted by a constant lead. */
        LOCAL,
        /**
         * At {@code exchTsNs − clockOffsetNs}: the exchange's own clock, read on the local clock. This is
         * hftbacktest's exchange timeline after its converter shifts local timestamps by the offset.
         */
        EXCHANGE
    }

    /** What a marketable GTC does with its remainder after taking the book up to its limit (SPEC §12). */
    public enum GtcRemainder {
        /** The remainder rests at its limit, queue ahead = the venue book's quantity at that price and side. */
        REST,
        /**
         * The order takes the levels strictly better than its limit, then the whole remainder fills at the
         * limit, whatever the book holds there: hftbacktest 2.4.4's behaviour.
         */
        FILL_AT_LIMIT
    }

    /** Every parameter at its default: no latency, no lead, LOCAL timeline, no offset, REST. */
    public static final VenueSettings DEFAULT = new VenueSettings(0, 0, 0, Timeline.LOCAL, 0, GtcRemainder.REST);

    /**
     * Validates the values (fail at construction, STYLE habit 8).
     *
     * @throws IllegalArgumentException naming the parameter and the rule it breaks
     * @throws NullPointerException     for a missing enum value
     */
    public VenueSettings {
        nonNegative("entryLatencyNs", entryLatencyNs);
        nonNegative("responseLatencyNs", responseLatencyNs);
        nonNegative("feedLeadNs", feedLeadNs);
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(gtcRemainder, "gtcRemainder");
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("venue " + name + "=" + v + ": must be >= 0");
        }
    }

    /** The configuration's venue model: latencies, feed lead, timeline, clock offset and GTC remainder rule. */
    public static VenueSettings of(VenueModel model) {
        return new VenueSettings(model.entryLatencyNs(), model.responseLatencyNs(), model.feedLeadNs(),
                Timeline.valueOf(model.timeline().name()), model.clockOffsetNs(),
                GtcRemainder.valueOf(model.gtcRemainder().name()));
    }

    /** {@link #of(VenueModel)} of the configuration's {@code venue} block. */
    public static VenueSettings of(CoreConfiguration configuration) {
        return of(configuration.venue());
    }

    /** A copy with these latencies. */
    public VenueSettings withLatencies(long entryNs, long responseNs) {
        return new VenueSettings(entryNs, responseNs, feedLeadNs, timeline, clockOffsetNs, gtcRemainder);
    }

    /** A copy with this feed lead. */
    public VenueSettings withFeedLeadNs(long leadNs) {
        return new VenueSettings(entryLatencyNs, responseLatencyNs, leadNs, timeline, clockOffsetNs, gtcRemainder);
    }

    /** A copy with this timeline and clock offset. */
    public VenueSettings withTimeline(Timeline t, long offsetNs) {
        return new VenueSettings(entryLatencyNs, responseLatencyNs, feedLeadNs, t, offsetNs, gtcRemainder);
    }

    /** A copy with this GTC remainder rule. */
    public VenueSettings withGtcRemainder(GtcRemainder r) {
        return new VenueSettings(entryLatencyNs, responseLatencyNs, feedLeadNs, timeline, clockOffsetNs, r);
    }
}
