package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 ordering contract with a Strategy configured (issue #7 §4): truthful records that arrive
 * after their Order became terminal are accepted and never wedge a key; answers before records,
 * records of requests never made and answers that do not match their request are EV1 with State
 * unchanged — and after such a refusal the truthful continuation still applies.
 */
class OrderingContractTest {

    /** Emits the Intents queued for the next decision. */
    static final class Script implements Strategy {
        final Deque<List<Object[]>> plan = new ArrayDeque<>();

        void next(Object[]... intents) {
            plan.add(List.of(intents));
        }

        @Override
        public void decide(StrategyView view, IntentSink out) {
            List<Object[]> batch = plan.poll();
            if (batch != null) {
                for (Object[] i : batch) {
                    out.emit((CommandType) i[0], (Long) i[1], 0, Side.BUY, (Long) i[2], (Long) i[3]);
                }
            }
        }
    }

    final Script script = new Script();
    final CoreConfiguration cfg = TestStrategies.config("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\","
            + "\"lotSize\":\"1\"}],\"decisionTrigger\":{\"eventTypes\":[\"BOOK_DELTA\"]}}", "script", script);
    final CoreEngine engine = new CoreEngine();
    final State state = new State();
    long t = 1_000_000;

    StepResult apply(Event e) {
        return engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1, e), cfg);
    }

    /** A book event that makes the Strategy decide (and sets a mid for the price band). */
    StepResult decide(Object[]... intents) {
        if (state.lastPosition() == State.NO_POSITION) {
            t += 1_000;
            apply(new BookDelta(t, t, 0, BookSide.ASK, 101, 5)); // nothing planned yet: no Intent
        }
        script.next(intents);
        t += 1_000;
        return apply(new BookDelta(t, t, 0, BookSide.BID, 99, 5)).copy();
    }

    static Object[] neu(long key) {
        return new Object[] {CommandType.NEW, key, 100L, 4L};
    }

    static Object[] rep(long key, long px) {
        return new Object[] {CommandType.REPLACE, key, px, 4L};
    }

    static Object[] can(long key) {
        return new Object[] {CommandType.CANCEL, key, 0L, 0L};
    }

    OrderSubmitted record(StepResult r, int i) {
        t += 1;
        return new OrderSubmitted(t, t, r.dispatchOrderKey(i), r.dispatchRequestId(i), r.dispatch(i).command());
    }

    /** NEW 10 dispatched, recorded and accepted: a live order with its key free. */
    StepResult liveOrder() {
        StepResult r = decide(neu(10));
        assertEquals(1, r.dispatchCount());
        apply(record(r, 0));
        apply(new OrderAccepted(++t, t, 10));
        assertEquals(0, state.execution().inflight().size());
        return r;
    }

    void violates(Invariant inv, Event e) {
        String before = state.digest();
        InvariantViolation v = Assertions.assertThrows(InvariantViolation.class, () -> apply(e));
        assertEquals(inv, v.invariant(), v.getMessage());
        assertEquals(before, state.digest(), "State changed by a refused entry");
    }

    @Test
    void cancelDispatchedThenFilledCompletelyThenItsRecordIsAcceptedAndTheRejectFreesTheKey() {
        liveOrder();
        StepResult cancel = decide(can(10));
        assertEquals(CommandType.CANCEL, cancel.dispatchType(0));
        // The order fills completely before the CANCEL's record: terminal, retired at the end of the step.
        apply(new OrderFilled(++t, t, 10, 4, 100, 0));
        assertNull(state.execution().orders().get(10));
        apply(record(cancel, 0)); // truthful: accepted, the request awaits the venue's reject
        assertTrue(state.execution().inflight().recorded(10));
        apply(new OrderRejected(++t, t, 10, cancel.dispatchRequestId(0), "unknown order"));
        assertEquals(0, state.execution().inflight().size(), "no key stays blocked");
        assertEquals(4, state.execution().positions().positionLots(0));
    }

    @Test
    void replaceDispatchedThenFilledCompletelyThenItsRecordIsAcceptedAndTheKillSwitchStillWorks() {
        liveOrder();
        StepResult replace = decide(rep(10, 98));
        apply(new OrderFilled(++t, t, 10, 4, 100, 0));
        apply(record(replace, 0));
        apply(new OrderRejected(++t, t, 10, replace.dispatchRequestId(0), "too late"));
        // A new order on a fresh key, then the kill switch: its CANCEL goes out (nothing wedged).
        StepResult r = decide(neu(11));
        apply(record(r, 0));
        apply(new OrderAccepted(++t, t, 11));
        apply(new KillSwitch(++t, t, true));
        StepResult cancel = decide(can(11));
        assertEquals(List.of(CommandType.CANCEL), List.of(cancel.dispatchType(0)));
        apply(record(cancel, 0));
        apply(new OrderCancelled(++t, t, 11, cancel.dispatchRequestId(0)));
        assertEquals(0, state.execution().inflight().size());
        assertEquals(0, state.execution().orders().liveCount());
    }

    @Test
    void anAnswerBeforeItsRecordIsEv1AndTheTruthfulOrderThenApplies() {
        liveOrder();
        StepResult cancel = decide(can(10));
        long req = cancel.dispatchRequestId(0);
        violates(Invariant.EV1, new OrderCancelled(++t, t, 10, req));
        violates(Invariant.EV1, new OrderRejected(++t, t, 10, req, "early"));
        apply(record(cancel, 0));
        apply(new OrderCancelled(++t, t, 10, req));
        assertEquals(0, state.execution().inflight().size());
    }

    @Test
    void aRecordOfARequestTheCoreNeverMadeIsEv1WithAStrategyConfigured() {
        liveOrder();
        violates(Invariant.EV1, new OrderSubmitted(++t, t, 10, 77, new OrderCommand(CommandType.CANCEL, 0, Side.BUY,
                0, 0)));
        violates(Invariant.EV1, new OrderSubmitted(++t, t, 500, 78, new OrderCommand(CommandType.NEW, 0, Side.BUY,
                100, 1)));
        assertFalse(state.execution().inflight().recorded(10));
    }

    @Test
    void aRecordNamingAnotherRequestIdOrAnotherCommandIsEv1() {
        liveOrder();
        StepResult replace = decide(rep(10, 98));
        long req = replace.dispatchRequestId(0);
        OrderCommand sent = replace.dispatch(0).command();
        violates(Invariant.EV1, new OrderSubmitted(++t, t, 10, req + 1, sent));
        violates(Invariant.EV1, new OrderSubmitted(++t, t, 10, req, new OrderCommand(CommandType.REPLACE, 0,
                Side.BUY, 97, 4)));
        apply(record(replace, 0));
        // OrderReplaced is checked against its inflight REPLACE as OrderSubmitted is against its dispatch.
        violates(Invariant.EV1, new OrderReplaced(++t, t, 10, req, 97, 4));
        violates(Invariant.EV1, new OrderReplaced(++t, t, 10, req + 5, 98, 4));
        apply(new OrderReplaced(++t, t, 10, req, 98, 4));
        assertEquals(98, state.execution().orders().get(10).priceTicks());
        assertEquals(0, state.execution().inflight().size());
    }
}
