package io.tradingchassis.core.event;

/** The venue accepted a submitted order: Submitted → Accepted (SPEC §6). */
public record OrderAccepted(long exchTsNs, long localTsNs, long orderId) implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_ACCEPTED;
    }
}
