package io.tradingchassis.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentView;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 step 4, R1–R3: each standard policy denies one past its limit and allows at it (limits are
 * inclusive), and never denies a CANCEL except where stated. State is built from real events and real
 * admissions; every policy is asked inside a real step, so it judges the engine's own {@link RiskView}
 * of State and the engine's own {@link IntentView} (see {@link Bench}).
 */
class RiskPoliciesTest {
    static final long MAX_QTY = 10;
    static final long MAX_POS = 20;
    static final long MAX_OPEN = 3;
    static final long BAND = 50;

    Bench b;

    @BeforeEach
    void setUp() {
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, BAND));
        b.book(990, 1010); // exact mid 1000
    }

    Reason verdict(RiskPolicy p, CommandType type, long key, Side side, long px, long qty) {
        return verdict(p, type, key, 0, side, px, qty);
    }

    Reason verdict(RiskPolicy p, CommandType type, long key, int inst, Side side, long px, long qty) {
        return b.verdict(p, new Intent(type, key, inst, side, px, qty));
    }

    static Planned ask(RiskPolicy p, CommandType type, long key, Side side, long px, long qty) {
        return Planned.ask(p::evaluate, new Intent(type, key, 0, side, px, qty));
    }

    // ------------------------------------------------------------------ MAX_ORDER_QTY

    @Test
    void maxOrderQty_inclusiveLimit_forNEWandREPLACE_CANCELunaffected() {
        RiskPolicy p = RiskPolicies.MAX_ORDER_QTY;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, MAX_QTY));
        assertEquals(Reason.MAX_ORDER_QTY, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, MAX_QTY + 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000, MAX_QTY));
        assertEquals(Reason.MAX_ORDER_QTY, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000, MAX_QTY + 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, MAX_QTY + 100));
    }

    // ------------------------------------------------------------------ PRICE_BAND

    @Test
    void priceBand_inclusiveAroundTheExactMid_bothSides() {
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(2000, b.bestBid() + b.bestAsk(), "exact mid 1000");
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000 + BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 1000 + BAND + 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.SELL, 1000 - BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 1000 - BAND - 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000 - BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000 + BAND + 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
    }

    @Test
    void priceBand_halfTickMid_aBuyAndASellEquallyFarFromTheExactMidGetTheSameVerdict() {
        // The case: bid 100, ask 101, band 10. The exact mid is 100.5; a floored mid (100) would
        // allow a buy at 90 (10 below 100) but deny a sell at 111 (11 above), though both are 10.5 ticks
        // from the market. Allowed iff |2·price − (bid + ask)| <= 2·band, i.e. |2p − 201| <= 20.
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, 10));
        b.book(100, 101);
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 90, 1), "|180 − 201| = 21 > 20");
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 111, 1), "|222 − 201| = 21 > 20");
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 91, 1), "|182 − 201| = 19");
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.SELL, 110, 1), "|220 − 201| = 19");
        // The verdict depends on the distance only, never on the side: every price, both sides, in one step.
        List<Planned> plan = new ArrayList<>();
        for (long px = 85; px <= 116; px++) {
            plan.add(ask(p, CommandType.NEW, 1, Side.BUY, px, 1));
            plan.add(ask(p, CommandType.REPLACE, 1, Side.SELL, px, 1));
        }
        List<Object> answers = b.run(plan.toArray(new Planned[0]));
        for (int i = 0; i < answers.size(); i += 2) {
            long px = 85 + i / 2;
            Reason expected = px >= 91 && px <= 110 ? Reason.NONE : Reason.PRICE_BAND;
            assertEquals(expected, answers.get(i), "BUY at " + px);
            assertEquals(expected, answers.get(i + 1), "SELL at " + px);
        }
    }

    @Test
    void priceBand_zeroBand_onlyTheExactMidItself() {
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, 0));
        b.book(100, 102); // exact mid 101
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 101, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 100, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 102, 1));
        b.book(100, 101); // exact mid 100.5: no whole tick is 0 ticks from it
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 100, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 101, 1));
    }

    @Test
    void priceBand_overflowNearLongMax_isDenied_neverAnException() {
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        // 2·price overflows (either sign): denied, not thrown (a thrown exception would be the answer)
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, Long.MAX_VALUE, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, Long.MAX_VALUE / 2 + 1, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.REPLACE, 1, Side.SELL, Long.MIN_VALUE, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, Long.MIN_VALUE / 2 - 1, 1));
        // bid + ask overflows: a book at the top of the long range
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, CoreConfiguration.MAX_EXACT_INTEGER));
        b.book(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, Long.MAX_VALUE, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 1, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, Long.MAX_VALUE / 2, 1));
        // and through the whole standard chain: a denial, never POLICY_ERROR
        RiskEngine std = new RiskEngine();
        assertEquals(Reason.PRICE_BAND, b.verdict(std::check, new Intent(CommandType.NEW, 1, 0, Side.BUY,
                Long.MAX_VALUE, 1)));
    }

    @Test
    void priceBand_noMid_deniesNEWandREPLACE_allowsCANCEL() {
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, BAND));
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        b.apply(new BookDelta(b.d.tick(), b.d.now(), 0, BookSide.BID, 990, 5));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 990, 1), "one side only: no mid");
        b.apply(new BookDelta(b.d.tick(), b.d.now(), 0, BookSide.BID, 990, 0)); // empty again
        long t = b.d.tick();
        b.apply(new Bbo(t, t, 0, 980, 1, 1000, 1)); // a mid from the BBO feed alone: exact mid 990
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 990 + BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 990 + BAND + 1, 1));
    }

    // ------------------------------------------------------------------ KILL_SWITCH

    @Test
    void killSwitch_deniesNEWandREPLACE_alwaysAllowsCANCEL() {
        RiskPolicy p = RiskPolicies.KILL_SWITCH;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        long t = b.d.tick();
        b.apply(new KillSwitch(t, t, true));
        assertEquals(Reason.KILL_SWITCH, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.KILL_SWITCH, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        // and through the whole standard chain, a CANCEL passes under the kill switch
        RiskEngine std = new RiskEngine();
        assertEquals(Reason.NONE, b.verdict(std::check, new Intent(CommandType.CANCEL, 1, 0, Side.BUY, 0, 0)));
        t = b.d.tick();
        b.apply(new KillSwitch(t, t, false));
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
    }

    // ------------------------------------------------------------------ WELL_FORMED

    @Test
    void wellFormed_instrumentPriceQuantity() {
        RiskPolicy p = RiskPolicies.WELL_FORMED;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, 0, Side.BUY, 1, 1), "1 tick, 1 lot: smallest valid");
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.NEW, 1, 0, Side.BUY, 0, 1));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.NEW, 1, 0, Side.BUY, 1, 0));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, 0, Side.BUY, -5, 1));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, 0, Side.BUY, 5, -1));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.NEW, 1, 1, Side.BUY, 1000, 1),
                "instrument 1 is not configured (one instrument)");
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 1, -1, Side.BUY, 0, 0));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, 0, Side.BUY, 0, 0), "CANCEL carries 0/0");
    }

    @Test
    void wellFormed_REPLACEandCANCEL_mustNameTheirTargetsInstrumentAndSide() {
        RiskPolicy p = RiskPolicies.WELL_FORMED;
        b.liveOrder(1, 0, Side.BUY, 1000, 2);
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1001, 2));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 1, Side.SELL, 0, 0));
        // target not yet an Order: the inflight NEW 501, else the pending NEW 502 (admitted in the same
        // step, just before the questions: admission precedes the next Intent's Risk check)
        b.inflightNew(501, Side.SELL, 1001, 1);
        List<Object> answers = b.run(
                Planned.admit(new Intent(CommandType.NEW, 502, 0, Side.BUY, 999, 1)),
                ask(p, CommandType.CANCEL, 501, Side.SELL, 0, 0),
                ask(p, CommandType.CANCEL, 501, Side.BUY, 0, 0),
                ask(p, CommandType.REPLACE, 502, Side.BUY, 998, 1),
                ask(p, CommandType.REPLACE, 502, Side.SELL, 998, 1),
                // nothing known for the key: left to the Queue (INVALID, NO_LIVE_ORDER)
                ask(p, CommandType.CANCEL, 9_999, Side.SELL, 0, 0),
                // NEW is never compared with anything
                ask(p, CommandType.NEW, 1, Side.SELL, 1000, 1));
        assertEquals(List.of(Reason.NONE, Reason.MALFORMED_INTENT, Reason.NONE, Reason.MALFORMED_INTENT,
                Reason.NONE, Reason.NONE), answers);
    }

    @Test
    void wellFormed_REPLACE_mustNameItsOrdersInstrument() {
        b = new Bench(List.of(QueueTestKit.INSTRUMENT, "{\"symbol\":\"ETHUSDT\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"0.01\"}"), "");
        b.liveOrder(1, 0, Side.BUY, 1000, 2); // instrument 0
        RiskPolicy p = RiskPolicies.WELL_FORMED;
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, 0, Side.BUY, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, 1, Side.BUY, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 1, 1, Side.BUY, 0, 0));
    }

    // ------------------------------------------------------------------ MAX_POSITION

    /**
     * position +4; live BUY key 1 with leaves 6; live SELL key 2 (5); inflight, unrecorded NEW BUY 2
     * (key 501). The pending NEW BUY 3 (key 502) is {@link #PENDING_502}, admitted in the asking step.
     */
    void buildExposure() {
        b.liveOrder(1, 0, Side.BUY, 1000, 10);
        long t = b.d.tick();
        b.apply(new OrderFilled(t, t, 1, 4, 1000, 6));
        b.liveOrder(2, 0, Side.SELL, 1005, 5);
        b.inflightNew(501, Side.BUY, 999, 2);
        ExecutionState x = b.d.x();
        assertEquals(4, x.positions().positionLots(0));
        assertEquals(CommandType.NEW, x.inflight().type(501));
        assertFalse(x.inflight().recorded(501), "dispatched, not yet recorded");
        assertNull(x.orders().get(501));
    }

    static final Planned PENDING_502 = Planned.admit(new Intent(CommandType.NEW, 502, 0, Side.BUY, 998, 3));

    /** Asserts the NEW 502 planned first in the last step entered the Queue (it went out only after Risk). */
    void assertPending502EnteredTheQueue(StepResult r) {
        boolean found = false;
        for (int i = 0; i < r.dispositionCount(); i++) {
            found |= r.dispositionOrderKey(i) == 502 && r.disposition(i) == Disposition.DISPATCHED;
        }
        assertTrue(found, () -> "502 entered the Queue in the asking step (dispatched only after Risk): " + r);
    }

    @Test
    void maxPosition_NEW_countsPositionLiveLeavesPendingAndInflightNEWs() {
        buildExposure();
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        List<Object> answers = b.run(PENDING_502,
                // 4 + 6 + 3 + 2 = 15: a BUY of 5 reaches 20 exactly, 6 goes past
                ask(p, CommandType.NEW, 900, Side.BUY, 1000, MAX_POS - 15),
                ask(p, CommandType.NEW, 900, Side.BUY, 1000, MAX_POS - 15 + 1),
                // the SELL side counts only SELL exposure: 4 - (5 + q) >= -20  <=>  q <= 19
                ask(p, CommandType.NEW, 900, Side.SELL, 1000, 19),
                ask(p, CommandType.NEW, 900, Side.SELL, 1000, 20),
                ask(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        assertEquals(List.of(Reason.NONE, Reason.MAX_POSITION, Reason.NONE, Reason.MAX_POSITION, Reason.NONE),
                answers);
        assertPending502EnteredTheQueue(b.last);
    }

    @Test
    void maxPosition_REPLACE_countsRemainingQtyOfTheTarget_notItsOldLeaves() {
        buildExposure();
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        List<Object> answers = b.run(PENDING_502,
                // key 1: filled 4; others 3 + 2 = 5; projected = 4 + 5 + (q - 4) <= 20  <=>  q <= 15
                ask(p, CommandType.REPLACE, 1, Side.BUY, 1000, 15),
                ask(p, CommandType.REPLACE, 1, Side.BUY, 1000, 16),
                // REPLACE over the pending NEW 502: excludes 502 itself: 4 + 6 + 2 + q <= 20  <=>  q <= 8
                ask(p, CommandType.REPLACE, 502, Side.BUY, 1000, 8),
                ask(p, CommandType.REPLACE, 502, Side.BUY, 1000, 9),
                // REPLACE of the inflight NEW 501: excludes 501: 4 + 6 + 3 + q <= 20  <=>  q <= 7
                ask(p, CommandType.REPLACE, 501, Side.BUY, 1000, 7),
                ask(p, CommandType.REPLACE, 501, Side.BUY, 1000, 8));
        assertEquals(List.of(Reason.NONE, Reason.MAX_POSITION, Reason.NONE, Reason.MAX_POSITION, Reason.NONE,
                Reason.MAX_POSITION), answers);
        assertPending502EnteredTheQueue(b.last);
    }

    @Test
    void maxPosition_recordedNEW_isCountedOnce() {
        buildExposure();
        b.record(501); // now an Order (Submitted), its request still inflight
        assertNotNull(b.d.x().orders().get(501));
        assertNotNull(b.d.x().inflight().get(501));
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        List<Object> answers = b.run(PENDING_502,
                ask(p, CommandType.NEW, 900, Side.BUY, 1000, 5),
                ask(p, CommandType.NEW, 900, Side.BUY, 1000, 6));
        assertEquals(List.of(Reason.NONE, Reason.MAX_POSITION), answers);
    }

    @Test
    void maxPosition_beyondTheLimit_anIntentThatReducesTheWorstCaseIsAllowed() {
        b.liveOrder(1, 0, Side.BUY, 1000, MAX_POS + 5);
        long t = b.d.tick();
        StepResult fill = b.apply(new OrderFilled(t, t, 1, MAX_POS + 5, 1000, 0)); // long 25, past the limit of 20
        assertEquals(1, fill.transitionCount());
        assertNull(b.d.x().orders().get(1), "filled: terminal, retired at the end of its step");
        b.liveOrder(3, 0, Side.BUY, 999, 10); // worst case long 35
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 2),
                "a SELL reduces (long 23 > 20)");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 1), "a BUY adds");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 61),
                "flipping to short 36 is worse than long 25");
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 3, Side.BUY, 999, 5), "shrinking a BUY reduces");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.REPLACE, 3, Side.BUY, 999, 10),
                "same worst case is not a reduction");
    }

    // ------------------------------------------------------------------ MAX_OPEN_ORDERS

    static final Probe OPEN_ORDERS = (v, c, in) -> v.openOrderCount();

    @Test
    void maxOpenOrders_NEWdeniedAtMax_allowedAtMaxMinusOne_REPLACEandCANCELalways() {
        RiskPolicy p = RiskPolicies.MAX_OPEN_ORDERS;
        Intent newOne = new Intent(CommandType.NEW, 900, 0, Side.BUY, 1000, 1);
        b.liveOrder(1, 0, Side.BUY, 1000, 1); // 1 live
        List<Object> answers = b.run(
                Planned.admit(new Intent(CommandType.NEW, 501, 0, Side.BUY, 999, 1)), // + 1 pending NEW
                Planned.ask(OPEN_ORDERS, newOne),
                Planned.ask(p::evaluate, newOne));
        assertEquals(List.of(2L, Reason.NONE), answers, "count == max - 1");
        b.inflightNew(502, Side.BUY, 999, 1); // 501 went out at the end of the asking step; 502 now too
        ExecutionState x = b.d.x();
        assertEquals(0, x.queue().size());
        assertEquals(CommandType.NEW, x.inflight().type(501));
        assertEquals(CommandType.NEW, x.inflight().type(502));
        answers = b.run(Planned.ask(OPEN_ORDERS, newOne), Planned.ask(p::evaluate, newOne),
                ask(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1),
                ask(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        assertEquals(List.of(3L, Reason.MAX_OPEN_ORDERS, Reason.NONE, Reason.NONE), answers,
                "unrecorded inflight NEWs count; count == max");
        // recording a NEW does not double count it (Order in Submitted + inflight marker)
        b.record(501);
        assertEquals(3L, b.run(Planned.ask(OPEN_ORDERS, newOne)).get(0));
        // a terminal order frees a slot (and retires)
        long t = b.d.tick();
        b.apply(new OrderCancelled(t, t, 1, OrderCancelled.UNSOLICITED));
        assertNull(x.orders().get(1));
        answers = b.run(Planned.ask(OPEN_ORDERS, newOne), Planned.ask(p::evaluate, newOne));
        assertEquals(List.of(2L, Reason.NONE), answers);
    }

    @Test
    void maxOpenOrders_zero_deniesEveryNEW() {
        b = new Bench(QueueTestKit.risk(MAX_QTY, MAX_POS, 0, BAND));
        assertEquals(Reason.MAX_OPEN_ORDERS, verdict(RiskPolicies.MAX_OPEN_ORDERS, CommandType.NEW, 1, Side.BUY,
                1000, 1));
        assertEquals(Reason.NONE, verdict(RiskPolicies.MAX_OPEN_ORDERS, CommandType.CANCEL, 1, Side.BUY, 0, 0));
    }

    // ------------------------------------------------------------------ the standard chain

    @Test
    void standardChain_order_firstDenialWins() {
        assertEquals(List.of(RiskPolicies.WELL_FORMED, RiskPolicies.KILL_SWITCH,
                RiskPolicies.MAX_ORDER_QTY, RiskPolicies.PRICE_BAND, RiskPolicies.MAX_POSITION,
                RiskPolicies.MAX_OPEN_ORDERS), RiskPolicies.STANDARD);
        RiskPolicy std = new RiskEngine()::check;
        long t = b.d.tick();
        b.apply(new KillSwitch(t, t, true));
        // kill switch, qty and band all fail
        assertEquals(Reason.KILL_SWITCH, verdict(std, CommandType.NEW, 1, Side.BUY, 5000, MAX_QTY + 1));
        // malformed comes first
        assertEquals(Reason.MALFORMED_INTENT, verdict(std, CommandType.NEW, 1, Side.BUY, 0, MAX_QTY + 1));
        t = b.d.tick();
        b.apply(new KillSwitch(t, t, false));
        assertEquals(Reason.MAX_ORDER_QTY, verdict(std, CommandType.NEW, 1, Side.BUY, 5000, MAX_QTY + 1));
        assertEquals(Reason.PRICE_BAND, verdict(std, CommandType.NEW, 1, Side.BUY, 5000, MAX_QTY));
        assertEquals(Reason.NONE, verdict(std, CommandType.NEW, 1, Side.BUY, 1000, MAX_QTY));
    }

    @Test
    void theEngineChecksEachIntentWithItsOwnView_notTheFirstIntentOfTheStep() {
        // Every question of a step follows a decoy Intent (see Bench#verdict); the gate also compares the
        // IntentView the engine hands over with what the Strategy emitted. Here two questions in one step
        // get different verdicts from the same policy.
        List<Object> answers = b.run(ask(RiskPolicies.MAX_ORDER_QTY, CommandType.NEW, 1, Side.BUY, 1000, MAX_QTY + 1),
                ask(RiskPolicies.MAX_ORDER_QTY, CommandType.NEW, 2, Side.BUY, 1000, MAX_QTY));
        assertEquals(List.of(Reason.MAX_ORDER_QTY, Reason.NONE), answers);
    }

    // ================================================================== the bench

    /** What the gate asks about one Intent, given the engine's views: a policy's verdict, or any read. */
    @FunctionalInterface
    interface Probe {
        Object answer(RiskView view, CoreConfiguration cfg, IntentView intent);
    }

    /** An Intent as the bench's Strategy emits it; an IntentView so it can be judged and compared. */
    record Intent(CommandType type, long orderKey, int instrument, Side side, long priceTicks, long qtyLots)
            implements IntentView {
        @Override
        public TimeInForce timeInForce() {
            return TimeInForce.GTC;
        }

        static Intent of(IntentView v) {
            return new Intent(v.type(), v.orderKey(), v.instrument(), v.side(), v.priceTicks(), v.qtyLots());
        }
    }

    /** One Intent of a step's plan and what the gate does with it. */
    record Planned(Intent intent, Probe probe) {
        /** The gate allows it: it enters the Queue like any allowed Intent. */
        static final Probe ADMIT = (v, c, in) -> Reason.NONE;
        /** The gate denies it without asking anything. */
        static final Probe DECOY = (v, c, in) -> {
            throw new AssertionError("a decoy is never asked");
        };

        static Planned admit(Intent in) {
            return new Planned(in, ADMIT);
        }

        static Planned ask(Probe p, Intent in) {
            return new Planned(in, p);
        }
    }

    /**
     * A real engine whose only risk policy is a gate. A scripted Strategy emits the Intents a test plans
     * at the next decision (a Control-Time event); the engine calls the gate once per Intent, in order,
     * with its real {@link RiskView} (State after derivation and after the step's earlier admissions)
     * and its real {@link IntentView}. The gate checks the Intent is the one planned, asks the planned
     * {@link Probe} and records the answer, then denies it — so asking never changes the Queue — or, for
     * {@link Planned#ADMIT}, allows it. Anything a probe throws is recorded as its answer.
     */
    static final class Bench {
        static final String STRATEGY_ID = "risk-bench";
        static final Intent DECOY_INTENT = new Intent(CommandType.NEW, 999_999, 0, Side.BUY, 1, 1);

        final Driver d;
        StepResult last;
        private final ArrayDeque<Planned> toEmit = new ArrayDeque<>();
        private final ArrayDeque<Planned> toJudge = new ArrayDeque<>();
        private final List<Object> answers = new ArrayList<>();
        private final List<String> gateErrors = new ArrayList<>();
        private long lastBid;
        private long lastAsk;

        /** One instrument (index 0) plus {@code extraFields} (JSON members or ""). */
        Bench(String extraFields) {
            this(List.of(QueueTestKit.INSTRUMENT), extraFields);
        }

        Bench(List<String> instruments, String extraFields) {
            Strategy script = (view, out) -> {
                while (!toEmit.isEmpty()) {
                    Planned p = toEmit.poll();
                    Intent i = p.intent();
                    out.emit(i.type(), i.orderKey(), i.instrument(), i.side(), i.priceTicks(), i.qtyLots());
                    toJudge.add(p);
                }
            };
            RiskPolicy gate = (view, cfg, in) -> {
                Planned p = toJudge.poll();
                if (p == null || !p.intent().equals(Intent.of(in))) {
                    gateErrors.add("the gate was asked about " + Intent.of(in) + " but the plan says " + p);
                    return Reason.POLICY_ERROR;
                }
                if (p.probe() == Planned.ADMIT) {
                    return Reason.NONE;
                }
                if (p.probe() != Planned.DECOY) {
                    Object a;
                    try {
                        a = p.probe().answer(view, cfg, in);
                    } catch (Throwable t) {
                        a = t;
                    }
                    answers.add(a);
                }
                return Reason.POLICY_ERROR; // a denial: questions never enter the Queue
            };
            String json = "{\"instruments\":[" + String.join(",", instruments) + "]"
                    + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
            CoreConfiguration cfg = TestStrategies.config(json, STRATEGY_ID, script);
            d = new Driver(cfg, new CoreEngine(new RiskEngine(List.of(gate))));
        }

        StepResult apply(Event e) {
            last = d.apply(e);
            return last;
        }

        /** Moves the top of book to one bid and one ask level (the previous ones removed). */
        void book(long bid, long ask) {
            long t = d.tick();
            apply(new BookDelta(t, t, 0, BookSide.BID, bid, 5));
            t = d.tick();
            apply(new BookDelta(t, t, 0, BookSide.ASK, ask, 5));
            if (lastBid != 0 && lastBid != bid) {
                t = d.tick();
                apply(new BookDelta(t, t, 0, BookSide.BID, lastBid, 0));
            }
            if (lastAsk != 0 && lastAsk != ask) {
                t = d.tick();
                apply(new BookDelta(t, t, 0, BookSide.ASK, lastAsk, 0));
            }
            lastBid = bid;
            lastAsk = ask;
            assertEquals(bid, bestBid());
            assertEquals(ask, bestAsk());
        }

        long bestBid() {
            return d.state.market().bookOrNull(0).bestBidTicks();
        }

        long bestAsk() {
            return d.state.market().bookOrNull(0).bestAskTicks();
        }

        /**
         * One step (a Control-Time event) in which the Strategy emits {@code plan} in order; returns the
         * answers of the asking entries, in order.
         */
        List<Object> run(Planned... plan) {
            answers.clear();
            gateErrors.clear();
            toEmit.addAll(Arrays.asList(plan));
            long t = d.tick();
            apply(new ControlTime(t, t, t, ControlTimeReason.RATE_LIMIT_RECOVERY));
            assertEquals(List.of(), gateErrors);
            assertTrue(toEmit.isEmpty() && toJudge.isEmpty(), () -> "the plan was not played out: " + last);
            assertNull(last.strategyFailure());
            long asks = Arrays.stream(plan).filter(p -> p.probe() != Planned.ADMIT && p.probe() != Planned.DECOY)
                    .count();
            assertEquals(asks, answers.size());
            return List.copyOf(answers);
        }

        /** The verdict of {@code p} on {@code in}, asked as the second Intent of its step (after a decoy). */
        Reason verdict(RiskPolicy p, Intent in) {
            Object a = run(new Planned(DECOY_INTENT, Planned.DECOY), Planned.ask(p::evaluate, in)).get(0);
            if (a instanceof Throwable t) {
                throw new AssertionError("the policy threw instead of giving a verdict: " + t, t);
            }
            return (Reason) a;
        }

        /** A NEW admitted and dispatched in one step; it stays inflight, unrecorded. */
        DispatchRequest inflightNew(long key, Side side, long px, long qty) {
            run(Planned.admit(new Intent(CommandType.NEW, key, 0, side, px, qty)));
            for (int i = 0; i < last.dispatchCount(); i++) {
                if (last.dispatchOrderKey(i) == key) {
                    return last.dispatch(i);
                }
            }
            throw new AssertionError("NEW " + key + " was not dispatched: " + last);
        }

        /** The key's inflight request is recorded (OrderSubmitted naming its request id). */
        void record(long key) {
            PendingCommand c = d.x().inflight().get(key);
            assertNotNull(c, "nothing inflight for " + key);
            long t = d.tick();
            apply(new OrderSubmitted(t, t, key, c.requestId(), c.toOrderCommand()));
        }

        /** An Accepted Order with nothing inflight: NEW dispatched by the core, recorded, accepted. */
        void liveOrder(long key, int inst, Side side, long px, long qty) {
            run(Planned.admit(new Intent(CommandType.NEW, key, inst, side, px, qty)));
            assertEquals(CommandType.NEW, d.x().inflight().type(key), () -> "not dispatched: " + last);
            record(key);
            long t = d.tick();
            apply(new OrderAccepted(t, t, key));
            assertNull(d.x().inflight().get(key));
        }
    }
}
