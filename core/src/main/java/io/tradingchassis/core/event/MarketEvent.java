package io.tradingchassis.core.event;

/** Market data (SPEC §3): drives Market State. */
public sealed interface MarketEvent extends Event permits BookDelta, BookSnapshot, Trade, Bbo {

    /** Index of the instrument in the configuration's instrument list. */
    int instrument();
}
