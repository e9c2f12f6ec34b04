package io.tradingchassis.core.view;

import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;

/**
 * The read-only projection of State handed to a Strategy (SPEC §5 step 3, I2: current through the
 * triggering event). Every answer is a function of State and the configuration. Allocation-free
 * queries only; objects it returns are valid during the call that received the view.
 */
public interface StateView {

    /** Position of the entry being processed. */
    long position();

    /** Control time (SPEC §2): max localTsNs so far. */
    long controlTimeNs();

    /** Number of configured instruments. */
    int instrumentCount();

    /** Market view of an instrument (an empty book when nothing was seen yet). */
    BookView book(int instrument);

    /** Signed position in lots (+ long, − short). */
    long positionLots(int instrument);

    /** Cash in tick×lot units (price ticks times quantity lots), signed. */
    long cashTickLots(int instrument);

    /** The live order with this id (not terminal), or {@code null}. */
    OrderView order(long orderId);

    /**
     * True when the key has a live Order (not terminal) or work pending or inflight for it; a Strategy
     * uses this to decide between NEW and REPLACE.
     */
    boolean isKeyActive(long orderKey);

    /**
     * Highest NEW order key used so far in the stream, {@link Long#MIN_VALUE} before any: a NEW must use
     * a larger key ({@code OrderKeys.fresh(position, slot)} always does).
     */
    long orderKeyHighWater();

    /** Type of the event being processed (the triggering event, I2). */
    EventType eventType();

    /** Instrument of the triggering event when it is a market event, else −1. */
    int eventInstrument();

    /**
     * Number of working order keys: keys with a non-terminal Order, a pending NEW, or a dispatched NEW
     * not yet recorded. Together with the {@code working*} accessors this is the Strategy's view of
     * "my orders", ascending by key.
     */
    int workingCount();

    /** Order key of working entry i. */
    long workingKey(int i);

    /** Instrument of working entry i. */
    int workingInstrument(int i);

    /** Side of working entry i. */
    Side workingSide(int i);

    /** Price the key is heading to: a pending or inflight NEW/REPLACE's price, else the Order's. */
    long workingPriceTicks(int i);

    /** Quantity the key is heading to (same precedence as the price). */
    long workingQtyLots(int i);

    /** True when a CANCEL for the key is pending or inflight. */
    boolean workingCancelling(int i);

    /** Kill switch flag. */
    boolean killSwitch();

    /** True when the instrument's feed has a gap not yet healed by a snapshot. */
    boolean feedGap(int instrument);

    /**
     * The control time this Strategy asked to decide at ({@link StrategyView#decisionAt}), or
     * {@link Long#MIN_VALUE} when no timer is set.
     */
    long decisionTimerNs();

    /** Number of memory slots the Strategy's provider declared. */
    int memorySlots();

    /** Strategy memory slot {@code slot} (0 until written); an IndexOutOfBoundsException past {@link #memorySlots()}. */
    long memory(int slot);
}
