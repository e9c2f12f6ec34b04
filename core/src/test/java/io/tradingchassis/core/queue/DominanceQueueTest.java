package io.tradingchassis.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit.Disp;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7 dominance matrix (EC4: at most one pending command per order key), one test per cell, plus
 * the no-live-Order rules, the NEW key freshness rule (KEY_NOT_FRESH: NEW keys strictly increase within
 * a stream, so the NEW-over-pending-NEW cell is unreachable), longer sequences, "dominance never
 * touches inflight work", and the zero price/quantity of a dispatched CANCEL.
 */
class DominanceQueueTest {

    /** Key with an Accepted order (BUY 5 @ 1000) and nothing inflight; the NEW key high-water mark. */
    static final long LIVE = 100;
    /** Key with no history at all, above the high-water mark. */
    static final long FRESH = 200;

    Driver d;
    ExecutionState x;
    Recorder out;

    @BeforeEach
    void setUp() {
        d = new Driver(QueueTestKit.config(""));
        d.book(990, 5, 1010, 5);
        d.liveOrder(LIVE, Side.BUY, 1000, 5);
        x = d.x();
        out = new Recorder();
        assertEquals(0, x.queue().size());
        assertEquals(0, x.inflight().size());
        assertEquals(LIVE, x.orders().keyHighWater(), "the OrderSubmitted NEW record raised the mark");
    }

    /** Admits one Intent with a fresh intent id; returns the id. */
    long admit(CommandType type, long key, long px, long qty) {
        long id = x.queue().takeIntentId();
        DominanceQueue.admit(x, id, type, key, 0, Side.BUY, px, qty, out);
        return id;
    }

    Disposition admitGet(CommandType type, long key, long px, long qty, long[] idOut) {
        long id = x.queue().takeIntentId();
        idOut[0] = id;
        return DominanceQueue.admit(x, id, type, key, 0, Side.BUY, px, qty, out);
    }

    void assertPending(long key, CommandType type, long px, long qty, long intentId) {
        PendingCommand p = x.queue().forKey(key);
        assertNotNull(p, "a pending command for key " + key);
        assertEquals(type, p.type(), "pending type");
        assertEquals(px, p.priceTicks(), "pending price");
        assertEquals(qty, p.qtyLots(), "pending qty");
        assertEquals(intentId, p.intentId(), "pending intent id (whose arc the command carries)");
        assertEquals(PendingCommand.NO_REQUEST, p.requestId(), "a pending command has no request id yet");
        assertEC4();
    }

    /** EC4: pending keys are unique. */
    void assertEC4() {
        for (int i = 0; i < x.queue().size(); i++) {
            for (int j = i + 1; j < x.queue().size(); j++) {
                assertTrue(x.queue().at(i).orderKey() != x.queue().at(j).orderKey(),
                        "EC4 violated: two pending commands for key " + x.queue().at(i).orderKey());
            }
        }
    }

    void assertReported(Disp... expected) {
        assertEquals(List.of(expected), out.dispositions);
    }

    static Disp superseded(long intentId, long key, CommandType type, Reason why) {
        return new Disp(intentId, key, type, Disposition.SUPERSEDED, why);
    }

    static Disp notFresh(long intentId, long key) {
        return new Disp(intentId, key, CommandType.NEW, Disposition.INVALID, Reason.KEY_NOT_FRESH);
    }

    /** The key's inflight request id (the key must have one). */
    long requestIdOf(long key) {
        PendingCommand c = x.inflight().get(key);
        assertNotNull(c, "an inflight request for key " + key);
        return c.requestId();
    }

    /** The dispatch record (OrderSubmitted) of the key's inflight request, naming its request id. */
    OrderSubmitted recordOf(long key) {
        PendingCommand c = x.inflight().get(key);
        assertNotNull(c, "an inflight request for key " + key);
        long t = d.tick();
        return new OrderSubmitted(t, t, key, c.requestId(), c.toOrderCommand());
    }

    static void assertOnlyTransition(StepResult r, long orderId, OrderStatus from, OrderStatus to) {
        assertEquals(1, r.transitionCount(), "one Order transition in the step");
        assertEquals(orderId, r.transitionOrderId(0));
        assertEquals(from, r.transitionFrom(0));
        assertEquals(to, r.transitionTo(0));
    }

