package io.tradingchassis.core.event;

/**
 * The dispatch record of a successful dispatch (SPEC §6). For a NEW, processing it creates the Order
 * in Submitted (L3); for a REPLACE or CANCEL it records the request inflight against the live Order.
 */
public record OrderSubmitted(long exchTsNs, long localTsNs, long orderId, OrderCommand command)
        implements IntentRecordEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_SUBMITTED;
    }
}
