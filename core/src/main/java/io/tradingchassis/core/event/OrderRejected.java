package io.tradingchassis.core.event;

/**
 * The venue rejected a recorded request for this order key (SPEC §6, §8.2). For a NEW the Order
 * moves Submitted → Rejected; for a REPLACE or CANCEL only the request is rejected and the Order keeps
 * its status (or stays retired, if it became terminal meanwhile).
 *
 * @param orderId   the order key
 * @param requestId the request id of the rejected request, as its dispatch record named it
 * @param reason    free text from the venue
 */
public record OrderRejected(long exchTsNs, long localTsNs, long orderId, long requestId, String reason)
        implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_REJECTED;
    }
}
