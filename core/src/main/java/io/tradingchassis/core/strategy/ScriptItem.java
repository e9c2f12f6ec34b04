package io.tradingchassis.core.strategy;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import java.util.Objects;

/**
 * One Intent of the {@code scripted} strategy's script, in ticks and lots (the configuration converts
 * the decimal prices and quantities with the instrument's tick and lot size).
 *
 * @param atNs        the control time it is emitted at
 * @param type        NEW, REPLACE or CANCEL
 * @param key         the order key
 * @param instrument  instrument index
 * @param side        side
 * @param priceTicks  limit price (0 for CANCEL)
 * @param qtyLots     total quantity (0 for CANCEL)
 * @param timeInForce a NEW's time in force
 */
public record ScriptItem(long atNs, CommandType type, long key, int instrument, Side side, long priceTicks,
                         long qtyLots, TimeInForce timeInForce) {

    /** Requires the enums. */
    public ScriptItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }
}
