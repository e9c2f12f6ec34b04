package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.StrategyCatalog;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyTestSupport.Emitted;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code market-maker} strategy (SPEC §5 step 3): quotes mid ∓ halfSpread − skew, re-quotes only
 * beyond the threshold, cancels extras and everything under the kill switch, and does nothing without
 * a mid or with a feed gap. State is built with the {@code none} strategy; the market maker is then
 * run directly against it.
 */
class MarketMakerStrategyTest {
    static final String PARAMS = "\"halfSpreadTicks\":2,\"quoteQtyLots\":3,\"skewTicksPerLot\":1,"
            + "\"replaceThresholdTicks\":1";

    Driver d;
    MarketMakerStrategy mm;

    @BeforeEach
    void setUp() {
        d = new Driver(QueueTestKit.config(""));
        CoreConfiguration mmCfg = QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MARKET_MAKER, PARAMS));
        mm = new MarketMakerStrategy(mmCfg.strategy());
    }

    List<Emitted> decide() {
        return StrategyTestSupport.decide(mm, d.state);
    }

    long pos() {
        return d.state.lastPosition();
    }

    static Emitted e(CommandType t, long key, Side side, long px, long qty) {
        return new Emitted(t, key, 0, side, px, qty);
    }

    long lastBid;
    long lastAsk;

    /** Moves the top of book: one bid and one ask level, the previous ones removed (L2: qty 0). */
    void book(long bid, long ask) {
        d.book(bid, 5, ask, 5);
        long t;
        if (lastBid != 0 && lastBid != bid) {
            t = d.tick();
            d.apply(new BookDelta(t, t, 0, BookSide.BID, lastBid, 0));
        }
        if (lastAsk != 0 && lastAsk != ask) {
            t = d.tick();
            d.apply(new BookDelta(t, t, 0, BookSide.ASK, lastAsk, 0));
        }
        lastBid = bid;
        lastAsk = ask;
        assertEquals(Math.floorDiv(bid + ask, 2), d.state.book(0).midTicks());
    }

    @Test
    void idIsMarketMaker() {
        assertEquals(StrategyCatalog.MARKET_MAKER, mm.id());
    }

    @Test
    void noMid_doesNothing() {
        assertTrue(decide().isEmpty(), "empty book");
        long t = d.tick();
        d.apply(new BookDelta(t, t, 0, BookSide.BID, 990, 5));
        assertTrue(decide().isEmpty(), "one side only: no mid");
    }

    @Test
    void feedGap_doesNothing() {
        book(990, 1010);
        long t = d.tick();
        d.apply(new FeedGap(t, t, 0));
        assertTrue(decide().isEmpty());
    }

    @Test
    void quotesBidAndAskAtMidMinusPlusHalfSpread_withFreshKeys() {
        book(990, 1010); // mid 1000
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 0), Side.BUY, 998, 3),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1002, 3)), decide());
    }

    @Test
    void midIsFloored_oddSpread() {
        book(990, 1011); // (990 + 1011) / 2 = 1000.5 -> 1000
        List<Emitted> out = decide();
        assertEquals(998, out.get(0).px());
        assertEquals(1002, out.get(1).px());
    }

    @Test
    void skew_longPositionLowersBothQuotes() {
        d.liveOrder(1, Side.BUY, 1000, 3);
        long t = d.tick();
        d.apply(new OrderFilled(t, t, 1, 3, 1000, 0)); // position +3, order terminal
        book(990, 1010);
        assertEquals(3, d.state.positionLots(0));
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 0), Side.BUY, 1000 - 2 - 3, 3),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1000 + 2 - 3, 3)), decide());
    }

    @Test
    void skew_shortPositionRaisesBothQuotes() {
        d.liveOrder(1, Side.SELL, 1000, 2);
        long t = d.tick();
        d.apply(new OrderFilled(t, t, 1, 2, 1000, 0)); // position -2
        book(990, 1010);
        List<Emitted> out = decide();
        assertEquals(1000 - 2 + 2, out.get(0).px());
        assertEquals(1000 + 2 + 2, out.get(1).px());
    }

    @Test
    void workingQuotesAtTarget_nothingToDo() {
        book(990, 1010);
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        assertTrue(decide().isEmpty());
    }

    @Test
    void targetMovesByExactlyTheThreshold_noReplace() {
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        book(991, 1011); // mid 1001: targets 999 / 1003, each 1 tick away == threshold
        assertTrue(decide().isEmpty(), "within the threshold: no re-quote");
        book(989, 1009); // mid 999: targets 997 / 1001
        assertTrue(decide().isEmpty());
    }

    @Test
    void targetMovesBeyondTheThreshold_replacesTheWorkingQuotes() {
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        book(992, 1012); // mid 1002: targets 1000 / 1004, 2 ticks away > 1
        assertEquals(List.of(e(CommandType.REPLACE, 5, Side.BUY, 1000, 3),
                e(CommandType.REPLACE, 6, Side.SELL, 1004, 3)), decide());
        book(988, 1008); // mid 998: targets 996 / 1000
        assertEquals(List.of(e(CommandType.REPLACE, 5, Side.BUY, 996, 3),
                e(CommandType.REPLACE, 6, Side.SELL, 1000, 3)), decide());
    }

    @Test
    void pendingReplace_isWhereTheQuoteIsHeading_noDuplicateReplace() {
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        book(992, 1012); // targets 1000 / 1004
        Recorder rec = new Recorder();
        long id = d.x().takeIntentId();
        DominanceQueue.admit(d.x(), id, CommandType.REPLACE, 5, 0, Side.BUY, 1000, 3, rec);
        assertEquals(List.of(e(CommandType.REPLACE, 6, Side.SELL, 1004, 3)), decide(),
                "key 5 is already heading to 1000");
    }

    @Test
    void pendingNEW_countsAsAWorkingQuote_noSecondNEW() {
        book(990, 1010);
        Recorder rec = new Recorder();
        DominanceQueue.admit(d.x(), d.x().takeIntentId(), CommandType.NEW, 77, 0, Side.BUY, 998, 3, rec);
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1002, 3)), out);
    }

    @Test
    void extraQuotesOnASide_areCancelled_newestKept() {
        book(990, 1010);
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(8, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0)), decide());
    }

    @Test
    void killSwitch_cancelsEveryWorkingQuote_andQuotesNothing() {
        book(990, 1010);
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        d.liveOrder(9, Side.SELL, 1005, 3);
        Recorder rec = new Recorder();
        DominanceQueue.admit(d.x(), d.x().takeIntentId(), CommandType.CANCEL, 9, 0, Side.SELL, 0, 0, rec);
        DominanceQueue.admit(d.x(), d.x().takeIntentId(), CommandType.NEW, 77, 0, Side.BUY, 997, 3, rec);
        long t = d.tick();
        d.apply(new KillSwitch(t, t, true));
        assertNull(d.x().queue().forKey(77), "the kill switch step dropped the pending NEW (SPEC §8.1)");
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0), e(CommandType.CANCEL, 6, Side.SELL, 0, 0)),
                out, "key 9 is already cancelling, key 77's NEW is gone");
        assertTrue(out.stream().noneMatch(x -> x.type() != CommandType.CANCEL), "no NEW, no REPLACE");
    }

    @Test
    void killSwitch_withoutQuotes_emitsNothing_evenWithAMid() {
        book(990, 1010);
        long t = d.tick();
        d.apply(new KillSwitch(t, t, true));
        assertTrue(decide().isEmpty());
    }

    @Test
    void nonPositiveTarget_noNEW_andAWorkingQuoteThereIsCancelled() {
        book(1, 3); // mid 2: bid target 0, ask target 4
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 4, 3)), decide());
        d.liveOrder(5, Side.BUY, 1, 3);
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 4, 3)), decide());
    }

    // ------------------------------------------------------------------ through the engine

    @Test
    void throughTheEngine_quotesThenRequotes_keysFromPositions() {
        Driver e = new Driver(QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MARKET_MAKER, PARAMS)));
        e.book(990, 5, 1010, 5);
        long p = e.state.lastPosition();
        long bid = OrderKeys.fresh(p, 0);
        long ask = OrderKeys.fresh(p, 1);
        assertEquals(CommandType.NEW, e.x().inflight().type(bid));
        assertEquals(998, e.x().inflight(bid).priceTicks());
        assertEquals(1002, e.x().inflight(ask).priceTicks());
        // record and accept both
        e.apply(e.submittedNew(bid, Side.BUY, 998, 3));
        e.apply(e.submittedNew(ask, Side.SELL, 1002, 3));
        long t = e.tick();
        e.apply(new io.tradingchassis.core.event.OrderAccepted(t, t, bid));
        t = e.tick();
        StepResult r = e.apply(new io.tradingchassis.core.event.OrderAccepted(t, t, ask));
        assertEquals(0, r.dispatchCount());
        // mid moves by 1 (== threshold): nothing; by 3: both replaced
        t = e.tick();
        r = e.apply(new BookDelta(t, t, 0, BookSide.ASK, 1012, 5)); // ask 1010 and 1012: best 1010 still
        assertEquals(0, r.dispatchCount());
        t = e.tick();
        r = e.apply(new BookDelta(t, t, 0, BookSide.BID, 996, 5)); // mid (996+1010)/2 = 1003
        assertEquals(2, r.dispatchCount(), r.toString());
        assertEquals(CommandType.REPLACE, r.dispatch(0).type());
        assertEquals(bid, r.dispatch(0).orderKey());
        assertEquals(1001, r.dispatch(0).priceTicks());
        assertEquals(ask, r.dispatch(1).orderKey());
        assertEquals(1005, r.dispatch(1).priceTicks());
        for (int i = 0; i < r.dispositionCount(); i++) {
            assertEquals(Disposition.DISPATCHED, r.disposition(i));
        }
    }
}
