package io.tradingchassis.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit.Disp;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.InflightTable;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 Queue Processing (validity, inflight gating EC5, token bucket, ordering, selection) and the
 * §9 Control Scheduling Obligation, driven directly through {@link DominanceQueue} and
 * {@link QueueProcessor} on an Execution State built from real events.
 */
class QueueProcessorTest {
    static final long SEC = 1_000_000_000L;

    final QueueProcessor qp = new QueueProcessor();
    final Recorder out = new Recorder();

    Driver driver(String extra) {
        Driver d = new Driver(QueueTestKit.config(extra));
        d.book(990, 5, 1010, 5);
        return d;
    }

    long admit(ExecutionState x, CommandType type, long key, long px, long qty) {
        long id = x.queue().takeIntentId();
        DominanceQueue.admit(x, id, type, key, 0, Side.BUY, px, qty, out);
        return id;
    }

    static List<String> keysAndTypes(List<DispatchRequest> cs) {
        List<String> r = new ArrayList<>();
        for (DispatchRequest c : cs) {
            r.add(c.type() + ":" + c.orderKey());
        }
        return r;
    }

    static Reason lastReasonOf(StepResult r, long intentId) {
        Reason found = null;
        for (int i = 0; i < r.dispositionCount(); i++) {
            if (r.dispositionIntentId(i) == intentId) {
                found = r.dispositionReason(i);
            }
        }
        return found;
    }

