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
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.risk.RiskPolicy;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.strategy.MarketMakerStrategy;
import io.tradingchassis.core.strategy.OrderKeys;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with the shipped {@code market-maker} selected by configuration: the §8.3/§9 rate
 * limit and obligations end to end, inflight gating without obligation, the kill switch (KillSwitch is
 * a Control event, not a default decision trigger), and R1/R3 with a failing Risk.
 */
class ExecutionPipelineMarketMakerTest {
    static final long SEC = 1_000_000_000L;
    static final String MM = QueueTestKit.strategy(MarketMakerStrategy.ID,
            "\"halfSpreadTicks\":2,\"quoteQtyLots\":3,\"skewTicksPerLot\":0,\"replaceThresholdTicks\":1");

    static Driver driver(String extra) {
        return new Driver(QueueTestKit.config(MM + (extra.isEmpty() ? "" : "," + extra)));
    }

    static List<String> dispatched(StepResult r) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < r.dispatchCount(); i++) {
            l.add(r.dispatchType(i) + ":" + r.dispatchSide(i) + ":" + r.dispatchPriceTicks(i));
        }
        return l;
    }

    /** The runtime's dispatch record of a dispatch request: it names the request id (SPEC §6). */
    static StepResult record(Driver d, DispatchRequest c) {
        long t = d.now();
        return d.apply(new OrderSubmitted(t, t, c.orderKey(), c.requestId(), c.command()));
    }

    /** The dispatch record of the key's inflight request, read back from State. */
    static StepResult record(Driver d, PendingCommand c) {
        long t = d.now();
        return d.apply(new OrderSubmitted(t, t, c.orderKey(), c.requestId(), c.toOrderCommand()));
    }

    static StepResult accept(Driver d, long key) {
        long t = d.tick();
        return d.apply(new OrderAccepted(t, t, key));
    }

    /** Book 990/1010, both quotes dispatched, recorded and accepted; returns {bidKey, askKey}. */
    static long[] quoting(Driver d) {
        StepResult r = d.book(990, 5, 1010, 5);
        assertEquals(2, r.dispatchCount(), r.toString());
        long bid = r.dispatch(0).orderKey();
        long ask = r.dispatch(1).orderKey();
        record(d, r.dispatch(0));
        record(d, r.dispatch(1));
        accept(d, bid);
        accept(d, ask);
        assertEquals(2, d.x().orders().liveCount());
        assertEquals(0, d.x().inflight().size());
        return new long[] {bid, ask};
    }

    @Test
    void sec8_3_sec9_marketMaker_twoNEWs_capacity1_obligationRealizedByControlTime() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        StepResult r = d.book(990, 5, 1010, 5);
        long t = d.now();
        long p = d.state.lastPosition();
        assertEquals(List.of("NEW:BUY:998"), dispatched(r), "bid first: FIFO among NEWs");
        assertTrue(r.hasObligation());
        assertEquals(t + SEC, r.obligationDeadlineNs());
        assertEquals(OrderKeys.fresh(p, 1), r.obligationScopeKey());
        assertEquals(Disposition.PENDING, r.lastDispositionOf(d.x().queue().forKey(OrderKeys.fresh(p, 1)).intentId()));

        record(d, r.dispatch(0));
        d.at(t + SEC / 2);
        r = d.apply(new Trade(d.now(), d.now(), 0, Side.SELL, 990, 1)); // mid unchanged
        assertTrue(r.strategyRan());
        assertEquals(0, r.dispositionCount(), "quotes already working: no new Intents");
        assertEquals(0, r.dispatchCount(), "an earlier event dispatches nothing");
        assertEquals(t + SEC, r.obligationDeadlineNs(), "same deadline");

        long deadline = r.obligationDeadlineNs();
        d.at(deadline);
        r = d.apply(new ControlTime(deadline, deadline, deadline, ControlTimeReason.RATE_LIMIT_RECOVERY));
        assertEquals(List.of("NEW:SELL:1002"), dispatched(r));
        assertFalse(r.hasObligation(), "nothing rate-blocked remains: cleared");
    }

    @Test
    void sec9_marketMaker_requoteOfInflightNEWs_waitsWithoutObligation() {
        Driver d = driver(QueueTestKit.rateLimit(10, 1));
        StepResult r = d.book(990, 5, 1010, 5);
        long bid = r.dispatch(0).orderKey();
        long ask = r.dispatch(1).orderKey();
        long t = d.tick();
        r = d.apply(new BookDelta(t, t, 0, BookSide.BID, 996, 5)); // mid 1003: both quotes move by 3
        assertEquals(0, r.dispatchCount());
        assertFalse(r.hasObligation(), "blocked only by inflight gating (EC5)");
        assertEquals(2, r.dispositionCount());
        for (int i = 0; i < 2; i++) {
            assertEquals(Disposition.PENDING, r.disposition(i));
            assertEquals(Reason.INFLIGHT, r.dispositionReason(i));
            assertEquals(CommandType.REPLACE, r.dispositionType(i));
        }
        assertEquals(1001, d.x().queue().forKey(bid).priceTicks());
        // the venue's answer re-triggers processing: recorded and accepted → the REPLACE leaves
        PendingCommand bidNew = d.x().inflight().get(bid);
        record(d, bidNew);
        r = accept(d, bid);
        assertEquals(List.of("REPLACE:BUY:1001"), dispatched(r));
        assertEquals(CommandType.REPLACE, d.x().queue().forKey(ask).type(), "the ask still waits for its NEW");
    }

    @Test
    void killSwitch_defaultTrigger_marketMakerCancelsOnTheNextMarketEvent_andNeverQuotesAgain() {
        Driver d = driver("");
        long[] keys = quoting(d);
        long t = d.tick();
        StepResult r = d.apply(new KillSwitch(t, t, true));
        assertFalse(r.strategyRan(), "KillSwitch is a Control event: not a default decision trigger");
        assertEquals(0, r.dispositionCount());

        t = d.tick();
        r = d.apply(new BookDelta(t, t, 0, BookSide.BID, 995, 5)); // the mid moves too
        assertEquals(List.of("CANCEL:BUY:0", "CANCEL:SELL:0"), dispatched(r));
        for (int i = 0; i < r.dispositionCount(); i++) {
            assertEquals(CommandType.CANCEL, r.dispositionType(i), "no NEW, no REPLACE under the kill switch");
        }
        DispatchRequest cancelBid = r.dispatch(0);
        DispatchRequest cancelAsk = r.dispatch(1);
        assertEquals(keys[0], cancelBid.orderKey());
        assertEquals(keys[1], cancelAsk.orderKey());
        record(d, cancelBid);
        record(d, cancelAsk);
        t = d.tick();
        r = d.apply(new BookDelta(t, t, 0, BookSide.ASK, 1020, 5));
        assertEquals(0, r.dispositionCount(), "already cancelling: nothing more");
        t = d.tick();
        d.apply(new OrderCancelled(t, t, keys[0], cancelBid.requestId()));
        t = d.tick();
        r = d.apply(new OrderCancelled(t, t, keys[1], cancelAsk.requestId()));
        assertEquals(1, r.transitionCount());
        assertEquals(keys[1], r.transitionOrderId(0));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertEquals(0, r.dispositionCount());
        assertEquals(0, d.x().orders().liveCount());
        assertNull(d.x().orders().get(keys[0]), "cancelled orders retire");
        assertNull(d.x().orders().get(keys[1]), "cancelled orders retire");
        assertEquals(0, d.x().inflight().size(), "the CANCELs' answers released both keys");
        for (int k = 0; k < 5; k++) {
            t = d.tick();
            r = d.apply(new BookDelta(t, t, 0, BookSide.BID, 980 + k, 5));
            assertTrue(r.strategyRan());
            assertEquals(0, r.dispositionCount(), "kill switch on: the market maker emits no NEW");
        }
        // switched off: it quotes again on the next decision
        t = d.tick();
        d.apply(new KillSwitch(t, t, false));
        t = d.tick();
        r = d.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
        assertEquals(2, r.dispatchCount());
        assertEquals(CommandType.NEW, r.dispatch(0).type());
    }

    @Test
    void killSwitch_inTheDecisionTrigger_cancelsInTheKillSwitchStepItself() {
        Driver d = driver("\"decisionTrigger\":{\"eventTypes\":[\"BOOK_DELTA\",\"TRADE\",\"ORDER_ACCEPTED\","
                + "\"KILL_SWITCH\",\"CONTROL_TIME\"]}");
        quoting(d);
        long t = d.tick();
        StepResult r = d.apply(new KillSwitch(t, t, true));
        assertTrue(r.strategyRan());
        assertEquals(List.of("CANCEL:BUY:0", "CANCEL:SELL:0"), dispatched(r));
    }

    @Test
    void killSwitch_pendingNEWisDroppedInTheSwitchStep_inflightNEWgetsAPendingCANCEL() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        StepResult r = d.book(990, 5, 1010, 5);
        long p = d.state.lastPosition();
        long bid = OrderKeys.fresh(p, 0);
        long ask = OrderKeys.fresh(p, 1);
        long askIntent = d.x().queue().forKey(ask).intentId();
        long t = d.tick();
        r = d.apply(new KillSwitch(t, t, true));
        assertNull(d.x().queue().forKey(ask), "nothing is sent for the ask");
        assertEquals(Disposition.DROPPED, r.lastDispositionOf(askIntent), "SPEC §8.1 validity under the kill switch");
        t = d.tick();
        r = d.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
        assertEquals(0, r.dispatchCount());
        assertEquals(CommandType.CANCEL, d.x().queue().forKey(bid).type(), "the bid's NEW already left");
        assertFalse(r.hasObligation(), "the CANCEL waits for the inflight NEW (EC5), not for a token");
    }

    /**
     * R3 and the kill switch: a NEW allowed before the switch went on and still waiting for a token is
     * dropped by validity (SPEC §8.1) when the switch is on, even when the KillSwitch event arrives at
     * the obligation's deadline (no ControlTime is injected first).
     */
    @Test
    void killSwitch_pendingNEW_isDroppedNotDispatched_afterTheSwitchWentOn() {
        Driver d = driver(QueueTestKit.rateLimit(1, 1));
        StepResult r = d.book(990, 5, 1010, 5);
        long deadline = r.obligationDeadlineNs();
        assertEquals(1, d.x().queue().size(), "one quote waits for a token");
        long pendingKey = d.x().queue().at(0).orderKey();
        record(d, r.dispatch(0));
        d.at(deadline);
        r = d.apply(new KillSwitch(deadline, deadline, true));
        assertEquals(0, r.dispatchCount(), "a NEW left after the kill switch went on: " + r);
        assertEquals(0, d.x().queue().size());
        boolean dropped = false;
        for (int i = 0; i < r.dispositionCount(); i++) {
            if (r.dispositionOrderKey(i) == pendingKey && r.disposition(i) == Disposition.DROPPED
                    && r.dispositionReason(i) == Reason.KILL_SWITCH) {
                dropped = true;
            }
        }
        assertTrue(dropped, "the pending NEW's arc closes as DROPPED(KILL_SWITCH): " + r);
        assertFalse(r.hasObligation(), "nothing rate-blocked remains");
    }

    @Test
    void R1_R3_failingRisk_marketMakerIntentsAllDenied_nothingDispatched() {
        CoreConfiguration cfg = QueueTestKit.config(MM);
        RiskPolicy throwing = (s, c, in) -> {
            throw new ArithmeticException("policy bug");
        };
        Driver d = new Driver(cfg, new RiskEngine(List.of(throwing)));
        StepResult r = d.book(990, 5, 1010, 5);
        assertEquals(2, r.dispositionCount());
        for (int i = 0; i < 2; i++) {
            assertEquals(Disposition.DENIED, r.disposition(i));
            assertEquals(Reason.POLICY_ERROR, r.dispositionReason(i));
        }
        assertEquals(0, r.dispatchCount());
        assertEquals(0, d.x().queue().size());
        assertEquals(0, d.x().inflight().size());
    }

    @Test
    void R3_recordOfADispatch_matchesTheDispatchRequest() {
        Driver d = driver("");
        StepResult r = d.book(990, 5, 1010, 5);
        DispatchRequest c = r.dispatch(0);
        OrderCommand cmd = c.command();
        assertEquals(new OrderCommand(CommandType.NEW, 0, Side.BUY, 998, 3), cmd);
        assertEquals(d.x().inflight().get(c.orderKey()).requestId(), c.requestId(),
                "the dispatch request carries the inflight request's id");
        assertEquals(c.requestId() + 1, r.dispatchRequestId(1), "request ids: +1 per dispatch");
        record(d, c);
        assertTrue(d.x().inflight().recorded(c.orderKey()));
        assertEquals(998, d.x().orders().get(c.orderKey()).priceTicks());
    }
}
