package io.tradingchassis.core.event;

/** The order is cancelled (on request or by the venue): Accepted|PartiallyFilled → Cancelled (SPEC §6). */
public record OrderCancelled(long exchTsNs, long localTsNs, long orderId) implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_CANCELLED;
    }
}
