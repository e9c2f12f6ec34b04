package io.tradingchassis.core.event;

/**
 * The venue expired the order (SPEC §6): an IOC remainder, a FOK that cannot fill whole, or a GTX that
 * would take. Submitted|Accepted|PartiallyFilled → Expired (terminal). From Submitted it answers the
 * order's NEW request.
 */
public record OrderExpired(long exchTsNs, long localTsNs, long orderId) implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_EXPIRED;
    }
}
