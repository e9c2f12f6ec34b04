package io.tradingchassis.core.event;

/**
 * The order is cancelled: Accepted|PartiallyFilled → Cancelled (SPEC §6). On request it names the
 * recorded CANCEL's request id; a cancel the venue made on its own carries {@link #UNSOLICITED}.
 *
 * @param orderId   the order key
 * @param requestId the CANCEL's request id, or {@link #UNSOLICITED}
 */
public record OrderCancelled(long exchTsNs, long localTsNs, long orderId, long requestId) implements ExecutionEvent {
    /** The request id of a cancel no request asked for (venue-initiated). */
    public static final long UNSOLICITED = 0;

    @Override
    public EventType type() {
        return EventType.ORDER_CANCELLED;
    }
}
