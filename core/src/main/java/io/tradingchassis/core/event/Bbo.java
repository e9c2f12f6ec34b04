package io.tradingchassis.core.event;

/** A best bid/offer update (SPEC §3), kept beside the ladder and never written into it. */
public record Bbo(long exchTsNs, long localTsNs, int instrument, long bidTicks, long bidLots, long askTicks, long askLots)
        implements MarketEvent {
    @Override
    public EventType type() {
        return EventType.BBO;
    }
}
