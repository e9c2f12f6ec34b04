package io.tradingchassis.core.event;

/** A public trade print (SPEC §3). */
public record Trade(long exchTsNs, long localTsNs, int instrument, Side aggressorSide, long priceTicks, long qtyLots)
        implements MarketEvent {
    @Override
    public EventType type() {
        return EventType.TRADE;
    }
}
