package io.tradingchassis.core.step;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/**
 * A dispatch request as a value (SPEC §5 step 7, §6): what Queue Processing sent out, with the request
 * id the core assigned. Its dispatch record ({@code OrderSubmitted}/{@code DispatchFailed}) and the
 * venue's answer to a REPLACE or CANCEL name {@link #requestId()}.
 *
 * @param requestId  the core's request id ({@code > 0}, unique within a stream)
 * @param orderKey   the order key
 * @param type       NEW, REPLACE or CANCEL
 * @param instrument instrument index
 * @param side       side
 * @param priceTicks limit price (0 for CANCEL)
 * @param qtyLots    total quantity (0 for CANCEL)
 * @param timeInForce the NEW's time in force; a REPLACE carries its order's, a CANCEL GTC
 */
public record DispatchRequest(long requestId, long orderKey, CommandType type, int instrument, Side side,
                              long priceTicks, long qtyLots, TimeInForce timeInForce) {

    /** A GTC request. */
    public DispatchRequest(long requestId, long orderKey, CommandType type, int instrument, Side side,
                           long priceTicks, long qtyLots) {
        this(requestId, orderKey, type, instrument, side, priceTicks, qtyLots, TimeInForce.GTC);
    }

    /** The command as its OrderSubmitted record carries it. */
    public OrderCommand command() {
        return new OrderCommand(type, instrument, side, priceTicks, qtyLots, timeInForce);
    }
}
