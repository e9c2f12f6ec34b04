package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.MarketMakerStrategyTest.Bench;
import io.tradingchassis.core.strategy.MarketMakerStrategyTest.Emitted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code momentum-taker} strategy: fires exactly on the Nth consecutive same-aggressor trade of its
 * instrument, crosses at the best ask (buy) or best bid (sell), and respects {@code maxPositionLots}
 * counting working same-side quantity. Decides only on trades of its instrument (its SPEC §5 step 3
 * predicate). The run is strategy memory, so State (I4, D3): it is counted by the engine, read back with
 * {@code state.control().memory(...)}, and survives a snapshot.
 */
class MomentumTakerStrategyTest {
    static final String PARAMS = "\"tradesInRow\":3,\"orderQtyLots\":2,\"maxPositionLots\":5";
    static final String OTHER_INSTRUMENT = "{\"symbol\":\"ETHUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.01\"}";

    Bench d;

    @BeforeEach
    void setUp() {
        d = new Bench(MomentumTakerStrategy.ID, List.of(QueueTestKit.INSTRUMENT, OTHER_INSTRUMENT), PARAMS);
        bookOf(d, 990, 1010);
    }

    static void bookOf(Bench b, long bid, long ask) {
        b.apply(new BookDelta(b.tick(), b.now(), 0, BookSide.BID, bid, 5));
        b.apply(new BookDelta(b.tick(), b.now(), 0, BookSide.ASK, ask, 5));
    }

    /** A trade of instrument 0 through the engine; returns what the taker emitted deciding on it. */
    List<Emitted> trade(Side aggressor) {
        List<Emitted> out = d.apply(new Trade(d.tick(), d.now(), 0, aggressor, aggressor == Side.BUY ? 1010 : 990, 1));
        assertTrue(d.decided, "a trade of its instrument is a decision");
        return out;
    }

    long run() {
        return d.driver.state.control().memory(MomentumTakerStrategy.RUN);
    }

    long runSign() {
        return d.driver.state.control().memory(MomentumTakerStrategy.RUN_SIGN);
    }

    static Emitted e(long key, Side side, long px, long qty) {
        return new Emitted(CommandType.NEW, key, 0, side, px, qty);
    }

    long pos() {
        return d.pos();
    }

    @Test
    void theBuiltInProviderBuildsTheTaker_withTwoMemorySlots() {
        StrategyProvider p = StrategyCatalog.builtIn().provider(MomentumTakerStrategy.ID);
        assertEquals("momentum-taker", p.id());
        assertEquals("2", p.version(), "2: the run moved from the book into strategy memory");
        assertEquals(MomentumTakerStrategy.MEMORY_SLOTS, p.memorySlots());
        assertEquals(2, MomentumTakerStrategy.MEMORY_SLOTS);
        assertInstanceOf(MomentumTakerStrategy.class, p.create(d.driver.cfg.strategy().parameters()));
    }

