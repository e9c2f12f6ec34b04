package io.tradingchassis.core.event;

/**
 * The dispatch record of a successful dispatch (SPEC §6). It names the request id the core assigned
 * to the dispatch request. For a NEW, processing it creates the Order in Submitted (L3); for a REPLACE
 * or CANCEL it records the request inflight — also when the Order became terminal meanwhile (the
 * request then awaits the venue's reject).
 *
 * @param orderId   the order key
 * @param requestId the core's request id of the dispatch ({@code > 0})
 * @param command   the command as dispatched
 */
public record OrderSubmitted(long exchTsNs, long localTsNs, long orderId, long requestId, OrderCommand command)
        implements IntentRecordEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_SUBMITTED;
    }
}
