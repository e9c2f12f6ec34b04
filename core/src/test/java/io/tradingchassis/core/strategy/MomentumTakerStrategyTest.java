package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyTestSupport.Emitted;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code momentum-taker} strategy: fires exactly on the Nth consecutive same-aggressor trade,
 * crosses at the best ask (buy) or best bid (sell), and respects {@code maxPositionLots} counting
 * working same-side quantity. Decides only on trades (its SPEC §5 step 3 predicate).
 */
class MomentumTakerStrategyTest {
    static final String PARAMS = "\"tradesInRow\":3,\"orderQtyLots\":2,\"maxPositionLots\":5";

    Driver d;
    MomentumTakerStrategy mt;

    @BeforeEach
    void setUp() {
        d = new Driver(QueueTestKit.config(""));
        CoreConfiguration c = QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MOMENTUM_TAKER, PARAMS));
        mt = new MomentumTakerStrategy(c.strategy());
        d.book(990, 5, 1010, 5);
    }

    /** Applies a trade (strategy "none" in the engine), then runs the taker on the resulting State. */
    List<Emitted> trade(Side aggressor) {
        long t = d.tick();
        d.apply(new Trade(t, t, 0, aggressor, aggressor == Side.BUY ? 1010 : 990, 1));
        return StrategyTestSupport.decide(mt, d.state);
    }

    static Emitted e(long key, Side side, long px, long qty) {
        return new Emitted(CommandType.NEW, key, 0, side, px, qty);
    }

    long pos() {
        return d.state.lastPosition();
    }

    @Test
    void idIsMomentumTaker() {
        assertEquals(StrategyCatalog.MOMENTUM_TAKER, mt.id());
    }

    @Test
    void firesExactlyOnTheNthSameSideTrade_buyCrossesAtBestAsk() {
        assertTrue(trade(Side.BUY).isEmpty());
        assertTrue(trade(Side.BUY).isEmpty());
        List<Emitted> out = trade(Side.BUY);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.BUY, 1010, 2)), out);
        assertTrue(trade(Side.BUY).isEmpty(), "the 4th in a row does not fire again");
        assertTrue(trade(Side.BUY).isEmpty());
    }

    @Test
    void sellRun_crossesAtBestBid() {
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.SELL).isEmpty(), "a side change resets the run");
        assertTrue(trade(Side.SELL).isEmpty());
        List<Emitted> out = trade(Side.SELL);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.SELL, 990, 2)), out);
    }

    @Test
    void decidesOnlyOnTrades() {
        trade(Side.BUY);
        trade(Side.BUY);
        trade(Side.BUY); // run == 3 now
        long t = d.tick();
        d.apply(new BookDelta(t, t, 0, BookSide.ASK, 1011, 5)); // not a trade: run still 3
        assertEquals(3, d.state.book(0).sameAggressorRun());
        assertFalse(mt.wantsDecision(d.state));
        assertTrue(StrategyTestSupport.decide(mt, d.state).isEmpty());
    }

    @Test
    void respectsMaxPosition_inclusive_countingPositionAndWorkingSameSideQty() {
        d.liveOrder(1, Side.BUY, 1000, 3); // working BUY 3: 0 + 3 + 2 = 5 == max: allowed
        trade(Side.BUY);
        trade(Side.BUY);
        assertEquals(1, trade(Side.BUY).size());
        d.liveOrder(2, Side.BUY, 1000, 1); // working BUY 4: 4 + 2 = 6 > 5: blocked
        trade(Side.SELL);
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty());
        // SELL exposure ignores BUY orders: 0 - (0 + 2) = -2
        trade(Side.SELL);
        trade(Side.SELL);
        assertEquals(1, trade(Side.SELL).size());
    }

    @Test
    void respectsMaxPosition_withAFilledPosition() {
        d.liveOrder(1, Side.BUY, 1000, 4);
        long t = d.tick();
        d.apply(new OrderFilled(t, t, 1, 4, 1000, 0)); // position +4, nothing working
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty(), "4 + 2 = 6 > 5");
        trade(Side.SELL);
        trade(Side.SELL);
        List<Emitted> out = trade(Side.SELL);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.SELL, 990, 2)), out, "4 - 2 = 2");
    }

    @Test
    void noOppositeQuote_noOrder() {
        Driver empty = new Driver(QueueTestKit.config(""));
        d = empty;
        long t = d.tick();
        d.apply(new BookDelta(t, t, 0, BookSide.BID, 990, 5)); // no ask
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty(), "no best ask to cross");
    }

    @Test
    void killSwitchOrFeedGap_noOrder() {
        long t = d.tick();
        d.apply(new KillSwitch(t, t, true));
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty());
        t = d.tick();
        d.apply(new KillSwitch(t, t, false));
        t = d.tick();
        d.apply(new FeedGap(t, t, 0));
        trade(Side.SELL);
        trade(Side.SELL);
        assertTrue(trade(Side.SELL).isEmpty());
    }

    @Test
    void throughTheEngine_dispatchesTheCrossingNEW() {
        Driver e = new Driver(QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MOMENTUM_TAKER, PARAMS)));
        e.book(990, 5, 1010, 5);
        StepResult r = null;
        for (int k = 0; k < 3; k++) {
            long t = e.tick();
            r = e.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
            assertEquals(k == 2 ? 1 : 0, r.dispatchCount(), r.toString());
        }
        assertEquals(CommandType.NEW, r.dispatch(0).type());
        assertEquals(Side.BUY, r.dispatch(0).side());
        assertEquals(1010, r.dispatch(0).priceTicks());
        assertEquals(2, r.dispatch(0).qtyLots());
        assertEquals(OrderKeys.fresh(e.state.lastPosition(), 2), r.dispatch(0).orderKey());
        // the strategy did not run on the BookDelta steps (its predicate)
        long t = e.tick();
        r = e.apply(new BookDelta(t, t, 0, BookSide.BID, 991, 5));
        assertFalse(r.strategyRan());
    }
}