    // ------------------------------------------------------------------ row "(none)"

    @Nested
    class NothingPending {
        @Test
        void sec7_none_incomingNEW_enters_andRaisesTheKeyHighWaterMark() {
            long[] id = new long[1];
            assertEquals(Disposition.PENDING, admitGet(CommandType.NEW, FRESH, 1001, 2, id));
            assertPending(FRESH, CommandType.NEW, 1001, 2, id[0]);
            assertReported(); // entering is reported later (pending or dispatched), not here
            assertEquals(FRESH, x.orders().keyHighWater(), "admission to the Queue raises the mark");
        }

        @Test
        void sec7_none_incomingREPLACE_withLiveOrder_enters() {
            long[] id = new long[1];
            assertEquals(Disposition.PENDING, admitGet(CommandType.REPLACE, LIVE, 999, 4, id));
            assertPending(LIVE, CommandType.REPLACE, 999, 4, id[0]);
            assertReported();
        }

        @Test
        void sec7_none_incomingCANCEL_withLiveOrder_enters() {
            long[] id = new long[1];
            assertEquals(Disposition.PENDING, admitGet(CommandType.CANCEL, LIVE, 0, 0, id));
            assertPending(LIVE, CommandType.CANCEL, 0, 0, id[0]);
            assertReported();
        }

        @Test
        void sec7_none_incomingREPLACE_noLiveOrder_isInvalidNoLiveOrder() {
            long[] id = new long[1];
            assertEquals(Disposition.INVALID, admitGet(CommandType.REPLACE, FRESH, 999, 4, id));
            assertEquals(0, x.queue().size());
            assertReported(new Disp(id[0], FRESH, CommandType.REPLACE, Disposition.INVALID, Reason.NO_LIVE_ORDER));
        }

        @Test
        void sec7_none_incomingCANCEL_noLiveOrder_isInvalidNoLiveOrder() {
            long[] id = new long[1];
            assertEquals(Disposition.INVALID, admitGet(CommandType.CANCEL, FRESH, 0, 0, id));
            assertEquals(0, x.queue().size());
            assertReported(new Disp(id[0], FRESH, CommandType.CANCEL, Disposition.INVALID, Reason.NO_LIVE_ORDER));
        }

        @Test
        void sec7_none_REPLACEandCANCEL_forOrderTerminalInThisStep_areInvalidNoLiveOrder() {
            // Terminal during its step (visible, not yet retired): not live.
            Order o = x.orders().get(LIVE);
            x.orders().transition(o, OrderStatus.CANCELLED);
            assertSame(o, x.orders().get(LIVE), "still visible until the end of the step");
            long r = admit(CommandType.REPLACE, LIVE, 999, 4);
            long c = admit(CommandType.CANCEL, LIVE, 0, 0);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(r, LIVE, CommandType.REPLACE, Disposition.INVALID, Reason.NO_LIVE_ORDER),
                    new Disp(c, LIVE, CommandType.CANCEL, Disposition.INVALID, Reason.NO_LIVE_ORDER));
        }

