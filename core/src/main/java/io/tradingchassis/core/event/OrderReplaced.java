package io.tradingchassis.core.event;

/**
 * The venue applied a REPLACE: the live Order keeps its status and takes the new price and total
 * quantity (SPEC §6: a replace moves the Order, it does not restart it).
 */
public record OrderReplaced(long exchTsNs, long localTsNs, long orderId, long priceTicks, long qtyLots)
        implements ExecutionEvent {
    @Override
    public EventType type() {
        return EventType.ORDER_REPLACED;
    }
}