    @Test
    void firesExactlyOnTheNthSameSideTrade_buyCrossesAtBestAsk() {
        assertEquals(0, run(), "memory starts at 0");
        assertTrue(trade(Side.BUY).isEmpty());
        assertEquals(1, run());
        assertEquals(1, runSign());
        assertTrue(trade(Side.BUY).isEmpty());
        assertEquals(2, run());
        List<Emitted> out = trade(Side.BUY);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.BUY, 1010, 2)), out);
        assertEquals(3, run());
        assertTrue(trade(Side.BUY).isEmpty(), "the 4th in a row does not fire again");
        assertTrue(trade(Side.BUY).isEmpty());
        assertEquals(5, run());
    }

    @Test
    void sellRun_crossesAtBestBid() {
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.SELL).isEmpty(), "a side change resets the run");
        assertEquals(1, run());
        assertEquals(-1, runSign());
        assertTrue(trade(Side.SELL).isEmpty());
        List<Emitted> out = trade(Side.SELL);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.SELL, 990, 2)), out);
        assertEquals(3, run());
    }

    @Test
    void decidesOnlyOnTrades() {
        trade(Side.BUY);
        trade(Side.BUY);
        trade(Side.BUY); // run == 3 now
        assertTrue(d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.ASK, 1011, 5)).isEmpty());
        assertFalse(d.decided, "not a trade: its predicate is false");
        assertEquals(3, run(), "not a trade: run still 3");
        assertTrue(d.decide().isEmpty());
        assertFalse(d.decided, "a Control-Time event is not a trade either");
        assertEquals(3, run());
    }

    @Test
    void tradesOfAnotherInstrumentDoNotCount_norBreakTheRun() {
        trade(Side.BUY);
        trade(Side.BUY);
        for (Side s : new Side[] {Side.SELL, Side.BUY, Side.SELL}) {
            assertTrue(d.apply(new Trade(d.tick(), d.now(), 1, s, 2000, 1)).isEmpty());
            assertFalse(d.decided, "a trade of instrument 1 is not its decision");
            assertEquals(2, run());
            assertEquals(1, runSign());
        }
        List<Emitted> out = trade(Side.BUY);
        assertEquals(List.of(e(OrderKeys.fresh(pos(), 2), Side.BUY, 1010, 2)), out,
                "the third BUY of instrument 0 fires: instrument 1's SELLs did not reset the run");
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
        assertEquals(3, run(), "counted, not acted on");
        // SELL exposure ignores BUY orders: 0 - (0 + 2) = -2
        trade(Side.SELL);
        trade(Side.SELL);
        assertEquals(1, trade(Side.SELL).size());
    }

    @Test
    void respectsMaxPosition_withAFilledPosition() {
        d.liveOrder(1, Side.BUY, 1000, 4);
        d.apply(new OrderFilled(d.tick(), d.now(), 1, 4, 1000, 0)); // position +4, nothing working
        assertEquals(4, d.driver.x().positions().positionLots(0));
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
        d = new Bench(MomentumTakerStrategy.ID, List.of(QueueTestKit.INSTRUMENT, OTHER_INSTRUMENT), PARAMS);
        d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.BID, 990, 5)); // no ask
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty(), "no best ask to cross");
        assertEquals(3, run());
    }

    @Test
    void killSwitchOrFeedGap_noOrder_butTheRunIsStillCounted() {
        d.apply(new KillSwitch(d.tick(), d.now(), true));
        trade(Side.BUY);
        trade(Side.BUY);
        assertTrue(trade(Side.BUY).isEmpty());
        assertEquals(3, run());
        d.apply(new KillSwitch(d.tick(), d.now(), false));
        d.apply(new FeedGap(d.tick(), d.now(), 0));
        trade(Side.SELL);
        trade(Side.SELL);
        assertTrue(trade(Side.SELL).isEmpty());
        assertEquals(3, run());
        assertEquals(-1, runSign());
    }

    // ------------------------------------------------------------------ the built-in, acting

    static final String MT_CONFIG = QueueTestKit.strategy(MomentumTakerStrategy.ID, PARAMS);

    @Test
    void throughTheEngine_dispatchesTheCrossingNEW() {
        Driver e = new Driver(QueueTestKit.config(MT_CONFIG));
        e.book(990, 5, 1010, 5);
        StepResult r = null;
        for (int k = 0; k < 3; k++) {
            long t = e.tick();
            r = e.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
            assertEquals(k == 2 ? 1 : 0, r.dispatchCount(), r.toString());
            assertEquals(k + 1, e.state.control().memory(MomentumTakerStrategy.RUN));
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
        assertEquals(3, e.state.control().memory(MomentumTakerStrategy.RUN));
    }

    @Test
    void aSnapshotTakenMidRun_continuesExactlyLikeTheOriginal() {
        // D1/E5: the run is State, so a restored snapshot continued on a fresh engine decides the same.
        CoreConfiguration cfg = QueueTestKit.config(MT_CONFIG);
        Driver original = new Driver(cfg);
        original.book(990, 5, 1010, 5);
        for (int k = 0; k < 2; k++) {
            long t = original.tick();
            original.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
        }
        State snapshot = original.state.snapshot();
        assertEquals(2, snapshot.control().memory(MomentumTakerStrategy.RUN));
        assertEquals(original.state.digest(), snapshot.digest());

        List<Event> rest = new ArrayList<>();
        long t = original.now();
        for (Side s : new Side[] {Side.BUY, Side.BUY, Side.SELL, Side.SELL, Side.SELL}) {
            t += 1_000;
            rest.add(new Trade(t, t, 0, s, s == Side.BUY ? 1010 : 990, 1));
        }
        CoreEngine other = new CoreEngine();
        List<List<DispatchRequest>> fromOriginal = new ArrayList<>();
        List<List<DispatchRequest>> fromSnapshot = new ArrayList<>();
        for (Event ev : rest) {
            long p = original.state.lastPosition() + 1;
            StepResult a = original.engine.processEventEntry(original.state, new EventStreamEntry(p, ev), cfg);
            fromOriginal.add(dispatches(a));
            StepResult b = other.processEventEntry(snapshot, new EventStreamEntry(p, ev), cfg);
            fromSnapshot.add(dispatches(b));
            assertEquals(original.state.digest(), snapshot.digest(), "digest at position " + p);
            assertEquals(original.state.control().memory(MomentumTakerStrategy.RUN),
                    snapshot.control().memory(MomentumTakerStrategy.RUN));
        }
        assertEquals(fromOriginal, fromSnapshot);
        // the snapshot was taken two trades into a run: the very next trade fires, then the SELL run
        assertEquals(1, fromSnapshot.get(0).size(), "3rd BUY in a row fires on the snapshot too");
        assertEquals(0, fromSnapshot.get(1).size());
        assertEquals(1, fromSnapshot.get(4).size(), "3rd SELL in a row");
    }

    private static List<DispatchRequest> dispatches(StepResult r) {
        List<DispatchRequest> out = new ArrayList<>();
        for (int i = 0; i < r.dispatchCount(); i++) {
            out.add(r.dispatch(i));
        }
        return out;
    }
}