        @Test
        void sec7_none_REPLACEandCANCEL_forRetiredTerminalOrder_areInvalidNoLiveOrder() {
            long t = d.tick();
            StepResult step = d.apply(new OrderFilled(t, t, LIVE, 5, 1000, 0)); // FILLED: terminal
            assertOnlyTransition(step, LIVE, OrderStatus.ACCEPTED, OrderStatus.FILLED);
            assertNull(x.orders().get(LIVE), "a terminal Order retires at the end of its step");
            assertEquals(1, x.orders().retiredCount());
            long r = admit(CommandType.REPLACE, LIVE, 999, 4);
            long c = admit(CommandType.CANCEL, LIVE, 0, 0);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(r, LIVE, CommandType.REPLACE, Disposition.INVALID, Reason.NO_LIVE_ORDER),
                    new Disp(c, LIVE, CommandType.CANCEL, Disposition.INVALID, Reason.NO_LIVE_ORDER));
        }

        @Test
        void sec7_none_NEW_onKeyWithLiveOrder_isInvalidKeyNotFresh() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertEquals(0, x.queue().size());
            assertReported(notFresh(id, LIVE));
            assertEquals(LIVE, x.orders().keyHighWater(), "an INVALID NEW leaves the mark alone");
        }

        @Test
        void sec7_none_NEW_atOrBelowHighWaterMark_isInvalidKeyNotFresh_evenAfterTheOrderRetired() {
            long t = d.tick();
            StepResult step = d.apply(new OrderCancelled(t, t, LIVE, OrderCancelled.UNSOLICITED));
            assertOnlyTransition(step, LIVE, OrderStatus.ACCEPTED, OrderStatus.CANCELLED);
            assertNull(x.orders().get(LIVE), "retired: State keeps no trace of the key but the mark");
            assertEquals(0, x.inflight().size());
            assertEquals(0, x.queue().size(), "nothing pending for any key");
            assertEquals(LIVE, x.orders().keyHighWater());

            long atMark = admit(CommandType.NEW, LIVE, 1000, 1);
            long below = admit(CommandType.NEW, LIVE - 1, 1000, 1); // never used, but below the mark
            long farBelow = admit(CommandType.NEW, -5, 1000, 1);
            assertEquals(0, x.queue().size());
            assertReported(notFresh(atMark, LIVE), notFresh(below, LIVE - 1), notFresh(farBelow, -5));

            // just above the mark is fresh
            out.clear();
            long above = admit(CommandType.NEW, LIVE + 1, 1000, 1);
            assertPending(LIVE + 1, CommandType.NEW, 1000, 1, above);
            assertReported();
            assertEquals(LIVE + 1, x.orders().keyHighWater());
        }

        @Test
        void sec7_none_NEW_belowAPendingNEWsKey_isInvalidKeyNotFresh() {
            long n = admit(CommandType.NEW, FRESH, 1001, 1); // raises the mark to FRESH, nothing sent yet
            long between = admit(CommandType.NEW, (LIVE + FRESH) / 2, 1000, 1);
            assertPending(FRESH, CommandType.NEW, 1001, 1, n);
            assertEquals(1, x.queue().size());
            assertReported(notFresh(between, (LIVE + FRESH) / 2));
        }

        @Test
        void sec7_none_NEW_onKeyWithInflightUnrecordedNEW_isInvalidKeyNotFresh() {
            admit(CommandType.NEW, FRESH, 1000, 1);
            new QueueProcessor().process(x, d.cfg, d.now(), false, out);
            assertEquals(CommandType.NEW, x.inflight().type(FRESH));
            assertFalse(x.inflight().recorded(FRESH));
            String inflight = x.inflight().get(FRESH).toString();
            out.clear();
            long id = admit(CommandType.NEW, FRESH, 1002, 1);
            assertEquals(0, x.queue().size());
            assertReported(notFresh(id, FRESH));
            assertEquals(inflight, x.inflight().get(FRESH).toString(), "the inflight NEW is untouched");
        }

        @Test
        void sec7_inflightUnacknowledgedNEW_countsAsLive_forREPLACEandCANCEL() {
            admit(CommandType.NEW, FRESH, 1000, 1);
            new QueueProcessor().process(x, d.cfg, d.now(), false, out);
            assertTrue(DominanceQueue.hasLiveOrder(x, FRESH), "an inflight, unacknowledged NEW counts as live");
            out.clear();
            long r = admit(CommandType.REPLACE, FRESH, 1001, 2);
            assertPending(FRESH, CommandType.REPLACE, 1001, 2, r);
            assertReported();
        }

        @Test
        void hasLiveOrder_truthTable() {
            assertTrue(DominanceQueue.hasLiveOrder(x, LIVE));
            assertFalse(DominanceQueue.hasLiveOrder(x, FRESH));
            long t = d.tick();
            d.apply(new OrderFilled(t, t, LIVE, 2, 1000, 3));
            assertTrue(DominanceQueue.hasLiveOrder(x, LIVE), "PartiallyFilled is live");
            t = d.tick();
            d.apply(new OrderFilled(t, t, LIVE, 3, 1000, 0));
            assertNull(x.orders().get(LIVE), "retired");
            assertFalse(DominanceQueue.hasLiveOrder(x, LIVE), "Filled (retired) is not live");

            // an inflight NEW is live while unanswered, recorded or not; a failed dispatch is not
            long n1 = FRESH;
            long n2 = FRESH + 1;
            admit(CommandType.NEW, n1, 1000, 1);
            admit(CommandType.NEW, n2, 1000, 1);
            new QueueProcessor().process(x, d.cfg, d.now(), false, out);
            assertTrue(DominanceQueue.hasLiveOrder(x, n1), "inflight, unrecorded NEW");
            d.apply(recordOf(n1));
            assertTrue(DominanceQueue.hasLiveOrder(x, n1), "Submitted");
            t = d.tick();
            d.apply(new DispatchFailed(t, t, n2, requestIdOf(n2), "link down"));
            assertFalse(DominanceQueue.hasLiveOrder(x, n2), "DispatchFailed: no Order, nothing inflight");
            t = d.tick();
            StepResult r = d.apply(new OrderRejected(t, t, n1, requestIdOf(n1), "no"));
            assertOnlyTransition(r, n1, OrderStatus.SUBMITTED, OrderStatus.REJECTED);
            assertFalse(DominanceQueue.hasLiveOrder(x, n1), "Rejected (retired) is not live");
        }
    }

    // ------------------------------------------------------------------ row "NEW pending" (fresh key)

    @Nested
    class NewPending {
        long newId;

        @BeforeEach
        void pendingNew() {
            newId = admit(CommandType.NEW, FRESH, 1001, 2);
            assertPending(FRESH, CommandType.NEW, 1001, 2, newId);
        }

        /**
         * The SPEC §7 cell "NEW over pending NEW: incoming wins" is unreachable: the pending NEW raised
         * the key high-water mark, so the second NEW on that key is INVALID(KEY_NOT_FRESH) and the pending
         * NEW stays exactly as it was.
         */
        @Test
        void sec7_NEWpending_incomingNEW_isInvalidKeyNotFresh_pendingNEWunchanged() {
            long seq = x.queue().forKey(FRESH).admissionSeq();
            long id = admit(CommandType.NEW, FRESH, 1003, 3);
            assertPending(FRESH, CommandType.NEW, 1001, 2, newId);
            assertEquals(seq, x.queue().forKey(FRESH).admissionSeq(), "not re-admitted");
            assertReported(notFresh(id, FRESH));
        }

        @Test
        void sec7_NEWpending_incomingREPLACE_leavesNEWwithReplacePriceAndQty() {
            long id = admit(CommandType.REPLACE, FRESH, 1005, 7);
            // SPEC §7: the venue has no order yet, so the pending command stays a NEW.
            assertPending(FRESH, CommandType.NEW, 1005, 7, id);
            assertReported(superseded(newId, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING));
        }

        @Test
        void sec7_NEWpending_incomingCANCEL_removesWork_bothArcsClose() {
            long id = admit(CommandType.CANCEL, FRESH, 0, 0);
            assertNull(x.queue().forKey(FRESH), "nothing is sent for the key");
            assertEquals(0, x.queue().size());
            assertReported(superseded(newId, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING),
                    new Disp(id, FRESH, CommandType.CANCEL, Disposition.CANCELLED_BEFORE_SUBMISSION, Reason.NONE));
            // and nothing goes out afterwards
            out.clear();
            new QueueProcessor().process(x, d.cfg, d.now(), false, out);
            assertTrue(out.dispatches.isEmpty());
            assertEquals(0, x.inflight().size());
        }
    }

    // ------------------------------------------------------------------ row "REPLACE pending" (live key)

    @Nested
    class ReplacePending {
        long repId;

        @BeforeEach
        void pendingReplace() {
            repId = admit(CommandType.REPLACE, LIVE, 999, 4);
        }

        /** A NEW over a pending REPLACE names an old key (the REPLACE targets a submitted Order): not fresh. */
        @Test
        void sec7_REPLACEpending_incomingNEW_isInvalidKeyNotFresh_pendingREPLACEunchanged() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertPending(LIVE, CommandType.REPLACE, 999, 4, repId);
            assertReported(notFresh(id, LIVE));
        }

        @Test
        void sec7_REPLACEpending_incomingREPLACE_incomingWins() {
            long id = admit(CommandType.REPLACE, LIVE, 998, 3);
            assertPending(LIVE, CommandType.REPLACE, 998, 3, id);
            assertReported(superseded(repId, LIVE, CommandType.REPLACE, Reason.REPLACED_BY_INCOMING));
        }

        @Test
        void sec7_REPLACEpending_incomingCANCEL_incomingWins() {
            long id = admit(CommandType.CANCEL, LIVE, 0, 0);
            assertPending(LIVE, CommandType.CANCEL, 0, 0, id);
            assertReported(superseded(repId, LIVE, CommandType.REPLACE, Reason.REPLACED_BY_INCOMING));
        }
    }

    // ------------------------------------------------------------------ row "CANCEL pending" (live key)

    @Nested
    class CancelPending {
        long canId;

        @BeforeEach
        void pendingCancel() {
            canId = admit(CommandType.CANCEL, LIVE, 0, 0);
        }

        /** A NEW over a pending CANCEL names an old key: not fresh. */
        @Test
        void sec7_CANCELpending_incomingNEW_isInvalidKeyNotFresh_pendingCANCELunchanged() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertPending(LIVE, CommandType.CANCEL, 0, 0, canId);
            assertReported(notFresh(id, LIVE));
        }

        @Test
        void sec7_CANCELpending_incomingREPLACE_discarded() {
            long id = admit(CommandType.REPLACE, LIVE, 998, 3);
            assertPending(LIVE, CommandType.CANCEL, 0, 0, canId);
            assertReported(superseded(id, LIVE, CommandType.REPLACE, Reason.DOMINATED_BY_PENDING));
        }

        @Test
        void sec7_CANCELpending_incomingCANCEL_incomingWins() {
            long id = admit(CommandType.CANCEL, LIVE, 0, 0);
            assertPending(LIVE, CommandType.CANCEL, 0, 0, id);
            assertReported(superseded(canId, LIVE, CommandType.CANCEL, Reason.REPLACED_BY_INCOMING));
        }
    }

    // ------------------------------------------------------------------ sequences

    @Test
    void sec7_liveKey_REPLACE_REPLACE_CANCEL_leavesOnlyTheCANCEL() {
        long r1 = admit(CommandType.REPLACE, LIVE, 999, 4);
        long r2 = admit(CommandType.REPLACE, LIVE, 998, 4);
        long c = admit(CommandType.CANCEL, LIVE, 0, 0);
        assertEquals(1, x.queue().size());
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        assertReported(superseded(r1, LIVE, CommandType.REPLACE, Reason.REPLACED_BY_INCOMING),
                superseded(r2, LIVE, CommandType.REPLACE, Reason.REPLACED_BY_INCOMING));
        // a later NEW (not fresh) or REPLACE (dominated) on the key cannot displace the CANCEL
        out.clear();
        long n = admit(CommandType.NEW, LIVE, 1000, 1);
        long r3 = admit(CommandType.REPLACE, LIVE, 997, 1);
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        assertReported(notFresh(n, LIVE),
                superseded(r3, LIVE, CommandType.REPLACE, Reason.DOMINATED_BY_PENDING));
    }

    @Test
    void sec7_freshKey_NEW_REPLACE_REPLACE_CANCEL_leavesNothing_everyArcClosed() {
        long n = admit(CommandType.NEW, FRESH, 1001, 1);
        long r1 = admit(CommandType.REPLACE, FRESH, 1002, 2);
        assertPending(FRESH, CommandType.NEW, 1002, 2, r1);
        long r2 = admit(CommandType.REPLACE, FRESH, 1003, 3);
        assertPending(FRESH, CommandType.NEW, 1003, 3, r2);
        long c = admit(CommandType.CANCEL, FRESH, 0, 0);
        assertEquals(0, x.queue().size(), "CANCEL over the pending NEW removes the work");
        assertReported(superseded(n, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING),
                superseded(r1, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING),
                superseded(r2, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING),
                new Disp(c, FRESH, CommandType.CANCEL, Disposition.CANCELLED_BEFORE_SUBMISSION, Reason.NONE));
        // every arc closed exactly once
        for (long id : new long[] {n, r1, r2, c}) {
            assertEquals(1, out.of(id).size(), "intent " + id + " closes exactly once");
        }
        // Nothing was ever submitted for the key, but its NEW was admitted: the mark stays at it, so a
        // later NEW must use a larger key.
        assertEquals(FRESH, x.orders().keyHighWater());
        out.clear();
        long again = admit(CommandType.NEW, FRESH, 1004, 1);
        assertReported(notFresh(again, FRESH));
        long n2 = admit(CommandType.NEW, FRESH + 1, 1004, 1);
        assertPending(FRESH + 1, CommandType.NEW, 1004, 1, n2);
    }

    @Test
    void sec7_EC4_manyKeys_eachKeepsAtMostOnePending() {
        long a = 300;
        long b = 301;
        admit(CommandType.NEW, a, 1000, 1);
        admit(CommandType.NEW, b, 1000, 1);
        admit(CommandType.REPLACE, LIVE, 999, 1);
        admit(CommandType.REPLACE, a, 1001, 1);
        admit(CommandType.NEW, a, 1001, 1); // not fresh: no second pending command for a
        admit(CommandType.REPLACE, b, 1002, 1);
        admit(CommandType.CANCEL, LIVE, 0, 0);
        admit(CommandType.CANCEL, a, 0, 0);
        assertEquals(2, x.queue().size());
        assertNull(x.queue().forKey(a));
        assertPending(b, CommandType.NEW, 1002, 1, x.queue().forKey(b).intentId());
        assertEquals(CommandType.CANCEL, x.queue().forKey(LIVE).type());
    }

    @Test
    void sec7_overwrittenPending_takesANewAdmissionSequence_queueStaysSortedByAdmission() {
        long a = 300;
        admit(CommandType.NEW, a, 1000, 1);
        admit(CommandType.REPLACE, LIVE, 999, 1);
        long seqLiveBefore = x.queue().forKey(LIVE).admissionSeq();
        admit(CommandType.REPLACE, a, 1001, 1); // the winner (still a NEW) is a later admission
        assertEquals(CommandType.NEW, x.queue().forKey(a).type());
        assertTrue(x.queue().forKey(a).admissionSeq() > seqLiveBefore);
        for (int i = 1; i < x.queue().size(); i++) {
            assertTrue(x.queue().at(i - 1).admissionSeq() < x.queue().at(i).admissionSeq(),
                    "pendingAt is in admission order");
        }
        assertEquals(LIVE, x.queue().at(0).orderKey());
        assertEquals(a, x.queue().at(1).orderKey());
    }

    // ------------------------------------------------------------------ a CANCEL carries 0 and 0

    @Test
    void sec6_CANCELintentWithNonZeroPriceAndQty_isPendingAndDispatchedWithZeroPriceAndQty() {
        long c = admit(CommandType.CANCEL, LIVE, 1234, 7);
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        assertEquals(1, out.dispatches.size());
        DispatchRequest req = out.dispatches.get(0);
        assertEquals(CommandType.CANCEL, req.type());
        assertEquals(0, req.priceTicks(), "a dispatched CANCEL's price is 0");
        assertEquals(0, req.qtyLots(), "a dispatched CANCEL's quantity is 0");
        assertEquals(new OrderCommand(CommandType.CANCEL, 0, Side.BUY, 0, 0), req.command());
        // its truthful record (0 and 0) is accepted, and the venue's answer names its request id
        StepResult rec = d.apply(recordOf(LIVE));
        assertTrue(x.inflight().recorded(LIVE));
        assertEquals(0, rec.transitionCount());
        long t = d.tick();
        StepResult r = d.apply(new OrderCancelled(t, t, LIVE, req.requestId()));
        assertOnlyTransition(r, LIVE, OrderStatus.ACCEPTED, OrderStatus.CANCELLED);
        assertEquals(0, x.inflight().size());
        assertNull(x.orders().get(LIVE));
    }

    @Test
    void sec6_CANCELoverPendingREPLACE_withNonZeroPriceAndQty_becomesZeroPriceAndQty() {
        admit(CommandType.REPLACE, LIVE, 999, 4);
        long c = admit(CommandType.CANCEL, LIVE, 1234, 7); // overwrites the pending REPLACE
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        long c2 = admit(CommandType.CANCEL, LIVE, 555, 3); // overwrites the pending CANCEL
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        assertEquals(1, out.dispatches.size());
        assertEquals(0, out.dispatches.get(0).priceTicks());
        assertEquals(0, out.dispatches.get(0).qtyLots());
    }

    /** Through the engine: a Strategy emits a CANCEL with price 1234 and quantity 7; the request carries 0 and 0. */
    @Test
    void sec6_CANCELintentFromAStrategy_isDispatchedWithZeroPriceAndQty_throughTheEngine() {
        long key = 10;
        Strategy s = (view, sink) -> {
            if (view.eventType() != EventType.TRADE) {
                return;
            }
            if (view.orderKeyHighWater() < key) {
                sink.newOrder(key, 0, Side.BUY, 1000, 2);
            } else if (view.order(key) != null) {
                sink.emit(CommandType.CANCEL, key, 0, Side.BUY, 1234, 7);
            }
        };
        String json = "{\"instruments\":[" + QueueTestKit.INSTRUMENT + "]}";
        CoreConfiguration cfg = TestStrategies.config(json, "test-cancel", s);
        Driver e = new Driver(cfg, new CoreEngine());
        e.book(990, 5, 1010, 5);
        long t = e.tick();
        StepResult r = e.apply(new Trade(t, t, 0, Side.BUY, 1000, 1));
        assertEquals(1, r.dispatchCount());
        DispatchRequest nw = r.dispatch(0);
        assertEquals(CommandType.NEW, nw.type());
        t = e.tick();
        e.apply(new OrderSubmitted(t, t, key, nw.requestId(), nw.command()));
        t = e.tick();
        e.apply(new OrderAccepted(t, t, key));

        t = e.tick();
        r = e.apply(new Trade(t, t, 0, Side.SELL, 1000, 1));
        assertEquals(1, r.dispatchCount());
        assertEquals(CommandType.CANCEL, r.dispatchType(0));
        assertEquals(key, r.dispatchOrderKey(0));
        assertEquals(0, r.dispatchPriceTicks(0), "a dispatched CANCEL's price is 0");
        assertEquals(0, r.dispatchQtyLots(0), "a dispatched CANCEL's quantity is 0");
        DispatchRequest cancel = r.dispatch(0);
        assertEquals(new OrderCommand(CommandType.CANCEL, 0, Side.BUY, 0, 0), cancel.command());
        assertTrue(cancel.requestId() > nw.requestId(), "request ids increase per dispatch");
        // the record of the request as dispatched matches it (no EV1), and the answer closes the Order
        t = e.tick();
        e.apply(new OrderSubmitted(t, t, key, cancel.requestId(), cancel.command()));
        t = e.tick();
        r = e.apply(new OrderCancelled(t, t, key, cancel.requestId()));
        assertOnlyTransition(r, key, OrderStatus.ACCEPTED, OrderStatus.CANCELLED);
        assertNull(e.x().orders().get(key));
    }

    // ------------------------------------------------------------------ inflight work is never touched

    @Test
    void sec7_dominanceNeverTouchesInflightWork_REPLACEinflight_thenCANCEL_goesPending() {
        long r = admit(CommandType.REPLACE, LIVE, 999, 4);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        PendingCommand inflight = x.inflight().get(LIVE);
        assertNotNull(inflight);
        long requestId = inflight.requestId();
        assertTrue(requestId > 0, "dispatch assigned a request id");
        String before = inflight.toString();
        out.clear();

        long c = admit(CommandType.CANCEL, LIVE, 0, 0);
        long r2 = admit(CommandType.REPLACE, LIVE, 950, 1); // dominated by the pending CANCEL
        assertSame(inflight, x.inflight().get(LIVE), "the inflight command object is not replaced");
        assertEquals(before, x.inflight().get(LIVE).toString(), "the inflight command is unchanged");
        assertEquals(r, x.inflight().get(LIVE).intentId());
        assertEquals(requestId, x.inflight().get(LIVE).requestId());
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        assertReported(superseded(r2, LIVE, CommandType.REPLACE, Reason.DOMINATED_BY_PENDING));

        // EC5: the pending CANCEL waits for the key; processing does not send it
        out.clear();
        new QueueProcessor().process(x, d.cfg, d.advance(1_000_000_000L), false, out);
        assertTrue(out.dispatches.isEmpty(), "EC5: at most one inflight request per key");
        assertFalse(out.hasObligation, "SPEC §9: inflight gating alone yields no obligation");
        assertEquals(before, x.inflight().get(LIVE).toString());
    }

    @Test
    void sec7_dominanceNeverTouchesInflightWork_inflightNEW_thenNEWandCANCEL() {
        long n = admit(CommandType.NEW, FRESH, 1001, 2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        assertEquals(n, x.inflight().get(FRESH).intentId());
        String before = x.inflight().get(FRESH).toString();
        out.clear();
        long again = admit(CommandType.NEW, FRESH, 1002, 2); // not fresh
        long c = admit(CommandType.CANCEL, FRESH, 0, 0);
        // not "cancelled before submission": the NEW already left, so the CANCEL waits for the key
        assertPending(FRESH, CommandType.CANCEL, 0, 0, c);
        assertReported(notFresh(again, FRESH));
        assertEquals(before, x.inflight().get(FRESH).toString());
    }

    @Test
    void sec8_1_pendingREPLACE_whoseInflightNEWfailed_isDroppedNoLiveOrder() {
        admit(CommandType.NEW, FRESH, 1001, 2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        long r = admit(CommandType.REPLACE, FRESH, 1003, 2);
        long t = d.tick();
        out.clear();
        // F4: frees the key, no Order
        StepResult step = d.apply(new DispatchFailed(t, t, FRESH, requestIdOf(FRESH), "link down"));
        // the engine's step ran Queue Processing, which applied validity
        assertNull(x.queue().forKey(FRESH));
        assertEquals(0, x.inflight().size());
        assertNull(x.orders().get(FRESH));
        assertEquals(0, step.transitionCount());
        assertEquals(Disposition.DROPPED, step.lastDispositionOf(r));
        assertEquals(Reason.NO_LIVE_ORDER, reasonOf(step, r));
        assertEquals(0, step.dispatchCount());
    }

    static Reason reasonOf(StepResult r, long intentId) {
        Reason found = null;
        for (int i = 0; i < r.dispositionCount(); i++) {
            if (r.dispositionIntentId(i) == intentId) {
                found = r.dispositionReason(i);
            }
        }
        return found;
    }

    @Test
    void sec8_1_pendingCANCEL_whoseOrderWasRejected_isDroppedTargetTerminal() {
        admit(CommandType.NEW, FRESH, 1001, 2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        long c = admit(CommandType.CANCEL, FRESH, 0, 0);
        long newRequest = requestIdOf(FRESH);
        StepResult sub = d.apply(recordOf(FRESH));
        assertOnlyTransition(sub, FRESH, StepResult.CREATED, OrderStatus.SUBMITTED);
        assertEquals(c, x.queue().forKey(FRESH).intentId(), "still waiting for the NEW's answer (EC5)");
        long t = d.tick();
        var r = d.apply(new OrderRejected(t, t, FRESH, newRequest, "post-only"));
        // validity ran in the same step, while the Rejected Order was still visible: TARGET_TERMINAL
        assertOnlyTransition(r, FRESH, OrderStatus.SUBMITTED, OrderStatus.REJECTED);
        assertNull(x.queue().forKey(FRESH));
        assertEquals(Disposition.DROPPED, r.lastDispositionOf(c));
        assertEquals(Reason.TARGET_TERMINAL, reasonOf(r, c));
        assertEquals(0, r.dispatchCount());
        assertNull(x.orders().get(FRESH), "retired at the end of the step");
    }

    @Test
    void configDefaultsAreUsed() {
        // guard: the fixture's default config has the SPEC default priority
        assertEquals(CoreConfiguration.DEFAULT_COMMAND_PRIORITY, d.cfg.commandPriority());
    }
}
