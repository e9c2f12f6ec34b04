package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code market-maker} strategy (SPEC §5 step 3): quotes mid ∓ halfSpread − skew, re-quotes only
 * beyond the threshold, cancels extras and everything under the kill switch, and does nothing without
 * a mid or with a feed gap. It runs inside a real engine on a {@link Bench}, which records what it
 * decides and lets none of it act, so State is exactly what the test built.
 */
class MarketMakerStrategyTest {
    static final String PARAMS = "\"halfSpreadTicks\":2,\"quoteQtyLots\":3,\"skewTicksPerLot\":1,"
            + "\"replaceThresholdTicks\":1";

    Bench d;

    @BeforeEach
    void setUp() {
        d = new Bench(MarketMakerStrategy.ID, List.of(QueueTestKit.INSTRUMENT), PARAMS);
    }

    List<Emitted> decide() {
        return d.decide();
    }

    long pos() {
        return d.pos();
    }

    static Emitted e(CommandType t, long key, Side side, long px, long qty) {
        return new Emitted(t, key, 0, side, px, qty);
    }

    long lastBid;
    long lastAsk;

    /** Moves the top of book: one bid and one ask level, the previous ones removed (L2: qty 0). */
    void book(long bid, long ask) {
        d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.BID, bid, 5));
        d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.ASK, ask, 5));
        if (lastBid != 0 && lastBid != bid) {
            d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.BID, lastBid, 0));
        }
        if (lastAsk != 0 && lastAsk != ask) {
            d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.ASK, lastAsk, 0));
        }
        lastBid = bid;
        lastAsk = ask;
        assertEquals(Math.floorDiv(bid + ask, 2), d.driver.state.market().bookOrNull(0).midTicks());
    }

    /** Admits a command straight into the Queue, as the pipeline admits an allowed Intent. */
    void admit(CommandType type, long key, Side side, long px, long qty) {
        ExecutionState x = d.driver.x();
        Disposition disp = DominanceQueue.admit(x, x.queue().takeIntentId(), type, key, 0, side, px, qty,
                new Recorder());
        assertEquals(Disposition.PENDING, disp);
    }

    @Test
    void theBuiltInProviderBuildsTheMarketMaker() {
        StrategyProvider p = StrategyCatalog.builtIn().provider(MarketMakerStrategy.ID);
        assertEquals("market-maker", p.id());
        assertEquals("1", p.version());
        assertEquals(0, p.memorySlots(), "it remembers nothing: working quotes are in State");
        assertInstanceOf(MarketMakerStrategy.class, p.create(d.driver.cfg.strategy().parameters()));
    }

    @Test
    void noMid_doesNothing() {
        assertTrue(decide().isEmpty(), "empty book");
        assertTrue(d.apply(new BookDelta(d.tick(), d.now(), 0, BookSide.BID, 990, 5)).isEmpty());
        assertTrue(d.decided, "it decided on the BookDelta");
        assertTrue(decide().isEmpty(), "one side only: no mid");
    }

    @Test
    void feedGap_doesNothing() {
        book(990, 1010);
        d.apply(new FeedGap(d.tick(), d.now(), 0));
        assertTrue(decide().isEmpty());
        assertTrue(d.decided);
    }

    @Test
    void quotesBidAndAskAtMidMinusPlusHalfSpread_withFreshKeys() {
        book(990, 1010); // mid 1000
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 0), Side.BUY, 998, 3),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1002, 3)), out);
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
        d.apply(new OrderFilled(d.tick(), d.now(), 1, 3, 1000, 0)); // position +3, order terminal
        book(990, 1010);
        assertEquals(3, d.driver.x().positions().positionLots(0));
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 0), Side.BUY, 1000 - 2 - 3, 3),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1000 + 2 - 3, 3)), out);
    }

    @Test
    void skew_shortPositionRaisesBothQuotes() {
        d.liveOrder(1, Side.SELL, 1000, 2);
        d.apply(new OrderFilled(d.tick(), d.now(), 1, 2, 1000, 0)); // position -2
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
        admit(CommandType.REPLACE, 5, Side.BUY, 1000, 3);
        assertEquals(List.of(e(CommandType.REPLACE, 6, Side.SELL, 1004, 3)), decide(),
                "key 5 is already heading to 1000");
    }

    @Test
    void inflightReplace_isWhereTheQuoteIsHeading_too() {
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        d.setUp(new Emitted(CommandType.REPLACE, 5, 0, Side.BUY, 1000, 3)); // dispatched: inflight
        assertEquals(CommandType.REPLACE, d.driver.x().inflight().type(5));
        book(992, 1012); // targets 1000 / 1004
        assertEquals(List.of(e(CommandType.REPLACE, 6, Side.SELL, 1004, 3)), decide());
    }

    @Test
    void pendingNEW_countsAsAWorkingQuote_noSecondNEW() {
        book(990, 1010);
        admit(CommandType.NEW, 77, Side.BUY, 998, 3);
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 1002, 3)), out);
    }

    @Test
    void extraQuotesOnASide_areCancelled_newestKept() {
        book(990, 1010);
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        d.liveOrder(8, Side.BUY, 998, 3);
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0)), decide());
    }

    @Test
    void killSwitch_cancelsEveryWorkingQuote_andQuotesNothing() {
        book(990, 1010);
        d.liveOrder(5, Side.BUY, 998, 3);
        d.liveOrder(6, Side.SELL, 1002, 3);
        d.liveOrder(9, Side.SELL, 1005, 3);
        admit(CommandType.CANCEL, 9, Side.SELL, 0, 0);
        admit(CommandType.NEW, 77, Side.BUY, 997, 3);
        d.apply(new KillSwitch(d.tick(), d.now(), true));
        assertNull(d.driver.x().queue().forKey(77), "the kill switch step dropped the pending NEW (SPEC §8.1)");
        assertEquals(CommandType.CANCEL, d.driver.x().inflight().type(9), "the CANCEL still went out");
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0), e(CommandType.CANCEL, 6, Side.SELL, 0, 0)),
                out, "key 9 is already cancelling, key 77's NEW is gone");
        assertTrue(out.stream().noneMatch(x -> x.type() != CommandType.CANCEL), "no NEW, no REPLACE");
    }

    @Test
    void killSwitch_withoutQuotes_emitsNothing_evenWithAMid() {
        book(990, 1010);
        d.apply(new KillSwitch(d.tick(), d.now(), true));
        assertTrue(decide().isEmpty());
        assertTrue(d.decided);
    }

    @Test
    void nonPositiveTarget_noNEW_andAWorkingQuoteThereIsCancelled() {
        book(1, 3); // mid 2: bid target 0, ask target 4
        List<Emitted> out = decide();
        assertEquals(List.of(e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 4, 3)), out);
        d.liveOrder(5, Side.BUY, 1, 3);
        out = decide();
        assertEquals(List.of(e(CommandType.CANCEL, 5, Side.BUY, 0, 0),
                e(CommandType.NEW, OrderKeys.fresh(pos(), 1), Side.SELL, 4, 3)), out);
    }

    // ------------------------------------------------------------------ through the engine, acting

    @Test
    void throughTheEngine_quotesThenRequotes_keysFromPositions() {
        Driver e = new Driver(QueueTestKit.config(QueueTestKit.strategy(MarketMakerStrategy.ID, PARAMS)));
        e.book(990, 5, 1010, 5);
        long p = e.state.lastPosition();
        long bid = OrderKeys.fresh(p, 0);
        long ask = OrderKeys.fresh(p, 1);
        ExecutionState x = e.x();
        assertEquals(CommandType.NEW, x.inflight().type(bid));
        assertEquals(998, x.inflight().get(bid).priceTicks());
        assertEquals(1002, x.inflight().get(ask).priceTicks());
        // record (naming the requests the core dispatched) and accept both
        for (long key : new long[] {bid, ask}) {
            PendingCommand c = x.inflight().get(key);
            long t = e.tick();
            e.apply(new OrderSubmitted(t, t, key, c.requestId(), c.toOrderCommand()));
        }
        long t = e.tick();
        e.apply(new OrderAccepted(t, t, bid));
        t = e.tick();
        StepResult r = e.apply(new OrderAccepted(t, t, ask));
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

    // ================================================================== the bench

    /** One Intent a Strategy emitted. */
    record Emitted(CommandType type, long key, int instrument, Side side, long px, long qty) {
        @Override
        public String toString() {
            return type + " " + key + " " + side + " " + qty + "@" + px;
        }
    }

    /**
     * A built-in strategy inside a real engine, observed without letting it act (shared with
     * {@link MomentumTakerStrategyTest}). The configuration selects a test provider
     * ({@code <id>-observed}) that declares the built-in's parameters and memory and wraps the Strategy
     * the built-in provider creates: at each decision the wrapper runs it, records the Intents it
     * emits, and forwards none. So the strategy reads the engine's real view, its memory lives in
     * State, and State is changed only by the test's events and set-up Intents. A set-up Intent
     * ({@link #setUp}) is emitted by the wrapper itself at a Control-Time event (the observed strategy
     * does not decide in that step) and reaches the venue through the engine, which has no risk
     * policies (set-up is not under test).
     */
    static final class Bench {
        final Driver driver;
        /** Whether the observed strategy decided in the last step. */
        boolean decided;
        private List<Emitted> lastEmitted = List.of();
        private final ArrayDeque<Emitted> setUp = new ArrayDeque<>();

        Bench(String builtInId, List<String> instruments, String params) {
            StrategyProvider builtIn = StrategyCatalog.builtIn().provider(builtInId);
            StrategyProvider observed = new StrategyProvider() {
                @Override
                public String id() {
                    return builtInId + "-observed";
                }

                @Override
                public String version() {
                    return builtIn.version();
                }

                @Override
                public List<ParameterSpec> parameters() {
                    return builtIn.parameters();
                }

                @Override
                public int memorySlots() {
                    return builtIn.memorySlots();
                }

                @Override
                public Strategy create(StrategyParameters parameters) {
                    return new Observer(builtIn.create(parameters));
                }
            };
            String json = "{\"instruments\":[" + String.join(",", instruments) + "],\"strategy\":{\"id\":\""
                    + observed.id() + "\",\"parameters\":{" + params + "}}}";
            CoreConfiguration cfg = CoreConfiguration.parse(json, "test", StrategyCatalog.builtIn().with(observed));
            driver = new Driver(cfg, new CoreEngine(new RiskEngine(List.of())));
        }

        /** Runs the observed strategy, records its Intents, forwards none; or emits the set-up Intents. */
        private final class Observer implements Strategy {
            private final Strategy observed;

            Observer(Strategy observed) {
                this.observed = observed;
            }

            @Override
            public boolean wantsDecision(StateView view) {
                return !setUp.isEmpty() || observed.wantsDecision(view);
            }

            @Override
            public void decide(StrategyView view, IntentSink out) {
                if (!setUp.isEmpty()) {
                    while (!setUp.isEmpty()) {
                        Emitted s = setUp.poll();
                        out.emit(s.type(), s.key(), s.instrument(), s.side(), s.px(), s.qty());
                    }
                    return;
                }
                List<Emitted> got = new ArrayList<>();
                observed.decide(view, (t, k, i, s, px, q, tif) -> got.add(new Emitted(t, k, i, s, px, q)));
                lastEmitted = got;
                decided = true;
            }
        }

        long tick() {
            return driver.tick();
        }

        long now() {
            return driver.now();
        }

        /** Position of the last step. */
        long pos() {
            return driver.state.lastPosition();
        }

        /** Applies {@code e}; returns what the observed strategy emitted in that step (empty if it did not decide). */
        List<Emitted> apply(Event e) {
            decided = false;
            lastEmitted = List.of();
            StepResult r = driver.apply(e);
            assertNull(r.strategyFailure());
            return lastEmitted;
        }

        /** A decision on the current State: one Control-Time event (honouring the strategy's predicate). */
        List<Emitted> decide() {
            long t = tick();
            return apply(new ControlTime(t, t, t, ControlTimeReason.RATE_LIMIT_RECOVERY));
        }

        /** Emits set-up Intents in one step; they are dispatched in that step when they can be. */
        StepResult setUp(Emitted... intents) {
            setUp.addAll(List.of(intents));
            long t = tick();
            decided = false;
            StepResult r = driver.apply(new ControlTime(t, t, t, ControlTimeReason.RATE_LIMIT_RECOVERY));
            assertTrue(setUp.isEmpty(), "set-up emitted");
            assertFalse(decided, "the observed strategy does not decide in a set-up step");
            return r;
        }

        /** An Accepted order on instrument 0 with nothing inflight. */
        void liveOrder(long key, Side side, long px, long qty) {
            liveOrder(key, 0, side, px, qty);
        }

        /** An Accepted order with nothing inflight: a NEW the core dispatched, its record, then accepted. */
        void liveOrder(long key, int instrument, Side side, long px, long qty) {
            setUp(new Emitted(CommandType.NEW, key, instrument, side, px, qty));
            PendingCommand c = driver.x().inflight().get(key);
            assertNotNull(c, "NEW " + key + " was not dispatched");
            long t = tick();
            apply(new OrderSubmitted(t, t, key, c.requestId(), c.toOrderCommand()));
            t = tick();
            apply(new OrderAccepted(t, t, key));
            assertNull(driver.x().inflight().get(key));
        }
    }
}
