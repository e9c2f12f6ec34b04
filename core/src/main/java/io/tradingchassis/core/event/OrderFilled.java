package io.tradingchassis.core.event;

import java.util.Objects;

/**
 * One fill (SPEC §6: every fill is its own event, a sweep of three levels is three fills):
 * Accepted|PartiallyFilled → PartiallyFilled|Filled, by {@code leavesLots}. Position and cash change on
 * each one.
 *
 * @param liquidity maker or taker, as the venue reports it ({@link Liquidity#UNKNOWN} when it does not)
 */
public record OrderFilled(long exchTsNs, long localTsNs, long orderId, long fillQtyLots, long fillPriceTicks,
                          long leavesLots, Liquidity liquidity) implements ExecutionEvent {

    /** Requires the liquidity flag (UNKNOWN when not reported). */
    public OrderFilled {
        Objects.requireNonNull(liquidity, "liquidity");
    }

    /** A fill whose liquidity the venue did not report. */
    public OrderFilled(long exchTsNs, long localTsNs, long orderId, long fillQtyLots, long fillPriceTicks,
                       long leavesLots) {
        this(exchTsNs, localTsNs, orderId, fillQtyLots, fillPriceTicks, leavesLots, Liquidity.UNKNOWN);
    }

    @Override
    public EventType type() {
        return EventType.ORDER_FILLED;
    }
}
