package io.tradingchassis.core.event;

/** A transmission failure of a dispatched command: releases the inflight marker, creates no Order (F4). */
public record DispatchFailed(long exchTsNs, long localTsNs, long orderId, String reason) implements IntentRecordEvent {
    @Override
    public EventType type() {
        return EventType.DISPATCH_FAILED;
    }
}
