package io.tradingchassis.core.event;

/** A (partial) fill: Accepted|PartiallyFilled → PartiallyFilled|Filled, by {@code leavesLots} (SPEC §6). */
public record OrderFilled(long exchTsNs, long localTsNs, long orderId, long fillQtyLots, long fillPriceTicks, long leavesLots)
        implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_FILLED;
    }
}
