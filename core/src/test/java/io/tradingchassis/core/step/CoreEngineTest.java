package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processing step's intake (E4) and fold (SPEC §5), independent of any single event type. */
class CoreEngineTest {

    private final Harness h = new Harness();

    @Test
    void firstEntryOfAStreamMustBePositionZeroE4() {
        InvariantViolation v = h.violatesAt(Invariant.E4, 1, h.delta(0, BookSide.BID, 100, 1));
        assertTrue(v.getMessage().contains("expected position 0"), v.getMessage());
        assertEquals(State.NO_POSITION, h.state.lastPosition());
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        assertEquals(0, h.state.lastPosition());
    }

    @Test
    void gapInPositionsIsE4AndLeavesStateUnchanged() {
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        h.apply(h.delta(0, BookSide.BID, 101, 1));
        InvariantViolation v = h.violatesAt(Invariant.E4, 3, h.delta(0, BookSide.BID, 102, 1));
        assertTrue(v.getMessage().contains("(gap)"), v.getMessage());
        assertTrue(v.getMessage().contains("expected position 2"), v.getMessage());
        assertEquals(0, h.book(0).bidQtyAt(102));
    }

    @Test
    void repeatedPositionIsE4AndLeavesStateUnchanged() {
        h.apply(h.submitNew(1, 0, Side.BUY, 100, 5));
        h.apply(h.accepted(1));
        // Re-applying position 1 (an accepted order accepted again would also be L4: E4 must win first).
        InvariantViolation v = h.violatesAt(Invariant.E4, 1, h.accepted(1));
        assertTrue(v.getMessage().contains("(repeat)"), v.getMessage());
        h.violatesAt(Invariant.E4, 0, h.submitNew(2, 0, Side.BUY, 100, 5));
        assertEquals(1, h.state.execution().orders().submittedCount());
    }

    @Test
    void stepResultNamesThePositionAndEventType() {
        StepResult r = h.apply(h.trade(1, Side.SELL, 100, 2));
        assertEquals(0, r.position());
        assertEquals(EventType.TRADE, r.eventType());
        assertEquals(0, r.dispatchCount(), "strategy none dispatches nothing");
        assertEquals(0, r.dispositionCount());
        assertTrue(!r.hasObligation());
        r = h.apply(h.sessionStart());
        assertEquals(1, r.position());
        assertEquals(EventType.SESSION_START, r.eventType());
    }

    @Test
    void foldOfNoEntriesReturnsNullAndChangesNothing() {
        String before = h.state.digest();
        assertNull(h.engine.foldEventStreamEntries(h.state, List.of(), h.cfg));
        assertEquals(before, h.state.digest());
        assertThrows(NullPointerException.class, () -> h.engine.foldEventStreamEntries(h.state, null, h.cfg));
    }

    @Test
    void foldReturnsTheLastStepResultAndEqualsStepByStep() {
        Harness other = new Harness();
        List<EventStreamEntry> entries = List.of(
                new EventStreamEntry(0, h.submitNew(1, 0, Side.BUY, 100, 5)),
                new EventStreamEntry(1, h.accepted(1)),
                new EventStreamEntry(2, h.filled(1, 5, 100, 0)));
        StepResult last = h.engine.foldEventStreamEntries(h.state, entries, h.cfg);
        assertNotNull(last);
        assertEquals(2, last.position());
        assertEquals(1, last.transitionCount());
        for (EventStreamEntry e : entries) {
            other.engine.processEventEntry(other.state, e, other.cfg);
        }
        assertEquals(other.state.digest(), h.state.digest());
    }

    @Test
    void foldStopsAtTheFirstViolationKeepingTheEntriesBeforeIt() {
        List<EventStreamEntry> entries = List.of(
                new EventStreamEntry(0, h.delta(0, BookSide.BID, 100, 1)),
                new EventStreamEntry(1, h.delta(0, BookSide.BID, 101, 1)),
                new EventStreamEntry(2, h.accepted(99)), // L3
                new EventStreamEntry(3, h.delta(0, BookSide.BID, 102, 1)));
        Harness expected = new Harness();
        expected.engine.foldEventStreamEntries(expected.state, entries.subList(0, 2), expected.cfg);

        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> h.engine.foldEventStreamEntries(h.state, entries, h.cfg));
        assertEquals(Invariant.L3, v.invariant());
        assertEquals(2, v.position());
        assertEquals(1, h.state.lastPosition());
        assertEquals(expected.state.digest(), h.state.digest(), "entries 0..1 applied, 2 not, 3 never reached");
    }

    @Test
    void stateIsAFunctionOfStreamAndConfigurationNotOfTheEngineE2() {
        // Two engines, interleaved on two States: the engine holds no State.
        Harness a = new Harness();
        Harness b = new Harness();
        List<EventStreamEntry> entries = RandomStreams.generate(7, 300);
        for (EventStreamEntry e : entries) {
            a.engine.processEventEntry(a.state, e, a.cfg);
            a.engine.processEventEntry(b.state, e, b.cfg); // same engine, second State
        }
        assertEquals(a.state.digest(), b.state.digest());
    }
}
