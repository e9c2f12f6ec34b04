package io.tradingchassis.core.intent;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/** Read-only view of the Intent a risk policy judges (SPEC §5 step 4). */
public interface IntentView {
    /** NEW, REPLACE or CANCEL. */
    CommandType type();

    /** The order key. */
    long orderKey();

    /** Instrument index. */
    int instrument();

    /** Side. */
    Side side();

    /** Limit price in ticks (0 for CANCEL). */
    long priceTicks();

    /** Total quantity in lots (0 for CANCEL). */
    long qtyLots();

    /** A NEW's time in force (GTC for REPLACE and CANCEL Intents unless the Strategy said otherwise). */
    TimeInForce timeInForce();
}
