package io.tradingchassis.core.step;

import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderView;

/**
 * The queries the Strategy's view and the risk policies' view share, over a State they hold privately
 * (SPEC §5 steps 3–4): nothing reachable from here writes State.
 */
abstract class StateReader {
    private static final L2Book EMPTY_BOOK = new L2Book();

    private State state;

    /** Binds the State the queries read ({@code null} unbinds). */
    final void bindState(State s) {
        this.state = s;
    }

    /** The bound State, for the subclasses' own queries. */
    final State state() {
        return state;
    }

    /** Kill switch flag. */
    public boolean killSwitch() {
        return state.control().killSwitch();
    }

    /** Market view of an instrument (an empty book when nothing was seen yet). */
    public BookView book(int instrument) {
        L2Book b = state.market().bookOrNull(instrument);
        return b == null ? EMPTY_BOOK : b;
    }

    /** Signed position in lots. */
    public long positionLots(int instrument) {
        return state.execution().positions().positionLots(instrument);
    }

    /** The live Order for a key (not terminal), or {@code null}. */
    public OrderView order(long orderKey) {
        Order o = state.execution().orders().get(orderKey);
        return o == null || o.status().isTerminal() ? null : o;
    }

    /** Highest NEW order key used so far. */
    public long orderKeyHighWater() {
        return state.execution().orders().keyHighWater();
    }
}
