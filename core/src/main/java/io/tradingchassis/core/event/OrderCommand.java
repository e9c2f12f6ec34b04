package io.tradingchassis.core.event;

/**
 * A command as it was dispatched to the venue: the payload of an {@link OrderSubmitted} record.
 * For CANCEL, price and quantity are 0.
 */
public record OrderCommand(CommandType type, int instrument, Side side, long priceTicks, long qtyLots) {
}
