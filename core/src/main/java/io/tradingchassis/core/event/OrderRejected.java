package io.tradingchassis.core.event;

/**
 * The venue rejected the request inflight for this order key (SPEC §6, §8.2). For a NEW the Order
 * moves Submitted → Rejected; for a REPLACE or CANCEL only the request is rejected and the Order keeps
 * its status.
 */
public record OrderRejected(long exchTsNs, long localTsNs, long orderId, String reason) implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_REJECTED;
    }
}
