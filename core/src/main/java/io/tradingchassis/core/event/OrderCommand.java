package io.tradingchassis.core.event;

import java.util.Objects;

/**
 * A command as it was dispatched to the venue: the payload of an {@link OrderSubmitted} record.
 * For CANCEL, price and quantity are 0 and the time in force is GTC; a REPLACE carries its order's.
 *
 * @param timeInForce the NEW's time in force (SPEC §6)
 */
public record OrderCommand(CommandType type, int instrument, Side side, long priceTicks, long qtyLots,
                           TimeInForce timeInForce) {

    /** Requires a time in force. */
    public OrderCommand {
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    /** A GTC command. */
    public OrderCommand(CommandType type, int instrument, Side side, long priceTicks, long qtyLots) {
        this(type, instrument, side, priceTicks, qtyLots, TimeInForce.GTC);
    }
}
