package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.ControlState;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 time in force and Expired, SPEC §9 Strategy timers: one mechanism with rate-limit recovery.
 */
class TimeInForceAndTimersTest {
    static final long S = 1_000_000_000L;

    /** Runs the next planned action on each decision; records the positions it decided at. */
    static final class Plan implements Strategy {
        final Deque<BiConsumer<StrategyView, IntentSink>> next = new ArrayDeque<>();
        final List<Long> decidedAt = new ArrayList<>();

        @Override
        public void decide(StrategyView view, IntentSink out) {
            decidedAt.add(view.position());
            BiConsumer<StrategyView, IntentSink> a = next.poll();
            if (a != null) {
                a.accept(view, out);
            }
        }
    }

    final Plan plan = new Plan();
    final CoreEngine engine = new CoreEngine();
    State state = new State();
    long t = S;

    CoreConfiguration config(String extra) {
        return TestStrategies.config("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}]"
                + extra + "}", "plan", plan);
    }

    StepResult apply(CoreConfiguration cfg, Event e) {
        return engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1, e), cfg).copy();
    }

    StepResult book(CoreConfiguration cfg) {
        t += 1_000;
        apply(cfg, new BookDelta(t, t, 0, BookSide.ASK, 101, 5));
        t += 1_000;
        return apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 99, 5));
    }

    @Test
    void aNewsTimeInForceTravelsToTheRequestTheRecordAndTheOrderAndAReplaceKeepsIt() {
        CoreConfiguration cfg = config("");
        plan.next.add((v, out) -> { });
        plan.next.add((v, out) -> out.newOrder(1000, 0, Side.BUY, 100, 2, TimeInForce.IOC));
        StepResult r = book(cfg);
        assertEquals(TimeInForce.IOC, r.dispatchTimeInForce(0));
        assertEquals(TimeInForce.IOC, r.dispatch(0).command().timeInForce());
        long req = r.dispatchRequestId(0);
        // A record that names another time in force does not describe the dispatch (EV1).
        String before = state.digest();
        InvariantViolation v = Assertions.assertThrows(InvariantViolation.class, () ->
                apply(cfg, new OrderSubmitted(t, t, 1000, req, new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 2,
                        TimeInForce.GTC))));
        assertEquals(Invariant.EV1, v.invariant());
        assertEquals(before, state.digest());
        apply(cfg, new OrderSubmitted(t, t, 1000, req, r.dispatch(0).command()));
        assertEquals(TimeInForce.IOC, state.execution().orders().get(1000).timeInForce());
        apply(cfg, new OrderAccepted(t, t, 1000));
        plan.next.add((view, out) -> out.replace(1000, 0, Side.BUY, 98, 2));
        t += 1_000;
        StepResult rep = apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 99, 6));
        assertEquals(CommandType.REPLACE, rep.dispatchType(0));
        assertEquals(TimeInForce.IOC, rep.dispatchTimeInForce(0), "a REPLACE carries its order's time in force");
        plan.next.add((view, out) -> out.cancel(1000, 0, Side.BUY));
        t += 1_000;
        apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 99, 7)); // the REPLACE is inflight: CANCEL waits (EC5)
        assertEquals(TimeInForce.GTC, state.execution().queue().forKey(1000).timeInForce(), "a CANCEL carries GTC");
    }

    @Test
    void anExpiryFromSubmittedAnswersTheNewAndTriggersTheStrategy() {
        CoreConfiguration cfg = config("");
        plan.next.add((v, out) -> { });
        plan.next.add((v, out) -> out.newOrder(1000, 0, Side.BUY, 101, 2, TimeInForce.FOK));
        StepResult r = book(cfg);
        apply(cfg, new OrderSubmitted(t, t, 1000, r.dispatchRequestId(0), r.dispatch(0).command()));
        int decisions = plan.decidedAt.size();
        StepResult expired = apply(cfg, new OrderExpired(t, t, 1000));
        assertEquals(OrderStatus.EXPIRED, expired.transitionTo(0));
        assertNull(state.execution().orders().get(1000), "terminal: retired");
        assertEquals(0, state.execution().inflight().size(), "the NEW's key is free");
        assertEquals(decisions + 1, plan.decidedAt.size(), "ORDER_EXPIRED is in the default decision trigger");
    }

    @Test
    void aTimerIsStateReturnedAsAStrategyTimerObligationAndDecidesAtItsControlTime() {
        // The trigger excludes CONTROL_TIME: only the due timer makes the Strategy decide at the Control-Time step.
        CoreConfiguration cfg = config(",\"decisionTrigger\":{\"eventTypes\":[\"BOOK_DELTA\"]}");
        plan.next.add((v, out) -> v.decisionAt(v.controlTimeNs() + 3 * S));
        t += 1_000;
        StepResult r = apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 99, 5));
        long at = t + 3 * S;
        assertTrue(r.hasObligation());
        assertEquals(at, r.obligationDeadlineNs());
        assertEquals(ControlTimeReason.STRATEGY_TIMER, r.obligationReason());
        assertEquals(at, state.control().strategyTimerNs(), "kept in State");
        State snapshot = state.snapshot();
        assertEquals(at, snapshot.control().strategyTimerNs(), "and in its snapshot");
        // Market events before the timer leave it pending and keep returning the obligation.
        plan.next.add((v, out) -> { });
        t += S;
        StepResult mid = apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 98, 5));
        assertEquals(at, mid.obligationDeadlineNs());
        int decisions = plan.decidedAt.size();
        StepResult fired = apply(cfg, new ControlTime(at, at, at, ControlTimeReason.STRATEGY_TIMER));
        assertTrue(fired.strategyRan(), "a due timer makes the Strategy decide whatever the trigger");
        assertEquals(decisions + 1, plan.decidedAt.size());
        assertEquals(ControlState.NO_TIME, state.control().strategyTimerNs(), "single-shot: cleared");
        assertFalse(fired.hasObligation());
    }

    @Test
    void theEarliestOfTimerAndRateLimitRecoveryIsReturned() {
        CoreConfiguration cfg = config(",\"rateLimit\":{\"capacity\":1,\"refillPerSecond\":1}");
        plan.next.add((v, out) -> { });
        plan.next.add((v, out) -> {
            out.newOrder(1000, 0, Side.BUY, 98, 1);
            out.newOrder(1001, 0, Side.BUY, 97, 1); // waits for a token: 1 s
            v.decisionAt(v.controlTimeNs() + S / 2);
        });
        StepResult r = book(cfg);
        assertEquals(ControlTimeReason.STRATEGY_TIMER, r.obligationReason());
        assertEquals(t + S / 2, r.obligationDeadlineNs(), "the timer (0.5 s) is earlier than the token (1 s)");
        long timerAt = r.obligationDeadlineNs();
        plan.next.add((v, out) -> { });
        StepResult fired = apply(cfg, new ControlTime(timerAt, timerAt, timerAt, ControlTimeReason.STRATEGY_TIMER));
        assertEquals(ControlTimeReason.RATE_LIMIT_RECOVERY, fired.obligationReason(), "then the token's deadline");
    }

    @Test
    void aTimerNotAfterControlTimeIsAStrategyFailureAndAThrowingDecisionKeepsNoTimer() {
        CoreConfiguration cfg = config("");
        plan.next.add((v, out) -> v.decisionAt(v.controlTimeNs()));
        t += 1_000;
        StepResult r = apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 99, 5));
        assertTrue(r.strategyFailure().contains("not after control time"), r.strategyFailure());
        assertEquals(ControlState.NO_TIME, state.control().strategyTimerNs());
        plan.next.add((v, out) -> {
            v.decisionAt(v.controlTimeNs() + S);
            throw new StackOverflowError("deep");
        });
        t += 1_000;
        r = apply(cfg, new BookDelta(t, t, 0, BookSide.BID, 98, 5));
        assertTrue(r.strategyFailure().contains("StackOverflowError"), r.strategyFailure());
        assertEquals(ControlState.NO_TIME, state.control().strategyTimerNs(), "discarded with the decision");
        assertFalse(r.hasObligation());
    }
}
