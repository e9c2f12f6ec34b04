package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.state.ControlState;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.view.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processing step's intake (E4, CF1, null arguments) and fold (SPEC §5), independent of any single
 * event type.
 */
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
    void aViolationLeavesThePreviousStepResultValid() {
        StepResult r = h.apply(h.submitNew(1, 0, Side.BUY, 100, 5));
        String before = r.toString();
        h.violates(Invariant.L3, h.accepted(99));
        h.violatesAt(Invariant.E4, 5, h.accepted(1));
        assertEquals(before, r.toString(), "a result stays valid until the next successful step");
        assertEquals(0, r.position());
        assertEquals(1, r.transitionCount());
    }

    // ------------------------------------------------------------------ CF1: the first step binds the configuration

    /** The two-instrument configuration with one semantic change: another fingerprint. */
    static CoreConfiguration other() {
        return CoreConfiguration.parse(
                Harness.TWO_INSTRUMENTS_JSON.replaceFirst("\\{", "{\"checkpointInterval\":7,"), "other");
    }

    @Test
    void theFirstStepOfAnyTypeBindsItsConfigurationCf1() {
        assertNull(h.state.control().activeFingerprint(), "nothing bound before the first step");
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        assertEquals(h.cfg.fingerprint(), h.state.control().activeFingerprint());
    }

    @Test
    void aFirstStepThatViolatesBindsNothingCf1() {
        h.violates(Invariant.EV2, h.delta(9, BookSide.BID, 100, 1));
        assertNull(h.state.control().activeFingerprint());
        CoreConfiguration other = other();
        h.engine.processEventEntry(h.state, new EventStreamEntry(0, h.sessionStart()), other);
        assertEquals(other.fingerprint(), h.state.control().activeFingerprint(), "the first good step binds");
    }

    @Test
    void aLaterStepGivenAnotherConfigurationIsCf1EvenWithoutActivation() {
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        CoreConfiguration other = other();
        assertNotEquals(h.cfg.fingerprint(), other.fingerprint(), "setup");
        InvariantViolation v = violatesWith(other, Invariant.CF1, h.sessionStart());
        assertTrue(v.getMessage().contains(h.cfg.fingerprint()) && v.getMessage().contains(other.fingerprint()),
                v.getMessage());
        // The binding is State, not engine scratch: a fresh engine refuses the same step.
        long at = h.nextPosition();
        InvariantViolation fresh = assertThrows(InvariantViolation.class, () -> new CoreEngine().processEventEntry(
                h.state, new EventStreamEntry(at, h.sessionStart()), other));
        assertEquals(Invariant.CF1, fresh.invariant());
        // An activation naming the bound configuration while given another one switches nothing.
        violatesWith(other, Invariant.CF1, h.configurationActivated(h.cfg.fingerprint()));
        // An activation naming the other configuration while given the bound one: also CF1.
        h.violates(Invariant.CF1, h.configurationActivated(other.fingerprint()));
        assertEquals(h.cfg.fingerprint(), h.state.control().activeFingerprint());
        h.apply(h.sessionStart()); // the bound configuration still works
    }

    @Test
    void configurationActivatedNamingTheStepsConfigurationSwitchesItCf1() {
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        h.apply(h.submitNew(1, 0, Side.BUY, 100, 5));
        CoreConfiguration other = other();
        StepResult r = h.engine.processEventEntry(h.state, new EventStreamEntry(h.nextPosition(),
                h.configurationActivated(other.fingerprint())), other);
        assertEquals(2, r.position());
        assertEquals(other.fingerprint(), h.state.control().activeFingerprint());
        assertEquals(OrderStatus.SUBMITTED, h.order(1).status(), "switching keeps State");
        // From now on every step must be given the new configuration.
        h.engine.processEventEntry(h.state, new EventStreamEntry(h.nextPosition(), h.accepted(1)), other);
        assertEquals(OrderStatus.ACCEPTED, h.order(1).status());
        h.violates(Invariant.CF1, h.sessionStart()); // the Harness passes the old configuration
        // and back, the same way
        h.apply(h.configurationActivated(h.cfg.fingerprint()));
        assertEquals(h.cfg.fingerprint(), h.state.control().activeFingerprint());
        violatesWith(other, Invariant.CF1, h.sessionStart());
    }

    // ------------------------------------------------------------------ null arguments

    @Test
    void nullArgumentsThrowNullPointerExceptionAndLeaveStateUnchanged() {
        StepResult r = h.apply(h.delta(0, BookSide.BID, 100, 1));
        String result = r.toString();
        String digest = h.state.digest();
        long last = h.state.lastPosition();
        long control = h.state.control().controlTimeNs();
        String bound = h.state.control().activeFingerprint();
        EventStreamEntry next = new EventStreamEntry(1, h.sessionStart());
        State state = h.state;
        CoreEngine engine = h.engine;
        assertThrows(NullPointerException.class, () -> engine.processEventEntry(null, next, h.cfg));
        assertThrows(NullPointerException.class, () -> engine.processEventEntry(state, null, h.cfg));
        assertThrows(NullPointerException.class, () -> engine.processEventEntry(state, next, null));
        assertThrows(NullPointerException.class, () -> engine.processEvent(state, 1, null, h.cfg));
        assertThrows(NullPointerException.class, () -> engine.processEvent(state, 1, next.event(), null));
        assertThrows(NullPointerException.class, () -> engine.foldEventStreamEntries(state, List.of(next), null));
        assertThrows(NullPointerException.class, () -> engine.foldEventStreamEntries(null, List.of(next), h.cfg));
        assertEquals(digest, state.digest(), "State unchanged");
        assertEquals(last, state.lastPosition());
        assertEquals(control, state.control().controlTimeNs(), "control time unchanged");
        assertEquals(bound, state.control().activeFingerprint());
        assertEquals(result, r.toString(), "the previous result stays valid");
        assertEquals(1, engine.processEventEntry(state, next, h.cfg).position(), "the same entry still applies");
    }

    @Test
    void nullConfigurationAtTheFirstStepBindsNothing() {
        EventStreamEntry first = new EventStreamEntry(0, h.sessionStart());
        String digest = h.state.digest();
        assertThrows(NullPointerException.class, () -> h.engine.processEventEntry(h.state, first, null));
        assertEquals(digest, h.state.digest());
        assertNull(h.state.control().activeFingerprint());
        assertEquals(State.NO_POSITION, h.state.lastPosition());
        assertEquals(ControlState.NO_TIME, h.state.control().controlTimeNs());
    }

    /** Like {@link Harness#violates} for a step given {@code cfg}: State, position, time, binding unchanged. */
    private InvariantViolation violatesWith(CoreConfiguration cfg, Invariant invariant, Event e) {
        String digest = h.state.digest();
        long last = h.state.lastPosition();
        long control = h.state.control().controlTimeNs();
        String bound = h.state.control().activeFingerprint();
        long at = h.nextPosition();
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> h.engine.processEventEntry(h.state, new EventStreamEntry(at, e), cfg));
        assertEquals(invariant, v.invariant(), v::getMessage);
        assertEquals(at, v.position());
        assertTrue(v.getMessage().startsWith(invariant.name() + " violated at position " + at + ":"), v.getMessage());
        assertEquals(digest, h.state.digest(), "State unchanged");
        assertEquals(last, h.state.lastPosition());
        assertEquals(control, h.state.control().controlTimeNs());
        assertEquals(bound, h.state.control().activeFingerprint());
        return v;
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
