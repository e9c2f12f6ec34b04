package io.tradingchassis.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueProcessor;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.state.ExecutionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 step 4, R1–R3: each standard policy denies one past its limit and allows at it (limits are
 * inclusive), and never denies a CANCEL except where stated. State is built from real events.
 */
class RiskPoliciesTest {
    static final long MAX_QTY = 10;
    static final long MAX_POS = 20;
    static final long MAX_OPEN = 3;
    static final long BAND = 50;

    Driver d;

    @BeforeEach
    void setUp() {
        d = new Driver(QueueTestKit.config(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, BAND)));
        d.book(990, 5, 1010, 5); // mid = 1000
    }

    Reason verdict(RiskPolicy p, CommandType type, long key, Side side, long px, long qty) {
        return verdict(p, type, key, 0, side, px, qty);
    }

    Reason verdict(RiskPolicy p, CommandType type, long key, int inst, Side side, long px, long qty) {
        IntentBuffer in = new IntentBuffer();
        in.emit(CommandType.NEW, 999_999, 0, Side.BUY, 1, 1); // an unrelated Intent at index 0
        in.emit(type, key, inst, side, px, qty);
        return p.evaluate(d.state, d.cfg, in, 1); // the policy must read Intent i, not Intent 0
    }

    long admit(CommandType type, long key, Side side, long px, long qty) {
        ExecutionState x = d.x();
        long id = x.takeIntentId();
        DominanceQueue.admit(x, id, type, key, 0, side, px, qty, new Recorder());
        return id;
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
    void priceBand_inclusiveAroundMid_bothSides() {
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(1000, d.state.book(0).midTicks());
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000 + BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 1000 + BAND + 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.SELL, 1000 - BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.SELL, 1000 - BAND - 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000 - BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1000 + BAND + 1, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
    }

    @Test
    void priceBand_noMid_deniesNEWandREPLACE_allowsCANCEL() {
        Driver empty = new Driver(QueueTestKit.config(QueueTestKit.risk(MAX_QTY, MAX_POS, MAX_OPEN, BAND)));
        d = empty;
        RiskPolicy p = RiskPolicies.PRICE_BAND;
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        long t = d.tick();
        d.apply(new Bbo(t, t, 0, 980, 1, 1000, 1)); // a mid from the BBO feed alone: 990
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 990 + BAND, 1));
        assertEquals(Reason.PRICE_BAND, verdict(p, CommandType.NEW, 1, Side.BUY, 990 + BAND + 1, 1));
    }

    // ------------------------------------------------------------------ KILL_SWITCH

    @Test
    void killSwitch_deniesNEWandREPLACE_alwaysAllowsCANCEL() {
        RiskPolicy p = RiskPolicies.KILL_SWITCH;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        long t = d.tick();
        d.apply(new KillSwitch(t, t, true));
        assertEquals(Reason.KILL_SWITCH, verdict(p, CommandType.NEW, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.KILL_SWITCH, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        // and through the whole standard chain, a CANCEL passes under the kill switch
        RiskEngine std = new RiskEngine();
        IntentBuffer in = new IntentBuffer();
        in.cancel(1, 0, Side.BUY);
        assertEquals(Reason.NONE, std.check(d.state, d.cfg, in, 0));
        t = d.tick();
        d.apply(new KillSwitch(t, t, false));
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
        d.liveOrder(1, Side.BUY, 1000, 2);
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1001, 2));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, Side.SELL, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 1, Side.SELL, 0, 0));
        // target not yet an Order: the inflight NEW, else the pending NEW
        admit(CommandType.NEW, 502, Side.SELL, 1001, 1);
        new QueueProcessor().process(d.x(), d.cfg, d.now(), false, new Recorder());
        admit(CommandType.NEW, 501, Side.BUY, 999, 1);
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 502, Side.SELL, 0, 0));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 502, Side.BUY, 0, 0));
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 501, Side.BUY, 998, 1));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 501, Side.SELL, 998, 1));
        // nothing known for the key: left to the Queue (INVALID, NO_LIVE_ORDER)
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 9_999, Side.SELL, 0, 0));
        // NEW is never compared with anything
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 1, Side.SELL, 1000, 1));
    }

    @Test
    void wellFormed_REPLACE_mustNameItsOrdersInstrument() {
        d = new Driver(io.tradingchassis.core.config.CoreConfiguration.parse("{\"instruments\":["
                + QueueTestKit.INSTRUMENT + ",{\"symbol\":\"ETHUSDT\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"0.01\"}]}", "test"));
        d.liveOrder(1, Side.BUY, 1000, 2); // instrument 0
        RiskPolicy p = RiskPolicies.WELL_FORMED;
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, 0, Side.BUY, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.REPLACE, 1, 1, Side.BUY, 1001, 2));
        assertEquals(Reason.MALFORMED_INTENT, verdict(p, CommandType.CANCEL, 1, 1, Side.BUY, 0, 0));
    }

    // ------------------------------------------------------------------ MAX_POSITION

    /** position +4; live BUY key 1 with leaves 6; pending NEW BUY 3 (key 501); inflight NEW BUY 2 (502). */
    void buildExposure() {
        d.liveOrder(1, Side.BUY, 1000, 10);
        long t = d.tick();
        d.apply(new OrderFilled(t, t, 1, 4, 1000, 6));
        d.liveOrder(2, Side.SELL, 1005, 5);
        admit(CommandType.NEW, 502, Side.BUY, 999, 2);
        new QueueProcessor().process(d.x(), d.cfg, d.now(), false, new Recorder()); // 502 inflight, unrecorded
        admit(CommandType.NEW, 501, Side.BUY, 998, 3); // pending
        ExecutionState x = d.x();
        assertEquals(4, x.positionLots(0));
        assertEquals(CommandType.NEW, x.inflight().type(502));
        assertEquals(CommandType.NEW, x.queue().forKey(501).type());
    }

    @Test
    void maxPosition_NEW_countsPositionLiveLeavesPendingAndInflightNEWs() {
        buildExposure();
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        // 4 + 6 + 3 + 2 = 15: a BUY of 5 reaches 20 exactly, 6 goes past
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, MAX_POS - 15));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, MAX_POS - 15 + 1));
        // the SELL side counts only SELL exposure: 4 - (5 + q) >= -20  <=>  q <= 19
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 19));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 20));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
    }

    @Test
    void maxPosition_REPLACE_countsRemainingQtyOfTheTarget_notItsOldLeaves() {
        buildExposure();
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        // key 1: filled 4; others 3 + 2 = 5; projected = 4 + 5 + (q - 4) <= 20  <=>  q <= 15
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 15));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 16));
        // REPLACE over the pending NEW 501: excludes 501 itself: 4 + 6 + 2 + q <= 20  <=>  q <= 8
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 501, Side.BUY, 1000, 8));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.REPLACE, 501, Side.BUY, 1000, 9));
        // REPLACE of the inflight NEW 502: excludes 502: 4 + 6 + 3 + q <= 20  <=>  q <= 7
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 502, Side.BUY, 1000, 7));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.REPLACE, 502, Side.BUY, 1000, 8));
    }

    @Test
    void maxPosition_recordedNEW_isCountedOnce() {
        buildExposure();
        d.apply(d.submittedNew(502, Side.BUY, 999, 2)); // now an Order (Submitted), still inflight
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 5));
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 6));
    }

    @Test
    void maxPosition_beyondTheLimit_anIntentThatReducesTheWorstCaseIsAllowed() {
        d.liveOrder(1, Side.BUY, 1000, MAX_POS + 5);
        long t = d.tick();
        d.apply(new OrderFilled(t, t, 1, MAX_POS + 5, 1000, 0)); // long 25, past the limit of 20
        d.liveOrder(3, Side.BUY, 999, 10); // worst case long 35
        RiskPolicy p = RiskPolicies.MAX_POSITION;
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 2), "a SELL reduces (long 23 > 20)");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 1), "a BUY adds");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.NEW, 900, Side.SELL, 1000, 61),
                "flipping to short 36 is worse than long 25");
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 3, Side.BUY, 999, 5), "shrinking a BUY reduces");
        assertEquals(Reason.MAX_POSITION, verdict(p, CommandType.REPLACE, 3, Side.BUY, 999, 10),
                "same worst case is not a reduction");
    }

    // ------------------------------------------------------------------ MAX_OPEN_ORDERS

    @Test
    void maxOpenOrders_NEWdeniedAtMax_allowedAtMaxMinusOne_REPLACEandCANCELalways() {
        RiskPolicy p = RiskPolicies.MAX_OPEN_ORDERS;
        ExecutionState x = d.x();
        d.liveOrder(1, Side.BUY, 1000, 1); // 1 live
        admit(CommandType.NEW, 501, Side.BUY, 999, 1); // + 1 pending NEW
        assertEquals(2, RiskPolicies.openOrders(x));
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 1), "count == max - 1");
        admit(CommandType.NEW, 502, Side.BUY, 999, 1);
        new QueueProcessor().process(x, d.cfg, d.now(), false, new Recorder()); // 501 and 502 now inflight
        assertEquals(0, x.queue().size());
        assertEquals(3, RiskPolicies.openOrders(x), "unrecorded inflight NEWs count");
        assertEquals(Reason.MAX_OPEN_ORDERS, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 1), "count == max");
        assertEquals(Reason.NONE, verdict(p, CommandType.REPLACE, 1, Side.BUY, 1000, 1));
        assertEquals(Reason.NONE, verdict(p, CommandType.CANCEL, 1, Side.BUY, 0, 0));
        // recording a NEW does not double count it (Order in Submitted + inflight marker)
        d.apply(d.submittedNew(501, Side.BUY, 999, 1));
        assertEquals(3, RiskPolicies.openOrders(x));
        // a terminal order frees a slot
        long t = d.tick();
        d.apply(new io.tradingchassis.core.event.OrderCancelled(t, t, 1));
        assertEquals(2, RiskPolicies.openOrders(x));
        assertEquals(Reason.NONE, verdict(p, CommandType.NEW, 900, Side.BUY, 1000, 1));
    }

    @Test
    void maxOpenOrders_zero_deniesEveryNEW() {
        d = new Driver(QueueTestKit.config(QueueTestKit.risk(MAX_QTY, MAX_POS, 0, BAND)));
        assertEquals(Reason.MAX_OPEN_ORDERS, verdict(RiskPolicies.MAX_OPEN_ORDERS, CommandType.NEW, 1, Side.BUY,
                1000, 1));
    }

    // ------------------------------------------------------------------ the standard chain

    @Test
    void standardChain_order_firstDenialWins() {
        assertEquals(java.util.List.of(RiskPolicies.WELL_FORMED, RiskPolicies.KILL_SWITCH,
                RiskPolicies.MAX_ORDER_QTY, RiskPolicies.PRICE_BAND, RiskPolicies.MAX_POSITION,
                RiskPolicies.MAX_OPEN_ORDERS), RiskPolicies.STANDARD);
        RiskEngine std = new RiskEngine();
        long t = d.tick();
        d.apply(new KillSwitch(t, t, true));
        IntentBuffer in = new IntentBuffer();
        in.newOrder(1, 0, Side.BUY, 5000, MAX_QTY + 1); // kill switch, qty and band all fail
        assertEquals(Reason.KILL_SWITCH, std.check(d.state, d.cfg, in, 0));
        in.clear();
        in.newOrder(1, 0, Side.BUY, 0, MAX_QTY + 1); // malformed comes first
        assertEquals(Reason.MALFORMED_INTENT, std.check(d.state, d.cfg, in, 0));
        t = d.tick();
        d.apply(new KillSwitch(t, t, false));
        in.clear();
        in.newOrder(1, 0, Side.BUY, 5000, MAX_QTY + 1);
        assertEquals(Reason.MAX_ORDER_QTY, std.check(d.state, d.cfg, in, 0));
        in.clear();
        in.newOrder(1, 0, Side.BUY, 5000, MAX_QTY);
        assertEquals(Reason.PRICE_BAND, std.check(d.state, d.cfg, in, 0));
        in.clear();
        in.newOrder(1, 0, Side.BUY, 1000, MAX_QTY);
        assertEquals(Reason.NONE, std.check(d.state, d.cfg, in, 0));
    }
}
