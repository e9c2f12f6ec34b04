package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.KillSwitch;
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
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.view.StateView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 steps 3–7 through the real engine, with a scripted Strategy installed through the
 * package-private test hook {@code CoreEngine(RiskEngine, Strategy)}: exact Intents per step, so the
 * rate-limit scenario of §8.3/§9, R1/R3, the per-Intent dispositions and strategy failures can be
 * checked end to end.
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

    /** A test Strategy: emits the next scripted batch on each decision; may throw. */
    static final class Script implements Strategy {
        final Deque<List<I>> plan = new ArrayDeque<>();
        RuntimeException toThrow;
        Throwable sneaky;
        int decisions;

        void next(I... intents) {
            plan.add(List.of(intents));
        }

        @Override
        public String id() {
            return "test-script";
        }

        @Override
        public void decide(StateView view, IntentSink out) {
            decisions++;
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

    final Script script = new Script();

    Driver driver(String extra) {
        return driver(extra, new RiskEngine());
    }

    Driver driver(String extra, RiskEngine risk) {
        CoreConfiguration cfg = QueueTestKit.config(extra);
        Driver d = new Driver(cfg, new CoreEngine(risk, script));
        d.book(990, 5, 1010, 5); // mid 1000; the script has nothing planned yet
        return d;
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
            l.add(r.dispatch(i).type() + ":" + r.dispatch(i).orderKey());
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
        d.liveOrder(7, Side.BUY, 1000, 1);
        d.advance(10 * SEC);
        long f = d.x().queue().nextIntentId();
        script.next(I.neu(30, 1000, 1), // f:   superseded by f+1
                I.neu(30, 1001, 2),     // f+1: pending, rate limited (NEW ranks after REPLACE)
                I.neu(31, 1000, 1),     // f+2: superseded by f+3
                I.can(31),              // f+3: cancelled before submission
                I.rep(99, 1000, 1),     // f+4: invalid, no live order
                I.neu(32, 1000, 6),     // f+5: denied, qty over 5
                I.neu(7, 1000, 1),      // f+6: invalid, key in use
                I.rep(7, 1002, 1),      // f+7: dispatched (the only token; REPLACE ranks first)
                I.neu(33, 1000, 1));    // f+8: pending, rate limited
        StepResult r = trade(d);
        assertEquals(List.of("REPLACE:7"), dispatched(r), r.toString());
        Disposition[] expected = {Disposition.SUPERSEDED, Disposition.PENDING, Disposition.SUPERSEDED,
                Disposition.CANCELLED_BEFORE_SUBMISSION, Disposition.INVALID, Disposition.DENIED, Disposition.INVALID,
                Disposition.DISPATCHED, Disposition.PENDING};
        for (int k = 0; k < expected.length; k++) {
            int n = 0;
            for (int i = 0; i < r.dispositionCount(); i++) {
                if (r.dispositionIntentId(i) == f + k) {
                    n++;
                    assertEquals(expected[k], r.disposition(i), "intent f+" + k + ": " + r);
                }
            }
            assertEquals(1, n, "intent f+" + k + " has exactly one disposition: " + r);
        }
        assertEquals(expected.length, r.dispositionCount());
        assertEquals(f + expected.length, d.x().queue().nextIntentId(), "intent ids are State and consecutive");
        assertEquals(1002, r.dispatch(0).priceTicks());
        assertEquals(f + 7, r.dispatch(0).intentId());
        assertEquals(1001, d.x().queue().forKey(30).priceTicks(), "the winning NEW's payload waits");
        assertEquals(f + 1, d.x().queue().forKey(30).intentId());
        assertEquals(30, r.obligationScopeKey(), "first rate-blocked candidate: FIFO among NEWs");
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
        d.liveOrder(7, Side.BUY, 1000, 1);
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
        long t = d.now();
        d.apply(new io.tradingchassis.core.event.OrderSubmitted(t, t, 7, r.dispatch(0).toOrderCommand()));
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
        Driver d = driver("", new RiskEngine(List.of((s, c, in, i) -> {
            throw new IllegalStateException("policy bug");
        })));
        long f = d.x().queue().nextIntentId();
        script.next(I.neu(60, 1000, 1), I.neu(61, 1000, 1));
        StepResult r = trade(d);
        assertEquals(0, r.dispatchCount());
        assertEquals(List.of(f + ":DENIED(POLICY_ERROR)", (f + 1) + ":DENIED(POLICY_ERROR)"), dispositions(r));
        assertEquals(0, d.x().queue().size());
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
        r = controlTime(d, t0 + SEC);
        assertTrue(r.strategyRan());
        assertNotNull(r.strategyFailure());
        assertTrue(r.strategyFailure().contains("strategy bug"));
        assertEquals(List.of("NEW:71"), dispatched(r), "earlier pending work still leaves");
        assertEquals(idsBefore, d.x().queue().nextIntentId(), "no Intent of the failed decision exists");
        assertNull(d.x().queue().forKey(72));
        assertEquals(d.state.lastPosition(), r.position());
    }

    @Test
    void strategyThrowsACheckedExceptionSneakily_isStillAFailureInTheResult_notAHalfAppliedStep() {
        Driver d = driver("");
        script.next(I.neu(80, 1000, 1));
        script.sneaky = new java.io.IOException("checked, thrown sneakily");
        long pos = d.state.lastPosition() + 1;
        StepResult r = trade(d);
        assertEquals(pos, d.state.lastPosition(), "the step completed");
        assertNotNull(r.strategyFailure());
        assertEquals(0, r.dispatchCount());
        assertEquals(0, d.x().queue().size());
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
        CoreConfiguration cfg = QueueTestKit.config(QueueTestKit.rateLimit(2, 3));
        CoreEngine e1 = new CoreEngine(new RiskEngine(), script);
        CoreEngine e2 = new CoreEngine(new RiskEngine(), s2);
        State a = new State();
        State b = new State();
        long t = QueueTestKit.T0;
        for (int k = 0; k < 2; k++) {
            t += 1_000;
            EventStreamEntry entry = new EventStreamEntry(k, new io.tradingchassis.core.event.BookDelta(t, t, 0,
                    k == 0 ? io.tradingchassis.core.event.BookSide.BID : io.tradingchassis.core.event.BookSide.ASK,
                    k == 0 ? 990 : 1010, 5));
            e1.processEventEntry(a, entry, cfg);
            e2.processEventEntry(b, entry, cfg);
        }
        for (int k = 2; k < 50; k++) {
            I[] batch = {I.neu(100 + k, 1000, 1), I.neu(200 + k, 1000, 1), I.can(100 + k - 1)};
            script.next(batch);
            s2.next(batch);
            t += 100_000_000L;
            EventStreamEntry entry = new EventStreamEntry(k, new Trade(t, t, 0, Side.BUY, 1000, 1));
            String ra = e1.processEventEntry(a, entry, cfg).toString();
            String rb = e2.processEventEntry(b, entry, cfg).toString();
            assertEquals(ra, rb);
            assertEquals(a.digest(), b.digest());
        }
    }
}
