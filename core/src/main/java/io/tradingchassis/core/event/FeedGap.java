package io.tradingchassis.core.event;

/**
 * A market-data feed for the instrument broke its update chain: its book is untrustworthy until the
 * next {@link BookSnapshot} (which clears the flag).
 */
public record FeedGap(long exchTsNs, long localTsNs, int instrument) implements ControlEvent {
    @Override
    public EventType type() {
        return EventType.FEED_GAP;
    }
}
