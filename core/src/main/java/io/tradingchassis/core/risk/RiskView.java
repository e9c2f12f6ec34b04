package io.tradingchassis.core.risk;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderView;

/**
 * The read-only projection of State a risk policy judges an Intent against (SPEC §5 step 4): State
 * after derivation and after the Intents admitted earlier in the same step. It holds State privately;
 * nothing reachable from it changes State.
 */
public interface RiskView {
    /** Kill switch flag. */
    boolean killSwitch();

    /** Market view of an instrument (an empty book when nothing was seen yet). */
    BookView book(int instrument);

    /** Signed position in lots. */
    long positionLots(int instrument);

    /** The live Order for a key, or {@code null}. */
    OrderView order(long orderKey);

    /**
     * Instrument of what a key targets: its live Order, else its inflight request, else its pending
     * command; −1 when the key has none of them.
     */
    int keyInstrument(long orderKey);

    /** Side of what a key targets (same precedence as {@link #keyInstrument}), or {@code null}. */
    Side keySide(long orderKey);

    /**
     * Same-side open quantity on an instrument over every key but {@code excludeKey}: live Orders'
     * leaves, pending NEWs, and dispatched NEWs not yet recorded.
     */
    long sameSideExposureLots(int instrument, Side side, long excludeKey);

    /** Live Orders plus pending NEWs plus dispatched NEWs not yet recorded. */
    long openOrderCount();

    /** Highest NEW order key used so far, {@link Long#MIN_VALUE} before any. */
    long orderKeyHighWater();
}
