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

    /** Kill switch flag. */
    boolean killSwitch();

    /** True when the instrument's feed has a gap not yet healed by a snapshot. */
    boolean feedGap(int instrument);
}
