package io.tradingchassis.core.event;

/**
 * The venue applied a REPLACE: the live Order keeps its status and takes the new price and total
 * quantity (SPEC §6: a replace moves the Order, it does not restart it). It answers the recorded
 * REPLACE request it names, and must carry that request's price and quantity.
 *
 * @param orderId   the order key
 * @param requestId the REPLACE's request id
 */
public record OrderReplaced(long exchTsNs, long localTsNs, long orderId, long requestId, long priceTicks,
                            long qtyLots) implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_REPLACED;
    }
}
