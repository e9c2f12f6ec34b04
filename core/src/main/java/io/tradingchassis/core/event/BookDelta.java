package io.tradingchassis.core.event;

/**
 * An L2 level update (SPEC §3): {@code qtyLots} is the level's new total, {@code 0} removes it.
 */
public record BookDelta(long exchTsNs, long localTsNs, int instrument, BookSide side, long priceTicks, long qtyLots)
        implements MarketEvent {
    @Override
    public EventType type() {
        return EventType.BOOK_DELTA;
    }
}
