package io.tradingchassis.core.view;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/** Read-only view of one Order (SPEC §6). */
public interface OrderView {
    /** Order id, which is also its order key. */
    long orderId();

    /** Instrument index. */
    int instrument();

    /** Side. */
    Side side();

    /** Current limit price in ticks. */
    long priceTicks();

    /** Current total quantity in lots. */
    long qtyLots();

    /** Filled quantity in lots. */
    long filledLots();

    /** Remaining quantity in lots. */
    long leavesLots();

    /** Lifecycle status. */
    OrderStatus status();

    /** The time in force its NEW carried. */
    TimeInForce timeInForce();
}
