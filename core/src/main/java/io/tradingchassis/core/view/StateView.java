package io.tradingchassis.core.view;

/**
 * The read-only projection of State handed to a Strategy (SPEC §5 step 3, I2: current through the
 * triggering event). Allocation-free queries only.
 */
public interface StateView {

    /** Position of the entry being processed. */
    long position();

    /** Control time (SPEC §2): max localTsNs so far. */
    long controlTimeNs();

    /** Number of instruments with market state (at most the configured count). */
    int instrumentCount();

    /** Market view of an instrument (an empty book when nothing was seen yet). */
    BookView book(int instrument);

    /** Signed position in lots (+ long, − short). */
    long positionLots(int instrument);

    /** The order with this id, or {@code null}. */
    OrderView order(long orderId);

    /**
     * True when the key has a live Order (not terminal) or work pending or inflight for it; a Strategy
     * uses this to decide between NEW and REPLACE.
     */
    boolean isKeyActive(long orderKey);

    /** Type of the event being processed (the triggering event, I2). */
    io.tradingchassis.core.event.EventType eventType();

    /**
     * Number of working order keys: keys with a non-terminal Order, a pending NEW, or a dispatched NEW
     * not yet recorded. Together with the {@code working*} accessors this is the Strategy's view of
     * "my orders", ascending by key; the core rebuilds it right before each decision.
     */
    int workingCount();

    /** Order key of working entry i. */
    long workingKey(int i);

    /** Instrument of working entry i. */
    int workingInstrument(int i);

    /** Side of working entry i. */
    io.tradingchassis.core.event.Side workingSide(int i);

    /**
     * Price the key is heading to: a pending or inflight NEW/REPLACE's price, else the Order's.
     */
    long workingPriceTicks(int i);

    /** Quantity the key is heading to (same precedence as the price). */
    long workingQtyLots(int i);

    /** True when a CANCEL for the key is pending or inflight. */
    boolean workingCancelling(int i);

    /** Kill switch flag. */
    boolean killSwitch();

    /** True when the instrument's feed has a gap not yet healed by a snapshot. */
    boolean feedGap(int instrument);
}