    static List<String> keysAndTypes(StepResult r) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < r.dispatchCount(); i++) {
            l.add(r.dispatchType(i) + ":" + r.dispatchOrderKey(i));
        }
        return l;
    }

    // ------------------------------------------------------------------ SPEC §8.3 / §9 exact scenario

    @Test
    void sec8_3_sec9_capacity2_refill1_fiveNEWs_exactObligations() {
        Driver d = driver(QueueTestKit.rateLimit(2, 1));
        ExecutionState x = d.x();
        long t0 = d.advance(10 * SEC); // bucket refills to full (2) by t0
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = admit(x, CommandType.NEW, 500 + i, 1000, 1);
        }
        qp.process(x, d.cfg, t0, false, out);
        assertEquals(List.of("NEW:500", "NEW:501"), keysAndTypes(out.dispatches), "two tokens, two dispatches");
        // SPEC §6: each dispatch request gets the next request id, starting at 1 in a fresh stream
        assertEquals(InflightTable.FIRST_REQUEST_ID, out.dispatches.get(0).requestId());
        assertEquals(InflightTable.FIRST_REQUEST_ID + 1, out.dispatches.get(1).requestId());
        assertEquals(out.dispatches.get(1).requestId(), x.inflight().get(501).requestId());
        assertTrue(out.hasObligation);
        assertEquals(1, out.obligationCalls, "at most one obligation per step");
        assertEquals(t0 + SEC, out.obligationDeadlineNs, "deadline is exactly t0 + 1e9");
        assertEquals(502, out.obligationScopeKey, "scope: the first rate-blocked command's key");
        assertEquals(Disposition.DISPATCHED, out.of(ids[0]).get(0).disposition());
        assertEquals(Disposition.DISPATCHED, out.of(ids[1]).get(0).disposition());
        assertTrue(out.of(ids[2]).isEmpty(), "still pending: reported by the pipeline, not the processor");

        // An event at an earlier time (t0 + 0.5 s) dispatches nothing and keeps the same deadline.
        out.clear();
        qp.process(x, d.cfg, t0 + SEC / 2, false, out);
        assertTrue(out.dispatches.isEmpty());
        assertTrue(out.hasObligation);
        assertEquals(t0 + SEC, out.obligationDeadlineNs);

        // Realizing the deadline dispatches exactly one more and announces the next at t0 + 2e9.
        out.clear();
        qp.process(x, d.cfg, t0 + SEC, false, out);
        assertEquals(List.of("NEW:502"), keysAndTypes(out.dispatches));
        assertEquals(InflightTable.FIRST_REQUEST_ID + 2, out.dispatches.get(0).requestId());
        assertEquals(t0 + 2 * SEC, out.obligationDeadlineNs);
        assertEquals(503, out.obligationScopeKey);

        out.clear();
        qp.process(x, d.cfg, t0 + 2 * SEC, false, out);
        assertEquals(List.of("NEW:503"), keysAndTypes(out.dispatches));
        assertEquals(t0 + 3 * SEC, out.obligationDeadlineNs);

        out.clear();
        qp.process(x, d.cfg, t0 + 3 * SEC, false, out);
        assertEquals(List.of("NEW:504"), keysAndTypes(out.dispatches));
        assertFalse(out.hasObligation, "no rate-blocked work left: the obligation is cleared");
        assertEquals(0, x.queue().size());
        assertEquals(5, x.inflight().size());
        assertEquals(InflightTable.FIRST_REQUEST_ID + 5, x.inflight().nextRequestId());

        out.clear();
        qp.process(x, d.cfg, t0 + 10 * SEC, false, out);
        assertTrue(out.dispatches.isEmpty());
        assertFalse(out.hasObligation);
    }

    @Test
    void sec9_fiveNEWs_realizedThroughTheEngine_withControlTimeAndAnEarlierEvent() {
        Driver d = driver(QueueTestKit.rateLimit(2, 1));
        ExecutionState x = d.x();
        long t0 = d.advance(10 * SEC);
        for (int i = 0; i < 5; i++) {
            admit(x, CommandType.NEW, 500 + i, 1000, 1);
        }
        qp.process(x, d.cfg, t0, false, out);
        assertEquals(t0 + SEC, out.obligationDeadlineNs);

        d.at(t0 + SEC / 2);
        StepResult r = d.apply(new Trade(d.now(), d.now(), 0, Side.BUY, 1010, 1));
        assertEquals(0, r.dispatchCount(), "an earlier event dispatches nothing");
        assertTrue(r.hasObligation());
        assertEquals(t0 + SEC, r.obligationDeadlineNs(), "and keeps the same deadline");

        long deadline = r.obligationDeadlineNs();
        for (int k = 1; k <= 3; k++) {
            d.at(deadline);
            r = d.apply(new ControlTime(deadline, deadline, deadline, ControlTimeReason.RATE_LIMIT_RECOVERY));
            assertEquals(1, r.dispatchCount(), "exactly one more at each realized deadline");
            assertEquals("NEW:" + (501 + k), keysAndTypes(r).get(0));
            if (k < 3) {
                assertTrue(r.hasObligation());
                assertEquals(t0 + (k + 1) * SEC, r.obligationDeadlineNs());
                deadline = r.obligationDeadlineNs();
            } else {
                assertFalse(r.hasObligation(), "cleared when nothing is rate-blocked");
            }
        }
        assertEquals(t0 + 3 * SEC, d.state.control().lastControlTimeDeadlineNs());
    }

    @Test
    void sec9_workBlockedOnlyByInflightGating_yieldsNoObligation() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        ExecutionState x = d.x();
        long t0 = d.advance(10 * SEC);
        admit(x, CommandType.NEW, 500, 1000, 1);
        qp.process(x, d.cfg, t0, false, out);
        assertEquals(1, out.dispatches.size());
        assertFalse(TokenBucket.hasToken(x), "the bucket is empty now");
        out.clear();
        admit(x, CommandType.REPLACE, 500, 1001, 1); // waits for the NEW's answer (EC5)
        qp.process(x, d.cfg, t0, false, out);
        assertTrue(out.dispatches.isEmpty());
        assertFalse(out.hasObligation, "inflight gating alone: the venue's answer re-triggers processing");
        assertEquals(CommandType.REPLACE, x.queue().forKey(500).type());
    }

    @Test
    void sec9_rateBlockedAndInflightBlocked_obligationScopesTheRateBlockedKey() {
        Driver d = driver(QueueTestKit.rateLimit(1, 4));
        ExecutionState x = d.x();
        long t0 = d.advance(10 * SEC);
        admit(x, CommandType.NEW, 500, 1000, 1);
        qp.process(x, d.cfg, t0, false, out); // 500 inflight, bucket empty
        admit(x, CommandType.REPLACE, 500, 1001, 1); // inflight-blocked (and older)
        admit(x, CommandType.NEW, 600, 1000, 1); // rate-blocked
        out.clear();
        qp.process(x, d.cfg, t0 + 1, false, out);
        assertTrue(out.dispatches.isEmpty());
        assertTrue(out.hasObligation);
        assertEquals(600, out.obligationScopeKey);
        // scaled after 1 ns = 4; missing 1e9 - 4; ceil(/4) = 249 999 999
        assertEquals(t0 + 1 + 249_999_999L, out.obligationDeadlineNs);
        assertEquals(t0 + SEC / 4, out.obligationDeadlineNs);
    }

    // ------------------------------------------------------------------ SPEC §8.4 ordering, §8.5 selection

    @Test
    void sec8_4_defaultOrdering_CANCEL_REPLACE_NEW_thenFIFO_severalLeaveInOneStep() {
        Driver d = driver(QueueTestKit.rateLimit(10, 1));
        d.liveOrder(1, Side.BUY, 1000, 1);
        d.liveOrder(2, Side.BUY, 1000, 1);
        d.liveOrder(3, Side.BUY, 1000, 1);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.NEW, 501, 1000, 1);
        admit(x, CommandType.REPLACE, 1, 999, 1);
        admit(x, CommandType.NEW, 502, 1000, 1);
        admit(x, CommandType.CANCEL, 2, 0, 0);
        admit(x, CommandType.REPLACE, 3, 998, 1);
        qp.process(x, d.cfg, t, false, out);
        assertEquals(List.of("CANCEL:2", "REPLACE:1", "REPLACE:3", "NEW:501", "NEW:502"),
                keysAndTypes(out.dispatches));
        assertFalse(out.hasObligation);
    }

    @Test
    void sec8_4_configuredPriority_NEW_REPLACE_CANCEL() {
        Driver d = driver(QueueTestKit.rateLimit(10, 1) + ","
                + QueueTestKit.priority(CommandType.NEW, CommandType.REPLACE, CommandType.CANCEL));
        d.liveOrder(1, Side.BUY, 1000, 1);
        d.liveOrder(2, Side.BUY, 1000, 1);
        d.liveOrder(3, Side.BUY, 1000, 1);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.CANCEL, 2, 0, 0);
        admit(x, CommandType.NEW, 501, 1000, 1);
        admit(x, CommandType.REPLACE, 1, 999, 1);
        admit(x, CommandType.NEW, 502, 1000, 1);
        admit(x, CommandType.REPLACE, 3, 998, 1);
        qp.process(x, d.cfg, t, false, out);
        assertEquals(List.of("NEW:501", "NEW:502", "REPLACE:1", "REPLACE:3", "CANCEL:2"),
                keysAndTypes(out.dispatches));
    }

    @Test
    void sec8_5_longestPrefixThatTokensAllow_restWaitsWithObligation() {
        Driver d = driver(QueueTestKit.rateLimit(3, 2));
        d.liveOrder(1, Side.BUY, 1000, 1);
        d.liveOrder(2, Side.BUY, 1000, 1);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.NEW, 501, 1000, 1);
        admit(x, CommandType.NEW, 502, 1000, 1);
        admit(x, CommandType.CANCEL, 1, 0, 0);
        admit(x, CommandType.REPLACE, 2, 999, 1);
        qp.process(x, d.cfg, t, false, out);
        assertEquals(List.of("CANCEL:1", "REPLACE:2", "NEW:501"), keysAndTypes(out.dispatches));
        assertTrue(out.hasObligation);
        assertEquals(502, out.obligationScopeKey);
        assertEquals(t + SEC / 2, out.obligationDeadlineNs, "refill 2/s: next token in 0.5 s");
    }

    @Test
    void sec8_2_EC5_inflightKeyIsSkipped_laterCandidatesStillLeave() {
        Driver d = driver(QueueTestKit.rateLimit(10, 1));
        d.liveOrder(1, Side.BUY, 1000, 1);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.REPLACE, 1, 999, 1);
        qp.process(x, d.cfg, t, false, out);
        assertEquals(CommandType.REPLACE, x.inflight().type(1));
        admit(x, CommandType.CANCEL, 1, 0, 0); // gated
        admit(x, CommandType.NEW, 501, 1000, 1); // free
        out.clear();
        qp.process(x, d.cfg, t, false, out);
        assertEquals(List.of("NEW:501"), keysAndTypes(out.dispatches), "the gated CANCEL does not block others");
        assertEquals(CommandType.CANCEL, x.queue().forKey(1).type());
        assertEquals(CommandType.REPLACE, x.inflight().type(1), "still the REPLACE inflight: at most one per key");
        assertFalse(out.hasObligation);
    }

    // ------------------------------------------------------------------ SPEC §8.1 validity

    @Test
    void sec8_1_pendingREPLACE_forAnOrderFilledBeforeDispatch_isDropped_noTokenTaken() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        d.liveOrder(1, Side.BUY, 1000, 2);
        d.liveOrder(2, Side.BUY, 1000, 2);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.NEW, 501, 1000, 1);
        qp.process(x, d.cfg, t, false, out); // takes the only token
        long rep = admit(x, CommandType.REPLACE, 1, 999, 2);
        long can = admit(x, CommandType.CANCEL, 2, 0, 0);
        long tf = d.tick();
        StepResult r = d.apply(new OrderFilled(tf, tf, 1, 2, 1000, 0)); // order 1 FILLED (terminal)
        assertEquals(1, r.transitionCount());
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(x.queue().forKey(1));
        assertEquals(Disposition.DROPPED, r.lastDispositionOf(rep));
        assertEquals(Reason.TARGET_TERMINAL, lastReasonOf(r, rep), "validity saw the Order terminal in its step");
        assertNull(x.orders().get(1), "then it retired");
        tf = d.tick();
        r = d.apply(new OrderCancelled(tf, tf, 2, OrderCancelled.UNSOLICITED)); // cancelled by the venue
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertEquals(Disposition.DROPPED, r.lastDispositionOf(can));
        assertEquals(Reason.TARGET_TERMINAL, lastReasonOf(r, can));
        assertEquals(2, x.orders().retiredCount());
        assertEquals(0, x.queue().size());
        assertFalse(r.hasObligation(), "dropped work is not rate-blocked work");

        out.clear();
        qp.process(x, d.cfg, t + 5 * SEC, false, out);
        assertTrue(out.dispatches.isEmpty());
    }

    @Test
    void sec8_1_dropInvalid_reportsInAdmissionOrder_withReasons() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        d.liveOrder(1, Side.BUY, 1000, 2);
        d.liveOrder(2, Side.BUY, 1000, 2);
        d.liveOrder(3, Side.BUY, 1000, 2);
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.NEW, 501, 1000, 1);
        qp.process(x, d.cfg, t, false, out); // bucket empty; 501 inflight (unrecorded)
        long a = admit(x, CommandType.CANCEL, 2, 0, 0);
        long b = admit(x, CommandType.REPLACE, 501, 1001, 1); // over an inflight NEW: live
        long c = admit(x, CommandType.REPLACE, 1, 999, 2);
        long e = admit(x, CommandType.CANCEL, 3, 0, 0);
        // Make all four invalid without a processing step in between, through the components' public
        // mutators: order 3 terminal and retired (as after an earlier step), the NEW for 501 failed
        // (its inflight marker released), orders 2 and 1 terminal in the current step.
        x.orders().transition(x.orders().get(3), OrderStatus.CANCELLED);
        x.orders().retireTerminal();
        assertNull(x.orders().get(3));
        x.orders().transition(x.orders().get(2), OrderStatus.CANCELLED);
        x.inflight().release(x, 501);
        x.orders().transition(x.orders().get(1), OrderStatus.FILLED);
        out.clear();
        qp.process(x, d.cfg, t, false, out);
        assertEquals(List.of(
                new Disp(a, 2, CommandType.CANCEL, Disposition.DROPPED, Reason.TARGET_TERMINAL),
                new Disp(b, 501, CommandType.REPLACE, Disposition.DROPPED, Reason.NO_LIVE_ORDER),
                new Disp(c, 1, CommandType.REPLACE, Disposition.DROPPED, Reason.TARGET_TERMINAL),
                new Disp(e, 3, CommandType.CANCEL, Disposition.DROPPED, Reason.NO_LIVE_ORDER)),
                out.dispositions);
        assertEquals(0, x.queue().size());
        assertTrue(out.dispatches.isEmpty());
    }

    @Test
    void sec8_NEWsAreNeverDroppedByValidity() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        ExecutionState x = d.x();
        long t = d.advance(20 * SEC);
        admit(x, CommandType.NEW, 501, 1000, 1);
        admit(x, CommandType.NEW, 502, 1000, 1);
        qp.process(x, d.cfg, t, false, out);
        assertEquals(1, out.dispatches.size());
        assertEquals(CommandType.NEW, x.queue().forKey(502).type());
        assertTrue(out.dispositions.stream().noneMatch(z -> z.disposition() == Disposition.DROPPED));
    }

    @Test
    void sec8_3_bucketStartsFullAtTheControlTimeOfPositionZero_throughTheEngine() {
        CoreConfiguration cfg = QueueTestKit.config(QueueTestKit.rateLimit(3, 1));
        Driver d = new Driver(cfg);
        long t = d.tick();
        d.apply(new Trade(t, t, 0, Side.BUY, 1000, 1));
        assertEquals(0, d.state.lastPosition());
        assertTrue(d.x().bucket().started());
        assertEquals(3 * TokenBucket.ONE, d.x().bucket().scaled());
        assertEquals(t, d.x().bucket().refilledAtNs());
    }
}
