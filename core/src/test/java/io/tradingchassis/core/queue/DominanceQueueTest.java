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
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit.Disp;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7 dominance matrix (EC4: at most one pending command per order key), one test per cell, plus
 * the no-live-Order rules, KEY_IN_USE, longer sequences and "dominance never touches inflight work".
 */
class DominanceQueueTest {

    /** Key with an Accepted order (BUY 5 @ 1000) and nothing inflight. */
    static final long LIVE = 100;
    /** Key with no history at all. */
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
    }

    /** Admits one Intent with a fresh intent id; returns the id. */
    long admit(CommandType type, long key, long px, long qty) {
        long id = x.takeIntentId();
        DominanceQueue.admit(x, id, type, key, 0, Side.BUY, px, qty, out);
        return id;
    }

    Disposition admitGet(CommandType type, long key, long px, long qty, long[] idOut) {
        long id = x.takeIntentId();
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

    // ------------------------------------------------------------------ row "(none)"

    @Nested
    class NothingPending {
        @Test
        void sec7_none_incomingNEW_enters() {
            long[] id = new long[1];
            assertEquals(Disposition.PENDING, admitGet(CommandType.NEW, FRESH, 1001, 2, id));
            assertPending(FRESH, CommandType.NEW, 1001, 2, id[0]);
            assertReported(); // entering is reported later (pending or dispatched), not here
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
        void sec7_none_REPLACEandCANCEL_forTerminalOrder_areInvalidNoLiveOrder() {
            long t = d.tick();
            d.apply(new OrderFilled(t, t, LIVE, 5, 1000, 0)); // FILLED: terminal
            long r = admit(CommandType.REPLACE, LIVE, 999, 4);
            long c = admit(CommandType.CANCEL, LIVE, 0, 0);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(r, LIVE, CommandType.REPLACE, Disposition.INVALID, Reason.NO_LIVE_ORDER),
                    new Disp(c, LIVE, CommandType.CANCEL, Disposition.INVALID, Reason.NO_LIVE_ORDER));
        }

        @Test
        void sec7_none_NEW_onKeyWithLiveOrder_isInvalidKeyInUse() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(id, LIVE, CommandType.NEW, Disposition.INVALID, Reason.KEY_IN_USE));
        }

        @Test
        void sec7_none_NEW_onKeyWithTerminalHistory_isInvalidKeyInUse() {
            long t = d.tick();
            d.apply(new OrderCancelled(t, t, LIVE));
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(id, LIVE, CommandType.NEW, Disposition.INVALID, Reason.KEY_IN_USE));
        }

        @Test
        void sec7_none_NEW_onKeyWithInflightUnrecordedNEW_isInvalidKeyInUse() {
            admit(CommandType.NEW, FRESH, 1000, 1);
            new QueueProcessor().process(x, d.cfg, d.now(), false, out);
            assertEquals(CommandType.NEW, x.inflight().type(FRESH));
            out.clear();
            long id = admit(CommandType.NEW, FRESH, 1002, 1);
            assertEquals(0, x.queue().size());
            assertReported(new Disp(id, FRESH, CommandType.NEW, Disposition.INVALID, Reason.KEY_IN_USE));
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
            assertFalse(DominanceQueue.hasLiveOrder(x, LIVE), "Filled is terminal");
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

        @Test
        void sec7_NEWpending_incomingNEW_incomingWins() {
            long id = admit(CommandType.NEW, FRESH, 1003, 3);
            assertPending(FRESH, CommandType.NEW, 1003, 3, id);
            assertReported(superseded(newId, FRESH, CommandType.NEW, Reason.REPLACED_BY_INCOMING));
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

        @Test
        void sec7_REPLACEpending_incomingNEW_discarded() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertPending(LIVE, CommandType.REPLACE, 999, 4, repId);
            assertReported(superseded(id, LIVE, CommandType.NEW, Reason.DOMINATED_BY_PENDING));
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

        @Test
        void sec7_CANCELpending_incomingNEW_discarded() {
            long id = admit(CommandType.NEW, LIVE, 1000, 1);
            assertPending(LIVE, CommandType.CANCEL, 0, 0, canId);
            assertReported(superseded(id, LIVE, CommandType.NEW, Reason.DOMINATED_BY_PENDING));
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
        // a later NEW or REPLACE on the key cannot displace the CANCEL
        out.clear();
        long n = admit(CommandType.NEW, LIVE, 1000, 1);
        long r3 = admit(CommandType.REPLACE, LIVE, 997, 1);
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        assertReported(superseded(n, LIVE, CommandType.NEW, Reason.DOMINATED_BY_PENDING),
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
        // the key is still unused: a later NEW on it enters (nothing was ever submitted)
        out.clear();
        long n2 = admit(CommandType.NEW, FRESH, 1004, 1);
        assertPending(FRESH, CommandType.NEW, 1004, 1, n2);
    }

    @Test
    void sec7_EC4_manyKeys_eachKeepsAtMostOnePending() {
        long a = 300;
        long b = 301;
        admit(CommandType.NEW, a, 1000, 1);
        admit(CommandType.NEW, b, 1000, 1);
        admit(CommandType.REPLACE, LIVE, 999, 1);
        admit(CommandType.NEW, a, 1001, 1);
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
        admit(CommandType.NEW, a, 1001, 1); // the winner is a later admission
        assertTrue(x.queue().forKey(a).admissionSeq() > seqLiveBefore);
        for (int i = 1; i < x.queue().size(); i++) {
            assertTrue(x.queue().at(i - 1).admissionSeq() < x.queue().at(i).admissionSeq(),
                    "pendingAt is in admission order");
        }
        assertEquals(LIVE, x.queue().at(0).orderKey());
        assertEquals(a, x.queue().at(1).orderKey());
    }

    // ------------------------------------------------------------------ inflight work is never touched

    @Test
    void sec7_dominanceNeverTouchesInflightWork_REPLACEinflight_thenCANCEL_goesPending() {
        long r = admit(CommandType.REPLACE, LIVE, 999, 4);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        PendingCommand inflight = x.inflight(LIVE);
        assertNotNull(inflight);
        PendingCommand before = inflight.copy();
        out.clear();

        long c = admit(CommandType.CANCEL, LIVE, 0, 0);
        long r2 = admit(CommandType.REPLACE, LIVE, 950, 1); // dominated by the pending CANCEL
        assertSame(inflight, x.inflight(LIVE), "the inflight command object is not replaced");
        assertEquals(before.toString(), x.inflight(LIVE).toString(), "the inflight command is unchanged");
        assertEquals(r, x.inflight(LIVE).intentId());
        assertPending(LIVE, CommandType.CANCEL, 0, 0, c);
        assertReported(superseded(r2, LIVE, CommandType.REPLACE, Reason.DOMINATED_BY_PENDING));

        // EC5: the pending CANCEL waits for the key; processing does not send it
        out.clear();
        new QueueProcessor().process(x, d.cfg, d.advance(1_000_000_000L), false, out);
        assertTrue(out.dispatches.isEmpty(), "EC5: at most one inflight request per key");
        assertFalse(out.hasObligation, "SPEC §9: inflight gating alone yields no obligation");
        assertEquals(before.toString(), x.inflight(LIVE).toString());
    }

    @Test
    void sec7_dominanceNeverTouchesInflightWork_inflightNEW_thenNEWandCANCEL() {
        long n = admit(CommandType.NEW, FRESH, 1001, 2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        assertEquals(n, x.inflight(FRESH).intentId());
        String before = x.inflight(FRESH).toString();
        out.clear();
        long c = admit(CommandType.CANCEL, FRESH, 0, 0);
        // not "cancelled before submission": the NEW already left, so the CANCEL waits for the key
        assertPending(FRESH, CommandType.CANCEL, 0, 0, c);
        assertReported();
        assertEquals(before, x.inflight(FRESH).toString());
    }

    @Test
    void sec8_1_pendingREPLACE_whoseInflightNEWfailed_isDroppedNoLiveOrder() {
        admit(CommandType.NEW, FRESH, 1001, 2);
        new QueueProcessor().process(x, d.cfg, d.now(), false, out);
        long r = admit(CommandType.REPLACE, FRESH, 1003, 2);
        long t = d.tick();
        out.clear();
        var step = d.apply(new DispatchFailed(t, t, FRESH, "link down")); // F4: frees the key, no Order
        // the engine's step ran Queue Processing, which applied validity
        assertNull(x.queue().forKey(FRESH));
        assertEquals(0, x.inflight().size());
        assertNull(x.order(FRESH));
        assertEquals(Disposition.DROPPED, step.lastDispositionOf(r));
        assertEquals(Reason.NO_LIVE_ORDER, reasonOf(step, r));
        assertEquals(0, step.dispatchCount());
    }

    static Reason reasonOf(io.tradingchassis.core.step.StepResult r, long intentId) {
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
        d.apply(d.submittedNew(FRESH, Side.BUY, 1001, 2));
        assertEquals(c, x.queue().forKey(FRESH).intentId(), "still waiting for the NEW's answer (EC5)");
        long t = d.tick();
        var r = d.apply(new OrderRejected(t, t, FRESH, "post-only"));
        assertNull(x.queue().forKey(FRESH));
        assertEquals(Disposition.DROPPED, r.lastDispositionOf(c));
        assertEquals(Reason.TARGET_TERMINAL, reasonOf(r, c));
        assertEquals(0, r.dispatchCount());
    }

    @Test
    void configDefaultsAreUsed() {
        // guard: the fixture's default config has the SPEC default priority
        assertEquals(CoreConfiguration.DEFAULT_COMMAND_PRIORITY, d.cfg.commandPriority());
    }
}
