package io.tradingchassis.core.event;

import java.util.List;

/** Replaces the whole L2 book of an instrument (SPEC §3). Level lists are copied and immutable. */
public record BookSnapshot(long exchTsNs, long localTsNs, int instrument, List<PriceLevel> bids, List<PriceLevel> asks)
        implements MarketEvent {

    /** Copies the level lists so the event stays immutable (E3). */
    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    @Override
    public EventType type() {
        return EventType.BOOK_SNAPSHOT;
    }
}
