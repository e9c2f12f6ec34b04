package io.tradingchassis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §9 and §12 sentence by sentence: merge, dispatch records, Control-Time realization. */
class RuntimeLoopTest {
    static final long S = 1_000_000_000L;

    /** Emits {@code burst} NEWs on its first decision with a mid, nothing after (its memory says so). */
    static final class Burst implements StrategyProvider {
        @Override
        public String id() {
            return "burst";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("burst", 3, 1, 15, "NEWs on the first decision"));
        }

        @Override
        public int memorySlots() {
            return 1;
        }

        @Override
        public Strategy create(StrategyParameters p) {
            long burst = p.integer("burst");
            return new Strategy() {
                @Override
                public void decide(StrategyView view, IntentSink out) {
                    long mid = view.book(0).midTicks();
                    if (view.memory(0) != 0 || mid == BookView.NO_PRICE) {
                        return;
                    }
                    view.memory(0, 1);
                    for (int i = 0; i < burst; i++) {
                        out.newOrder(view.position() * 16 + i, 0, Side.BUY, mid - 1 - i, 1);
                    }
                }
            };
        }
    }

    /** Takes every request; answers a NEW with OrderAccepted {@code latencyNs} later. */
    static final class InstantVenue implements VenueAdapter {
        final Deque<Event> feedback = new ArrayDeque<>();
        final long latencyNs;
        final List<Event> seenMarket = new ArrayList<>();

        InstantVenue(long latencyNs) {
            this.latencyNs = latencyNs;
        }

        @Override
        public Event submit(DispatchRequest d, long nowNs) {
            long t = nowNs + latencyNs;
            feedback.add(new OrderAccepted(t, t, d.orderKey()));
            return new OrderSubmitted(nowNs, nowNs, d.orderKey(), d.requestId(), d.command());
        }

        @Override
        public void onMarket(Event e) {
            seenMarket.add(e);
        }

        @Override
        public long peekLocalTsNs() {
            return feedback.isEmpty() ? EXHAUSTED : feedback.peek().localTsNs();
        }

        @Override
        public Event poll() {
            return feedback.poll();
        }
    }

    static final class ListSource implements InputSource {
        final Deque<Event> events;

        ListSource(List<Event> events) {
            this.events = new ArrayDeque<>(events);
        }

        @Override
        public long peekLocalTsNs() {
            return events.isEmpty() ? EXHAUSTED : events.peek().localTsNs();
        }

        @Override
        public Event poll() {
            return events.poll();
        }
    }

    static CoreConfiguration config(String mergeOrder) {
        String json = "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}],"
                + "\"rateLimit\":{\"capacity\":1,\"refillPerSecond\":1},"
                + (mergeOrder == null ? "" : "\"mergeOrder\":" + mergeOrder + ",")
                + "\"strategy\":{\"id\":\"burst\",\"parameters\":{\"burst\":2}}}";
        return CoreConfiguration.parse(json, "test", StrategyCatalog.builtIn().with(new Burst()));
    }

    static BookDelta delta(long t, BookSide side, long px) {
        return new BookDelta(t, t, 0, side, px, 5);
    }

    /** A recorder keeping (type, localTsNs) of every entry, and the results' obligations. */
    static final class Log implements Recorder {
        final List<Event> events = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();

        @Override
        public void onStep(long position, Event event, StepResult result) {
            positions.add(position);
            events.add(event);
        }

        List<String> types() {
            List<String> out = new ArrayList<>();
            for (Event e : events) {
                out.add(e.type() + "@" + e.localTsNs() / (S / 10));
            }
            return out;
        }
    }

    record Run(RuntimeLoop loop, Log log, EventStreamCursor cursor) {
    }

    static Run run(CoreConfiguration cfg, List<Event> market) {
        Log log = new Log();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), new State(), cfg, log);
        RuntimeLoop loop = new RuntimeLoop(cursor, cfg, new ListSource(market), new InstantVenue(0));
        return new Run(loop, log, cursor);
    }

    @Test
    void theStreamBeginsWithSessionStartAndConfigurationActivatedCf1() {
        Run r = run(config(null), List.of(delta(S, BookSide.BID, 99)));
        r.loop().run();
        assertEquals(EventType.SESSION_START, r.log().events.get(0).type());
        assertEquals(EventType.CONFIGURATION_ACTIVATED, r.log().events.get(1).type());
        assertEquals(List.of(0L, 1L, 2L), r.log().positions, "positions come from the cursor, no gaps");
    }

    @Test
    void recordsFollowTheirStepBeforeAnyOtherInputAndControlTimeIsInjectedBeforeTheFirstLaterInput() {
        // t=1.0 bid, t=1.0 ask: mid → 2 NEWs, one token: NEW#1 dispatched, NEW#2 waits (deadline 2.0 s).
        List<Event> market = List.of(delta(10 * S / 10, BookSide.BID, 99), delta(10 * S / 10, BookSide.ASK, 101),
                delta(15 * S / 10, BookSide.BID, 98), delta(25 * S / 10, BookSide.BID, 97));
        Run r = run(config(null), market);
        r.loop().run();
        assertEquals(List.of("SESSION_START@10", "CONFIGURATION_ACTIVATED@10", "BOOK_DELTA@10", "BOOK_DELTA@10",
                "ORDER_SUBMITTED@10", "ORDER_ACCEPTED@10", "BOOK_DELTA@15", "CONTROL_TIME@20", "ORDER_SUBMITTED@20",
                "ORDER_ACCEPTED@20", "BOOK_DELTA@25"), r.log().types());
        ControlTime ct = (ControlTime) r.log().events.get(7);
        assertEquals(2 * S, ct.deadlineNs());
        assertEquals(ct.deadlineNs(), ct.localTsNs(), "localTsNs = deadlineNs");
        assertFalse(r.loop().hasPendingObligation(), "success consumed it; nothing is blocked any more");
    }

    @Test
    void atEqualTimestampsTheMergeOrderRankDecides() {
        List<Event> market = List.of(delta(S, BookSide.BID, 99), delta(S, BookSide.ASK, 101),
                delta(2 * S, BookSide.BID, 98));
        Run controlFirst = run(config(null), market);
        controlFirst.loop().run();
        assertEquals(List.of("CONTROL_TIME@20", "ORDER_SUBMITTED@20", "ORDER_ACCEPTED@20", "BOOK_DELTA@20"),
                controlFirst.log().types().subList(6, 10));
        Run marketFirst = run(config("[\"MARKET\",\"EXECUTION\",\"CONTROL_TIME\"]"), market);
        marketFirst.loop().run();
        // MARKET ranks first: the market row at the deadline advances control time itself, its step's
        // Queue Processing finds the token and dispatches; no Control-Time event is needed any more.
        List<String> t = marketFirst.log().types();
        assertEquals(List.of("BOOK_DELTA@20", "ORDER_SUBMITTED@20", "ORDER_ACCEPTED@20"), t.subList(6, 9));
        assertFalse(t.contains("CONTROL_TIME@20"), t.toString());
    }

    @Test
    void thePendingObligationIsWhatTheLastStepReturnedAtMostOne() {
        List<Event> market = List.of(delta(S, BookSide.BID, 99), delta(S, BookSide.ASK, 101),
                delta(15 * S / 10, BookSide.BID, 98));
        Log log = new Log();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), new State(), config(null), log);
        RuntimeLoop loop = new RuntimeLoop(cursor, config(null), new ListSource(market), new InstantVenue(0));
        loop.step(); // session start + activation
        loop.step(); // bid
        assertFalse(loop.hasPendingObligation());
        loop.step(); // ask: the burst, one token → pending at 2.0 s
        assertTrue(loop.hasPendingObligation());
        assertEquals(2 * S, loop.pendingDeadlineNs());
        loop.step(); // the accept arrives; the NEW is still rate-blocked: the step returns the same obligation
        assertTrue(loop.hasPendingObligation());
        assertEquals(2 * S, loop.pendingDeadlineNs());
    }

    @Test
    void aFailedControlTimeStepKeepsTheObligationAndTheCursorAndIsRealizedOnTheNextTry() {
        List<Event> market = List.of(delta(S, BookSide.BID, 99), delta(S, BookSide.ASK, 101),
                delta(3 * S, BookSide.BID, 98));
        Log log = new Log();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), new State(), config(null), log);
        boolean[] failNext = {true};
        Sequencer flaky = new Sequencer() {
            @Override
            public StepResult append(Event event) {
                if (event.type() == EventType.CONTROL_TIME && failNext[0]) {
                    failNext[0] = false;
                    throw new IllegalStateException("recorder disk full");
                }
                return cursor.append(event);
            }

            @Override
            public long controlTimeNs() {
                return cursor.controlTimeNs();
            }
        };
        RuntimeLoop loop = new RuntimeLoop(flaky, config(null), new ListSource(market), new InstantVenue(0));
        for (int i = 0; i < 4; i++) {
            loop.step();
        }
        assertTrue(loop.hasPendingObligation());
        long position = cursor.nextPosition();
        assertThrows(IllegalStateException.class, loop::step);
        assertTrue(loop.hasPendingObligation(), "failure keeps the obligation pending");
        assertEquals(2 * S, loop.pendingDeadlineNs());
        assertEquals(position, cursor.nextPosition(), "the cursor did not advance");
        loop.run();
        assertEquals(1, log.events.stream().filter(e -> e.type() == EventType.CONTROL_TIME).count());
        assertTrue(log.types().contains("CONTROL_TIME@20"));
    }

    @Test
    void noDeadlineIsRealizedTwiceAndDeadlinesIncrease() {
        // A long burst with one token per second: one Control-Time event per blocked NEW, each once.
        String json = "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}],"
                + "\"rateLimit\":{\"capacity\":1,\"refillPerSecond\":1},"
                + "\"strategy\":{\"id\":\"burst\",\"parameters\":{\"burst\":12}}}";
        CoreConfiguration cfg = CoreConfiguration.parse(json, "test", StrategyCatalog.builtIn().with(new Burst()));
        List<Event> market = new ArrayList<>();
        market.add(delta(S, BookSide.BID, 50));
        market.add(delta(S, BookSide.ASK, 80));
        for (int i = 1; i <= 40; i++) {
            market.add(delta(S + i * S / 2, BookSide.BID, 50 - (i % 3)));
        }
        Run r = run(cfg, market);
        r.loop().run();
        List<Long> deadlines = new ArrayList<>();
        for (Event e : r.log().events) {
            if (e instanceof ControlTime ct) {
                deadlines.add(ct.deadlineNs());
            }
        }
        assertEquals(11, deadlines.size(), deadlines.toString());
        for (int i = 1; i < deadlines.size(); i++) {
            assertTrue(deadlines.get(i) > deadlines.get(i - 1), "realized once, in increasing order: " + deadlines);
        }
        assertEquals(12, r.cursor().state().execution().orders().liveCount());
    }

    /** Sets a timer 3 s ahead on its first decision, and records the positions it decides at. */
    static final class Timer implements StrategyProvider {
        @Override
        public String id() {
            return "timer";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public int memorySlots() {
            return 1;
        }

        @Override
        public Strategy create(StrategyParameters p) {
            return new Strategy() {
                @Override
                public void decide(StrategyView view, IntentSink out) {
                    if (view.memory(0) == 0) {
                        view.memory(0, 1);
                        view.decisionAt(view.controlTimeNs() + 3 * S);
                    }
                }
            };
        }
    }

    @Test
    void aStrategyTimerIsRealizedAsAControlTimeEventLikeRateLimitRecovery() {
        String json = "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}],"
                + "\"decisionTrigger\":{\"eventTypes\":[\"BOOK_DELTA\"]},\"strategy\":{\"id\":\"timer\"}}";
        CoreConfiguration cfg = CoreConfiguration.parse(json, "test", StrategyCatalog.builtIn().with(new Timer()));
        Run r = run(cfg, List.of(delta(S, BookSide.BID, 99), delta(2 * S, BookSide.BID, 98),
                delta(10 * S, BookSide.BID, 97)));
        r.loop().run();
        assertEquals(List.of("SESSION_START@10", "CONFIGURATION_ACTIVATED@10", "BOOK_DELTA@10", "BOOK_DELTA@20",
                "CONTROL_TIME@40", "BOOK_DELTA@100"), r.log().types());
        ControlTime ct = (ControlTime) r.log().events.get(4);
        assertEquals(ControlTimeReason.STRATEGY_TIMER, ct.reason());
        assertEquals(4 * S, ct.deadlineNs());
    }
}
