package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueProcessor;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.risk.RiskPolicy;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.StrategyView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 steps 3–7 through the real engine, with a scripted Strategy installed through the public
 * path (a provider in a catalog, selected by the configuration: {@link TestStrategies#config}): exact
 * Intents per step, so the rate-limit scenario of §8.3/§9, R1/R3, the per-Intent dispositions and
 * strategy failures can be checked end to end. NEW keys strictly increase within each stream (a NEW at
 * or below the high-water mark is {@code INVALID(KEY_NOT_FRESH)}); with a Strategy configured, an
 * Order exists only through the core's own dispatch, recorded with its request id (SPEC §6).
 */
class ExecutionPipelineScriptedTest {
    static final long SEC = 1_000_000_000L;

    /** One scripted Intent. */
    record I(CommandType type, long key, Side side, long px, long qty) {
        static I neu(long key, long px, long qty) {
            return new I(CommandType.NEW, key, Side.BUY, px, qty);
        }

        static I rep(long key, long px, long qty) {
            return new I(CommandType.REPLACE, key, Side.BUY, px, qty);
        }

        static I can(long key) {
            return new I(CommandType.CANCEL, key, Side.BUY, 0, 0);
        }
    }

    /**
     * A test Strategy: emits the next scripted batch on each decision, optionally writes memory slot 0
     * first; may throw. (Test code: its plan is deliberately outside State.)
     */
    static final class Script implements Strategy {
        final Deque<List<I>> plan = new ArrayDeque<>();
        RuntimeException toThrow;
        Throwable sneaky;
        long memoryWrite;
        int decisions;

        void next(I... intents) {
            plan.add(List.of(intents));
        }

        @Override
        public void decide(StrategyView view, IntentSink out) {
            decisions++;
            if (memoryWrite != 0) {
                view.memory(0, memoryWrite);
            }
            List<I> batch = plan.poll();
            if (batch != null) {
                for (I i : batch) {
                    out.emit(i.type(), i.key(), 0, i.side(), i.px(), i.qty());
                }
            }
            if (toThrow != null) {
                throw toThrow;
            }
            if (sneaky != null) {
                ExecutionPipelineScriptedTest.<RuntimeException>sneakyThrow(sneaky);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    static final String ID = "test-script";

    final Script script = new Script();

    /** One instrument plus {@code extra} (JSON members or ""), with {@code s} selected as the strategy. */
    static CoreConfiguration config(String extra, Script s) {
        return TestStrategies.config(json(extra), ID, s);
    }

    static String json(String extra) {
        return "{\"instruments\":[" + QueueTestKit.INSTRUMENT + "]" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    Driver driver(String extra) {
        return driver(extra, new RiskEngine());
    }

    Driver driver(String extra, RiskEngine risk) {
        return start(new Driver(config(extra, script), new CoreEngine(risk)));
    }

    static Driver start(Driver d) {
        d.book(990, 5, 1010, 5); // mid 1000; the script has nothing planned yet
        return d;
    }

    /** The runtime's dispatch record of dispatch request {@code i} of {@code r}, naming its request id. */
    static StepResult record(Driver d, StepResult r, int i) {
        long t = d.tick();
        return d.apply(new OrderSubmitted(t, t, r.dispatchOrderKey(i), r.dispatchRequestId(i),
                r.dispatch(i).command()));
    }

    /**
     * An Accepted order with nothing inflight, made the only way a stream with a Strategy can make one:
     * the script's NEW, its dispatch, the record naming its request id, the venue's accept.
     */
    StepResult liveOrder(Driver d, long key, long px, long qty) {
        script.next(I.neu(key, px, qty));
        StepResult r = trade(d);
        assertEquals(List.of("NEW:" + key), dispatched(r), r.toString());
        record(d, r, 0);
        long t = d.tick();
        d.apply(new OrderAccepted(t, t, key));
        assertTrue(d.x().orders().get(key).status().isWorking());
        assertEquals(0, d.x().inflight().size());
        return r;
    }

    static StepResult trade(Driver d) {
        long t = d.now();
        return d.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
    }

    static StepResult controlTime(Driver d, long deadline) {
        d.at(deadline);
        return d.apply(new ControlTime(deadline, deadline, deadline, ControlTimeReason.RATE_LIMIT_RECOVERY));
    }

    static List<String> dispatched(StepResult r) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < r.dispatchCount(); i++) {
            l.add(r.dispatchType(i) + ":" + r.dispatchOrderKey(i));
        }
        return l;
    }

    static List<String> dispositions(StepResult r) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < r.dispositionCount(); i++) {
            l.add(r.dispositionIntentId(i) + ":" + r.disposition(i) + "(" + r.dispositionReason(i) + ")");
        }
        return l;
    }

    // ------------------------------------------------------------------ SPEC §8.3 / §9 exact scenario

    @Test
    void sec8_3_sec9_fiveNEWsInOneStep_capacity2_refill1_exactObligationDeadlines() {
        Driver d = driver(QueueTestKit.rateLimit(2, 1));
        long t0 = d.advance(10 * SEC);
        long first = d.x().queue().nextIntentId();
        script.next(I.neu(10, 1000, 1), I.neu(11, 1000, 1), I.neu(12, 1000, 1), I.neu(13, 1000, 1),
                I.neu(14, 1000, 1));
        StepResult r = trade(d);
        assertEquals(List.of("NEW:10", "NEW:11"), dispatched(r));
        assertTrue(r.hasObligation());
        assertEquals(t0 + SEC, r.obligationDeadlineNs(), "deadline is exactly t0 + 1e9");
        assertEquals(12, r.obligationScopeKey());
        assertEquals(List.of(first + ":DISPATCHED(NONE)", (first + 1) + ":DISPATCHED(NONE)",
                (first + 2) + ":PENDING(RATE_LIMITED)", (first + 3) + ":PENDING(RATE_LIMITED)",
                (first + 4) + ":PENDING(RATE_LIMITED)"), dispositions(r));

        // EC7: the obligation is not State; it is recomputable from State alone.
        State copy = d.state.snapshot();
        Recorder rec = new Recorder();
        new QueueProcessor().process(copy.execution(), d.cfg, copy.control().controlTimeNs(), false, rec);
        assertTrue(rec.dispatches.isEmpty());
        assertEquals(r.obligationDeadlineNs(), rec.obligationDeadlineNs);
        assertEquals(r.obligationScopeKey(), rec.obligationScopeKey);

        d.at(t0 + SEC / 2);
        r = trade(d);
        assertEquals(0, r.dispatchCount(), "an event at t0 + 0.5 s dispatches nothing");
        assertEquals(t0 + SEC, r.obligationDeadlineNs(), "and keeps the same deadline");
        assertEquals(0, r.dispositionCount(), "older pending intents are not re-reported");

        r = controlTime(d, t0 + SEC);
        assertTrue(r.strategyRan(), "a Control-Time event runs the full step (SPEC §9)");
        assertEquals(List.of("NEW:12"), dispatched(r));
        assertEquals(List.of((first + 2) + ":DISPATCHED(NONE)"), dispositions(r));
        assertEquals(t0 + 2 * SEC, r.obligationDeadlineNs());

        r = controlTime(d, t0 + 2 * SEC);
        assertEquals(List.of("NEW:13"), dispatched(r));
        assertEquals(t0 + 3 * SEC, r.obligationDeadlineNs());

        r = controlTime(d, t0 + 3 * SEC);
        assertEquals(List.of("NEW:14"), dispatched(r));
        assertFalse(r.hasObligation(), "no rate-blocked work left: cleared");
        assertNull(r.obligation());
    }

    @Test
    void sec9_workBlockedOnlyByInflight_noObligation_reasonINFLIGHT_thenRateBlocked_obligation() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        long t0 = d.advance(10 * SEC);
        script.next(I.neu(10, 1000, 1));
        StepResult r = trade(d);
        assertEquals(List.of("NEW:10"), dispatched(r));
        assertFalse(r.hasObligation());

        long rep = d.x().queue().nextIntentId();
        script.next(I.rep(10, 1001, 1));
        d.advance(1);
        r = trade(d);
        assertEquals(0, r.dispatchCount());
        assertFalse(r.hasObligation(), "blocked only by inflight gating: no obligation, even with no token");
        assertEquals(List.of(rep + ":PENDING(INFLIGHT)"), dispositions(r));

        long neu = d.x().queue().nextIntentId();
        script.next(I.neu(20, 1000, 1));
        d.advance(1);
        r = trade(d);
        assertEquals(List.of(neu + ":PENDING(RATE_LIMITED)"), dispositions(r));
        assertTrue(r.hasObligation());
        assertEquals(20, r.obligationScopeKey());
        assertEquals(t0 + SEC, r.obligationDeadlineNs());
    }

    // ------------------------------------------------------------------ SPEC §5 step 7, R1, R3

    @Test
    void sec5_everyIntentOfAStep_getsExactlyOneDisposition() {
        Driver d = driver(QueueTestKit.risk(5, 10_000, 100, 1_000) + "," + QueueTestKit.rateLimit(1, 1));
        liveOrder(d, 7, 1000, 1);
        d.advance(10 * SEC);
        long f = d.x().queue().nextIntentId();
        script.next(I.neu(30, 1000, 1), // f:   superseded by f+1
                I.rep(30, 1001, 2),     // f+1: over a pending NEW: stays a NEW with its payload; pending, rate
                                        //      limited (NEW ranks after REPLACE)
                I.neu(30, 1005, 1),     // f+2: invalid, KEY_NOT_FRESH: the NEW-over-pending-NEW cell is unreachable
                I.neu(31, 1000, 1),     // f+3: superseded by f+4
                I.can(31),              // f+4: cancelled before submission
                I.rep(99, 1000, 1),     // f+5: invalid, no live order
                I.neu(32, 1000, 6),     // f+6: denied, qty over 5
                I.neu(7, 1000, 1),      // f+7: invalid, KEY_NOT_FRESH (the key of a live order)
                I.rep(7, 1002, 1),      // f+8: dispatched (the only token; REPLACE ranks first)
                I.neu(33, 1000, 1));    // f+9: pending, rate limited
        StepResult r = trade(d);
        assertEquals(List.of("REPLACE:7"), dispatched(r), r.toString());
        Disposition[] expected = {Disposition.SUPERSEDED, Disposition.PENDING, Disposition.INVALID,
                Disposition.SUPERSEDED, Disposition.CANCELLED_BEFORE_SUBMISSION, Disposition.INVALID,
                Disposition.DENIED, Disposition.INVALID, Disposition.DISPATCHED, Disposition.PENDING};
        Reason[] reasons = {Reason.REPLACED_BY_INCOMING, Reason.RATE_LIMITED, Reason.KEY_NOT_FRESH,
                Reason.REPLACED_BY_INCOMING, Reason.NONE, Reason.NO_LIVE_ORDER, Reason.MAX_ORDER_QTY,
                Reason.KEY_NOT_FRESH, Reason.NONE, Reason.RATE_LIMITED};
        for (int k = 0; k < expected.length; k++) {
            int n = 0;
            for (int i = 0; i < r.dispositionCount(); i++) {
                if (r.dispositionIntentId(i) == f + k) {
                    n++;
                    assertEquals(expected[k], r.disposition(i), "intent f+" + k + ": " + r);
                    assertEquals(reasons[k], r.dispositionReason(i), "intent f+" + k + ": " + r);
                }
            }
            assertEquals(1, n, "intent f+" + k + " has exactly one disposition: " + r);
        }
        assertEquals(expected.length, r.dispositionCount());
        assertEquals(f + expected.length, d.x().queue().nextIntentId(), "intent ids are State and consecutive");
        assertEquals(1002, r.dispatchPriceTicks(0));
        PendingCommand inflight = d.x().inflight().get(7);
        assertEquals(f + 8, inflight.intentId(), "the dispatched REPLACE carries intent f+8");
        assertEquals(inflight.requestId(), r.dispatchRequestId(0), "the dispatch names the inflight request id");
        PendingCommand waiting = d.x().queue().forKey(30);
        assertEquals(CommandType.NEW, waiting.type());
        assertEquals(1001, waiting.priceTicks(), "the winning NEW's payload waits (the REPLACE's)");
        assertEquals(2, waiting.qtyLots());
        assertEquals(f + 1, waiting.intentId());
        assertEquals(33, d.x().orders().keyHighWater(), "the denied and invalid NEWs did not raise the mark");
        assertEquals(30, r.obligationScopeKey(), "first rate-blocked candidate: FIFO among NEWs");
    }

    /**
     * NEW keys strictly increase within a stream (README; SPEC §11 L3: an order id is submitted once):
     * a NEW at or below the high-water mark is INVALID(KEY_NOT_FRESH) — a decreasing key, and the key
     * of an Order that already retired — and never reaches the venue.
     */
    @Test
    void keyNotFresh_NEWkeysStrictlyIncrease_evenAfterTheirOrderRetired() {
        Driver d = driver("");
        liveOrder(d, 20, 1000, 1);
        long t = d.tick();
        StepResult r = d.apply(new OrderFilled(t, t, 20, 1, 1000, 0));
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(d.x().orders().get(20), "the filled Order retired at the end of its step");
        assertEquals(20, d.x().orders().keyHighWater());
        long f = d.x().queue().nextIntentId();
        script.next(I.neu(20, 1000, 1), I.neu(19, 1000, 1), I.neu(21, 1000, 1));
        d.advance(1);
        r = trade(d);
        assertEquals(List.of(f + ":INVALID(KEY_NOT_FRESH)", (f + 1) + ":INVALID(KEY_NOT_FRESH)",
                (f + 2) + ":DISPATCHED(NONE)"), dispositions(r));
        assertEquals(List.of("NEW:21"), dispatched(r));
        assertEquals(21, d.x().orders().keyHighWater());
    }

    @Test
    void R1_R3_deniedIntentNeverEntersTheQueue_andNeverDisplacesPendingWork() {
        Driver d = driver(QueueTestKit.risk(5, 10_000, 100, 1_000) + "," + QueueTestKit.rateLimit(1, 1));
        d.advance(10 * SEC);
        script.next(I.neu(40, 1000, 1), I.neu(41, 1000, 2)); // 41 waits for a token
        trade(d);
        assertEquals(1000, d.x().queue().forKey(41).priceTicks());
        long den = d.x().queue().nextIntentId();
        script.next(I.rep(41, 1003, 6), I.can(41)); // REPLACE denied (qty); the CANCEL is allowed
        d.advance(1);
        StepResult r = trade(d);
        assertEquals(Disposition.DENIED, r.disposition(0));
        assertEquals(Reason.MAX_ORDER_QTY, r.dispositionReason(0));
        assertEquals(den, r.dispositionIntentId(0));
        // the denied REPLACE did not touch the pending NEW; the allowed CANCEL removed it
        assertNull(d.x().queue().forKey(41));
        assertEquals(Disposition.CANCELLED_BEFORE_SUBMISSION, r.lastDispositionOf(den + 1));
        assertEquals(0, r.dispatchCount());
    }

    @Test
    void R3_REPLACEorCANCELnamingAnotherSideThanItsTarget_isDenied_neverDispatched() {
        // Its OrderSubmitted record could not be applied (EV1: the record must match the order), so
        // dispatching it would halt the run; Risk denies it as malformed instead.
        Driver d = driver("");
        liveOrder(d, 7, 1000, 1);
        long f = d.x().queue().nextIntentId();
        script.next(new I(CommandType.REPLACE, 7, Side.SELL, 1001, 1), new I(CommandType.CANCEL, 7, Side.SELL, 0, 0));
        StepResult r = trade(d);
        assertEquals(0, r.dispatchCount(), r.toString());
        assertEquals(List.of(f + ":DENIED(MALFORMED_INTENT)", (f + 1) + ":DENIED(MALFORMED_INTENT)"),
                dispositions(r));
        // the same with the order's side goes out, and its record applies
        script.next(I.rep(7, 1001, 1));
        d.advance(1);
        r = trade(d);
        assertEquals(List.of("REPLACE:7"), dispatched(r));
        assertEquals(Side.BUY, r.dispatchSide(0));
        record(d, r, 0);
        assertTrue(d.x().inflight().recorded(7));
    }

    @Test
    void R1_deniedREPLACE_leavesThePendingNEWunchanged() {
        Driver d = driver(QueueTestKit.risk(5, 10_000, 100, 1_000) + "," + QueueTestKit.rateLimit(1, 1));
        d.advance(10 * SEC);
        script.next(I.neu(40, 1000, 1), I.neu(41, 1000, 2));
        trade(d);
        long before = d.x().queue().forKey(41).intentId();
        script.next(I.rep(41, 1003, 6));
        d.advance(1);
        StepResult r = trade(d);
        assertEquals(List.of((before + 1) + ":DENIED(MAX_ORDER_QTY)"), dispositions(r));
        assertEquals(1000, d.x().queue().forKey(41).priceTicks());
        assertEquals(2, d.x().queue().forKey(41).qtyLots());
        assertEquals(before, d.x().queue().forKey(41).intentId());
    }

    @Test
    void R1_riskSeesEarlierAdmissionsOfTheSameStep() {
        Driver d = driver(QueueTestKit.risk(100, 10_000, 2, 1_000));
        long f = d.x().queue().nextIntentId();
        script.next(I.neu(50, 1000, 1), I.neu(51, 1000, 1), I.neu(52, 1000, 1));
        StepResult r = trade(d);
        assertEquals(List.of("NEW:50", "NEW:51"), dispatched(r));
        assertEquals(Disposition.DENIED, r.lastDispositionOf(f + 2));
        assertEquals(List.of(f + ":DISPATCHED(NONE)", (f + 1) + ":DISPATCHED(NONE)",
                (f + 2) + ":DENIED(MAX_OPEN_ORDERS)").stream().sorted().toList(),
                dispositions(r).stream().sorted().toList());
    }

    @Test
    void R3_throwingRiskPolicy_deniesEverything_nothingReachesTheVenue() {
        // SPEC §5 step 4: anything a policy throws, Errors included, is a denial (POLICY_ERROR).
        for (Throwable bug : List.of(new IllegalStateException("policy bug"), new StackOverflowError("policy bug"))) {
            Script s = new Script();
            RiskPolicy throwing = (view, c, in) -> {
                ExecutionPipelineScriptedTest.<RuntimeException>sneakyThrow(bug);
                return Reason.NONE;
            };
            Driver d = start(new Driver(config("", s), new CoreEngine(new RiskEngine(List.of(throwing)))));
            long f = d.x().queue().nextIntentId();
            s.next(I.neu(60, 1000, 1), I.neu(61, 1000, 1));
            StepResult r = trade(d);
            assertEquals(0, r.dispatchCount(), bug.toString());
            assertEquals(List.of(f + ":DENIED(POLICY_ERROR)", (f + 1) + ":DENIED(POLICY_ERROR)"), dispositions(r));
            assertEquals(0, d.x().queue().size());
            assertEquals(0, d.x().inflight().size());
        }
    }

    // ------------------------------------------------------------------ strategy failures (F1, F3)

    @Test
    void strategyThrows_emitsNothing_failureIsData_queueProcessingStillRuns() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        long t0 = d.advance(10 * SEC);
        script.next(I.neu(70, 1000, 1), I.neu(71, 1000, 1));
        StepResult r = trade(d);
        assertEquals(List.of("NEW:70"), dispatched(r));
        assertEquals(t0 + SEC, r.obligationDeadlineNs());

        script.next(I.neu(72, 1000, 1)); // emitted, then the strategy throws: discarded
        script.toThrow = new IllegalStateException("strategy bug");
        long idsBefore = d.x().queue().nextIntentId();
        long highWater = d.x().orders().keyHighWater();
        r = controlTime(d, t0 + SEC);
        assertTrue(r.strategyRan());
        assertEquals(script.toThrow.toString(), r.strategyFailure(), "the failure is the throwable's toString()");
        assertEquals(List.of("NEW:71"), dispatched(r), "earlier pending work still leaves");
        assertEquals(idsBefore, d.x().queue().nextIntentId(), "no Intent of the failed decision exists");
        assertNull(d.x().queue().forKey(72));
        assertEquals(highWater, d.x().orders().keyHighWater(), "the discarded NEW did not raise the key mark");
        assertEquals(d.state.lastPosition(), r.position());
    }

    @Test
    void strategyThrowsACheckedExceptionSneakily_isStillAFailureInTheResult_notAHalfAppliedStep() {
        Driver d = driver("");
        script.next(I.neu(80, 1000, 1));
        script.sneaky = new IOException("checked, thrown sneakily");
        long pos = d.state.lastPosition() + 1;
        StepResult r = trade(d);
        assertEquals(pos, d.state.lastPosition(), "the step completed");
        assertEquals("java.io.IOException: checked, thrown sneakily", r.strategyFailure());
        assertEquals(0, r.dispatchCount());
        assertEquals(0, d.x().queue().size());
    }

    /** STYLE habit 12, SPEC §5: Errors thrown by a Strategy are caught too; the step applies completely. */
    @Test
    void strategyThrowsAnError_isCaught_failureIsItsToString_stepApplies() {
        for (Throwable t : List.of(new StackOverflowError("deep"), new OutOfMemoryError("strategy table"),
                new AssertionError("strategy assertion"), new LinkageError("strategy class"))) {
            Script s = new Script();
            Driver d = start(new Driver(config("", s), new CoreEngine()));
            s.next(I.neu(80, 1000, 1));
            s.sneaky = t;
            long pos = d.state.lastPosition() + 1;
            StepResult r = trade(d);
            assertEquals(pos, d.state.lastPosition(), "the step completed: " + t);
            assertTrue(r.strategyRan());
            assertEquals(t.toString(), r.strategyFailure());
            assertEquals(0, r.dispositionCount(), "no Intent of the failed decision exists: " + r);
            assertEquals(0, d.x().queue().size());
            // the next decision works normally
            s.sneaky = null;
            s.next(I.neu(81, 1000, 1));
            d.advance(1);
            r = trade(d);
            assertNull(r.strategyFailure());
            assertEquals(List.of("NEW:81"), dispatched(r));
        }
    }

    /** A throwable whose own toString() throws is described by its class name (never escapes the step). */
    @Test
    void strategyThrowsAThrowableWhoseToStringThrows_isDescribedByItsClassName() {
        Driver d = driver("");
        script.sneaky = new Hostile();
        StepResult r = trade(d);
        assertNotNull(r.strategyFailure());
        assertTrue(r.strategyFailure().startsWith(Hostile.class.getName()), r.strategyFailure());
        assertEquals(0, r.dispatchCount());
    }

    /** An Error whose toString() and getMessage() throw. */
    static final class Hostile extends Error {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            throw new IllegalStateException("toString bug");
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage bug");
        }
    }

    /** SPEC §5 atomicity: a decision that throws keeps no memory writes; one that returns commits them. */
    @Test
    void strategyMemoryWrites_discardedWhenTheDecisionThrows_committedWhenItReturns() {
        Script s = new Script();
        StrategyCatalog catalog = StrategyCatalog.builtIn().with(TestStrategies.provider(ID, 2, s));
        Driver d = start(new Driver(TestStrategies.config(json(""), catalog, ID), new CoreEngine()));
        s.memoryWrite = 42;
        s.toThrow = new IllegalStateException("after the write");
        String digest = d.state.digest();
        StepResult r = trade(d);
        assertNotNull(r.strategyFailure());
        assertEquals(0, d.state.control().memory(0), "memory write of a failed decision discarded");
        assertTrue(r.strategyRan());
        assertTrue(!digest.equals(d.state.digest()), "the step itself applied (position, control time)");
        s.toThrow = null;
        d.advance(1);
        r = trade(d);
        assertNull(r.strategyFailure());
        assertEquals(42, d.state.control().memory(0), "memory write of a good decision committed");
    }

    // ------------------------------------------------------------------ decision trigger (SPEC §5 step 3)

    @Test
    void sec5_decisionTrigger_eventTypesAndEveryNth_queueProcessingRunsRegardless() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1)
                + ",\"decisionTrigger\":{\"eventTypes\":[\"TRADE\"],\"everyNth\":2}");
        int decisionsAfterBook = script.decisions;
        assertEquals(0, decisionsAfterBook, "BookDelta is not a triggering type here");
        long t0 = d.advance(10 * SEC);
        script.next(I.neu(90, 1000, 1), I.neu(91, 1000, 1));
        StepResult r = trade(d); // triggering event #1: 1 % 2 != 0
        assertFalse(r.strategyRan());
        assertEquals(0, script.decisions);
        d.advance(1);
        r = trade(d); // #2: decides
        assertTrue(r.strategyRan());
        assertEquals(List.of("NEW:90"), dispatched(r));
        // a non-triggering event still runs Queue Processing: the token returns at t0 + 1 s + 1 ns
        d.at(t0 + 2 * SEC);
        r = d.apply(new KillSwitch(d.now(), d.now(), false));
        assertFalse(r.strategyRan());
        assertEquals(List.of("NEW:91"), dispatched(r), "EC2: Queue Processing runs inside every step");
        assertEquals(1, script.decisions);
    }

    @Test
    void sec5_sameInputs_sameResults_twoEngines() {
        // E5 for the scripted pipeline: two engines, same entries, same digests and results
        Script s2 = new Script();
        CoreConfiguration cfg1 = config(QueueTestKit.rateLimit(2, 3), script);
        CoreConfiguration cfg2 = config(QueueTestKit.rateLimit(2, 3), s2);
        assertEquals(cfg1.fingerprint(), cfg2.fingerprint(), "the same configuration, each with its own instance");
        CoreEngine e1 = new CoreEngine();
        CoreEngine e2 = new CoreEngine();
        State a = new State();
        State b = new State();
        long t = QueueTestKit.T0;
        for (int k = 0; k < 2; k++) {
            t += 1_000;
            EventStreamEntry entry = new EventStreamEntry(k, new BookDelta(t, t, 0,
                    k == 0 ? BookSide.BID : BookSide.ASK,
                    k == 0 ? 990 : 1010, 5));
            e1.processEventEntry(a, entry, cfg1);
            e2.processEventEntry(b, entry, cfg2);
        }
        for (int k = 2; k < 50; k++) {
            // NEW keys strictly increase; the CANCEL targets the previous step's first NEW
            I[] batch = {I.neu(10 * k, 1000, 1), I.neu(10 * k + 1, 1000, 1), I.can(10 * (k - 1))};
            script.next(batch);
            s2.next(batch);
            t += 100_000_000L;
            EventStreamEntry entry = new EventStreamEntry(k, new Trade(t, t, 0, Side.BUY, 1000, 1));
            String ra = e1.processEventEntry(a, entry, cfg1).toString();
            String rb = e2.processEventEntry(b, entry, cfg2).toString();
            assertEquals(ra, rb);
            assertTrue(ra.contains("dispatch#") || ra.contains("PENDING"), "the script's NEWs enter: " + ra);
            assertFalse(ra.contains("KEY_NOT_FRESH"), ra);
            assertEquals(a.digest(), b.digest());
        }
    }
}
