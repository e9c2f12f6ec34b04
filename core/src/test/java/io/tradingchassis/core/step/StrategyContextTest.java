package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueOutput;
import io.tradingchassis.core.queue.QueueProcessor;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.OrderView;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Strategy's view (SPEC §5 step 3, I2): a projection of State that is a function of State — the
 * working index current through the triggering event even in {@code wantsDecision}, the configured
 * instrument count — and that hands out nothing a Strategy could write State through.
 */
class StrategyContextTest {

    private static final QueueOutput IGNORE = new QueueOutput() {
        @Override
        public void onDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason r) {
        }

        @Override
        public void onDispatch(PendingCommand command) {
        }

        @Override
        public void onObligation(long deadlineNs, long scopeKey) {
        }
    };

    private static final String THREE = "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"1\",\"lotSize\":\"1\"},"
            + "{\"symbol\":\"B\",\"tickSize\":\"1\",\"lotSize\":\"1\"},{\"symbol\":\"C\",\"tickSize\":\"1\",\"lotSize\":\"1\"}]}";

    private final CoreConfiguration cfg = CoreConfiguration.parse(THREE, "test");

    private static StrategyContext bound(State s, CoreConfiguration cfg) {
        StrategyContext v = new StrategyContext();
        v.begin(s, cfg, new Trade(1, 1, 0, Side.BUY, 100, 1), s.lastPosition() + 1, 0);
        return v;
    }

    @Test
    void pendingCancelOverAnInflightNewShowsTheNewsPriceAndIsCancelling() {
        State s = new State();
        ExecutionState x = s.execution();
        DominanceQueue.admit(x, 0, CommandType.NEW, 7, 0, Side.BUY, 100, 3, IGNORE);
        new QueueProcessor().process(x, cfg, 1_000, false, IGNORE); // the NEW is inflight, no Order yet
        DominanceQueue.admit(x, 1, CommandType.CANCEL, 7, 0, Side.BUY, 0, 0, IGNORE); // waits on EC5
        StrategyContext v = bound(s, cfg);
        assertEquals(1, v.workingCount());
        assertEquals(7, v.workingKey(0));
        assertEquals(Side.BUY, v.workingSide(0));
        assertEquals(100, v.workingPriceTicks(0), "heading price comes from the inflight NEW");
        assertEquals(3, v.workingQtyLots(0));
        assertTrue(v.workingCancelling(0));
    }

    @Test
    void workingKeysAreAscendingAndPendingReplaceDecidesThePrice() {
        State s = new State();
        ExecutionState x = s.execution();
        x.orders().transition(x.orders().submit(20, 0, Side.SELL, 105, 2, 0),
                OrderStatus.ACCEPTED);
        DominanceQueue.admit(x, 0, CommandType.NEW, 29, 0, Side.BUY, 99, 1, IGNORE);
        DominanceQueue.admit(x, 1, CommandType.REPLACE, 20, 0, Side.SELL, 107, 2, IGNORE);
        StrategyContext v = bound(s, cfg);
        assertEquals(2, v.workingCount());
        assertEquals(20, v.workingKey(0));
        assertEquals(29, v.workingKey(1));
        assertEquals(107, v.workingPriceTicks(0), "a pending REPLACE decides where the key is heading");
        assertEquals(99, v.workingPriceTicks(1));
    }

    @Test
    void theIndexFollowsStateChangesWithinOneBindingAndAcrossStates() {
        State s = new State();
        ExecutionState x = s.execution();
        StrategyContext v = bound(s, cfg);
        assertEquals(0, v.workingCount());
        DominanceQueue.admit(x, 0, CommandType.NEW, 5, 0, Side.BUY, 99, 1, IGNORE);
        assertEquals(1, v.workingCount(), "a cached index is rebuilt when execution state changes");
        State copy = s.snapshot();
        DominanceQueue.admit(x, 1, CommandType.NEW, 6, 0, Side.BUY, 98, 1, IGNORE);
        StrategyContext w = bound(copy, cfg);
        assertEquals(1, w.workingCount(), "another State, another index");
        assertEquals(2, bound(s, cfg).workingCount());
    }

    @Test
    void instrumentCountIsTheConfiguredCountWhateverTheHistory() {
        State s = new State();
        assertEquals(3, bound(s, cfg).instrumentCount());
        // Touch instrument 2 only: the market's slot array grows to a power of two, not the count.
        s.market().setLevel(2, BookSide.BID, 10, 1);
        assertEquals(3, bound(s, cfg).instrumentCount());
        assertEquals(3, bound(s.snapshot(), cfg).instrumentCount());
    }

    @Test
    void memoryIsReadOnlyOutsideDecideAndBoundedByTheDeclaredSlots() {
        State s = new State();
        StrategyContext v = new StrategyContext();
        v.begin(s, cfg, new Trade(1, 1, 0, Side.BUY, 100, 1), 0, 2);
        assertEquals(0, v.memory(1));
        assertThrows(IllegalStateException.class, () -> v.memory(0, 5), "wantsDecision phase");
        v.allowWrites();
        v.memory(1, 42);
        assertThrows(IndexOutOfBoundsException.class, () -> v.memory(2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> v.memory(-1));
        assertEquals(42, v.memory(1));
        assertEquals(0, s.control().memory(1), "not State until committed");
        v.commit();
        assertEquals(42, s.control().memory(1));
        v.end();
    }

    /** A strategy that decides only when it has no working order: its predicate reads the working index. */
    static final class OnlyWhenFlat implements Strategy {
        final List<Long> decidedAt = new ArrayList<>();

        @Override
        public boolean wantsDecision(StateView view) {
            return view.workingCount() == 0 && view.book(0).midTicks() != BookView.NO_PRICE;
        }

        @Override
        public void decide(StrategyView view, IntentSink out) {
            decidedAt.add(view.position());
            out.newOrder(view.position() * 16, 0, Side.BUY, view.book(0).bestBidTicks(), 1);
        }
    }

    @Test
    void thePredicateSeesTheWorkingIndexCurrentThroughTheTriggeringEventI2() {
        OnlyWhenFlat s = new OnlyWhenFlat();
        CoreConfiguration c = TestStrategies.config(THREE, "flat", s);
        CoreEngine engine = new CoreEngine();
        State state = new State();
        List<Event> stream = new ArrayList<>();
        stream.add(new BookDelta(1, 1, 0, BookSide.BID, 99, 5));
        stream.add(new BookDelta(2, 2, 0, BookSide.ASK, 101, 5)); // mid exists: decides, NEW 16 dispatched
        for (int i = 0; i < stream.size(); i++) {
            engine.processEventEntry(state, new EventStreamEntry(i, stream.get(i)), c);
        }
        assertEquals(List.of(1L), s.decidedAt);
        PendingCommand sent = state.execution().inflight().get(16);
        long t = 3;
        apply(engine, state, c, new OrderSubmitted(t, t, 16, sent.requestId(), sent.toOrderCommand()));
        apply(engine, state, c, new OrderAccepted(t, t, 16));
        apply(engine, state, c, new BookDelta(t, t, 0, BookSide.BID, 99, 6)); // working: no decision
        assertEquals(List.of(1L), s.decidedAt);
        // The venue cancels on its own: the step that removes the order must see itself flat (not stale).
        StepResult r = apply(engine, state, c, new OrderCancelled(t, t, 16, OrderCancelled.UNSOLICITED));
        assertTrue(r.strategyRan());
        assertEquals(List.of(1L, 5L), s.decidedAt);
    }

    private static StepResult apply(CoreEngine e, State s, CoreConfiguration c, Event ev) {
        return e.processEventEntry(s, new EventStreamEntry(s.lastPosition() + 1, ev), c);
    }

    @Test
    void theViewHoldsStatePrivatelyAndHandsOutNoWriter() throws Exception {
        // The view is not a State, keeps its State in private fields, and no public method returns one.
        assertFalse(StateView.class.isAssignableFrom(State.class), "State is not itself a view");
        int stateFields = 0;
        for (Class<?> c = StrategyContext.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == State.class) {
                    stateFields++;
                    assertTrue(Modifier.isPrivate(f.getModifiers()), f + " must be private");
                }
            }
        }
        assertTrue(stateFields > 0, "the view holds a State somewhere in its class chain");
        assertFalse(Modifier.isPublic(StrategyContext.class.getModifiers()), "the implementation is package-private");
        for (Method m : StrategyView.class.getMethods()) {
            assertFalse(m.getReturnType().getPackageName().endsWith(".core.state")
                    && !Set.of("Order", "L2Book").contains(m.getReturnType().getSimpleName()), m.toString());
        }
        // What it hands out (an Order as OrderView, an L2Book as BookView) has no public mutator: every
        // public method is a query of the view interface, Object's, or a getter without arguments.
        State s = new State();
        s.execution().orders().submit(3, 0, Side.BUY, 100, 1, 0);
        s.market().setLevel(0, BookSide.BID, 99, 1);
        StrategyContext v = bound(s, cfg);
        OrderView order = v.order(3);
        BookView book = v.book(0);
        assertNoPublicMutator(order.getClass(), OrderView.class);
        assertNoPublicMutator(book.getClass(), BookView.class);
        assertNull(v.order(4));
    }

    private static void assertNoPublicMutator(Class<?> impl, Class<?> view) {
        for (Method m : impl.getMethods()) {
            if (m.getDeclaringClass() == Object.class) {
                continue;
            }
            boolean query = m.getReturnType() != void.class;
            assertTrue(query, impl.getSimpleName() + "." + m.getName() + " is a public void method (a mutator?)");
        }
        assertTrue(view.isAssignableFrom(impl));
    }
}
