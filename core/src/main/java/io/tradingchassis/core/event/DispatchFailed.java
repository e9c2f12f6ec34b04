package io.tradingchassis.core.event;

/**
 * A transmission failure of a dispatched request: releases the inflight marker, creates no Order (F4).
 *
 * @param orderId   the order key
 * @param requestId the core's request id of the failed dispatch ({@code > 0})
 * @param reason    free text from the adapter
 */
public record DispatchFailed(long exchTsNs, long localTsNs, long orderId, long requestId, String reason)
        implements IntentRecordEvent {
    @Override
    public EventType type() {
        return EventType.DISPATCH_FAILED;
    }
}
