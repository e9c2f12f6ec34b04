package io.tradingchassis.runtime;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.step.DispatchRequest;

/**
 * The boundary to a venue (SPEC §6, §12): dispatch requests go out, execution events come back as an
 * input source. The simulated venue is one implementation, a recorded-feedback replayer another; the
 * core never knows which is behind it.
 */
public interface VenueAdapter extends InputSource {

    /**
     * Hands a dispatch request to the venue at control time {@code nowNs} and returns its dispatch
     * record: {@code OrderSubmitted} naming the request when the venue took it, {@code DispatchFailed}
     * when transmission failed (SPEC §6, F4). The record's timestamps are {@code nowNs}.
     */
    Event submit(DispatchRequest request, long nowNs);

    /** A market event, as the runtime merged it, for the venue's own book (its timeline decides visibility). */
    void onMarket(Event marketEvent);

    /**
     * Called by the runtime before it peeks the venue: no step of the runtime before {@code horizonNs}
     * (the next market event's or the pending Control-Time deadline's {@code localTsNs}, or
     * {@link #EXHAUSTED} when there is neither) will be taken but on this venue's own feedback. A venue
     * with its own copy of the market may process it up to that bound; the default does nothing.
     */
    default void advance(long horizonNs) {
    }
}
