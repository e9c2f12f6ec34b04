package io.tradingchassis.runtime.venue;

import static io.tradingchassis.runtime.venue.VenueFixture.bid;
import static io.tradingchassis.runtime.venue.VenueFixture.buyTrade;
import static io.tradingchassis.runtime.venue.VenueFixture.sellTrade;
import static io.tradingchassis.runtime.venue.VenueFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.ExecutionEvent;
import io.tradingchassis.core.event.IntentRecordEvent;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.OrderView;
import io.tradingchassis.core.view.StrategyView;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.VenueAdapter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulated venue behind the real loop: {@link RuntimeLoop} + {@link EventStreamCursor} +
 * {@link CoreEngine} with a scripted strategy. The core must accept every record and answer the venue
 * produces (a violation would throw out of the run), and the position and cash must be those of the fills.
 */
class SimulatedVenueEndToEndTest {
    static final long MS = 1_000_000L;

    static long at(long ms) {
        return ms * MS;
    }

    /**
     * A script keyed on State (memory slot 0 is its phase): quote and take on the first book, replace its
     * buy once it is partly filled, cancel it at 1.45 s, then offer inside the spread and try to cancel that
     * offer at 1.601 s, when the venue has already filled it.
     */
    static final class Script implements StrategyProvider {
        @Override
        public String id() {
            return "venue-script";
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
                    long phase = view.memory(0);
                    OrderView buy = view.order(1);
                    if (phase == 0 && view.book(0).midTicks() != BookView.NO_PRICE) {
                        out.newOrder(1, 0, Side.BUY, 100, 4, TimeInForce.GTC);   // rests behind 10
                        out.newOrder(2, 0, Side.SELL, 100, 3, TimeInForce.IOC);  // takes 3 at 100
                        out.newOrder(3, 0, Side.BUY, 102, 2, TimeInForce.GTX);   // would take: expires
                        out.newOrder(4, 0, Side.BUY, 103, 20, TimeInForce.FOK);  // 15 up to 103: expires
                        out.newOrder(5, 0, Side.BUY, 103, 6, TimeInForce.GTC);   // takes 5 at 102, 1 at 103
                        view.memory(0, 1);
                    } else if (phase == 1 && buy != null && buy.status() == OrderStatus.PARTIALLY_FILLED) {
                        out.replace(1, 0, Side.BUY, 100, 6);                      // grows: re-queued
                        view.memory(0, 2);
                    } else if (phase == 2 && view.controlTimeNs() >= at(1_450) && buy != null) {
                        out.cancel(1, 0, Side.BUY);
                        view.memory(0, 3);
                    } else if (phase == 3 && buy == null && !view.isKeyActive(1)) {
                        out.newOrder(6, 0, Side.SELL, 101, 2, TimeInForce.GTC);  // inside the spread
                        view.memory(0, 4);
                    } else if (phase == 4 && view.controlTimeNs() >= at(1_601) && view.order(6) != null) {
                        out.cancel(6, 0, Side.SELL);                              // races the venue's fill
                        view.memory(0, 5);
                    }
                }
            };
        }
    }

    static List<Event> market() {
        return List.of(
                snapshot(at(1_000), new long[] {100, 10, 99, 20}, new long[] {102, 5, 103, 10}),
                sellTrade(at(1_100), 100, 8),
                sellTrade(at(1_200), 100, 3),
                bid(at(1_300), 100, 4),
                sellTrade(at(1_400), 100, 6),
                bid(at(1_450), 99, 25),
                buyTrade(at(1_600), 102, 1),
                bid(at(1_601), 98, 5),
                bid(at(1_700), 97, 1));
    }

    static CoreConfiguration config(long entryNs, long responseNs) {
        String json = "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}],"
                + "\"rateLimit\":{\"capacity\":20,\"refillPerSecond\":20},"
                + "\"venue\":{\"entryLatencyNs\":" + entryNs + ",\"responseLatencyNs\":" + responseNs + "},"
                + "\"strategy\":{\"id\":\"venue-script\"}}";
        return CoreConfiguration.parse(json, "test", StrategyCatalog.builtIn().with(new Script()));
    }

    /** Keeps what the venue handed out (records and feedback), in order. */
    static final class Tap implements VenueAdapter {
        final VenueAdapter venue;
        final List<Event> out = new ArrayList<>();

        Tap(VenueAdapter venue) {
            this.venue = venue;
        }

        @Override
        public Event submit(DispatchRequest request, long nowNs) {
            Event e = venue.submit(request, nowNs);
            out.add(e);
            return e;
        }

        @Override
        public void onMarket(Event marketEvent) {
            venue.onMarket(marketEvent);
        }

        @Override
        public void advance(long horizonNs) {
            venue.advance(horizonNs);
        }

        @Override
        public long peekLocalTsNs() {
            return venue.peekLocalTsNs();
        }

        @Override
        public Event poll() {
            Event e = venue.poll();
            out.add(e);
            return e;
        }
    }

    static final class ListSource implements InputSource {
        final ArrayDeque<Event> events;

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

    record Run(List<Event> stream, List<Event> fromVenue, State state) {
        List<String> execution() {
            List<String> out = new ArrayList<>();
            for (Event e : stream) {
                if (e instanceof ExecutionEvent || e instanceof IntentRecordEvent) {
                    out.add(VenueFixture.render(e));
                }
            }
            return out;
        }
    }

    static Run run(CoreConfiguration cfg, VenueSettings settings, int failEveryNth) {
        return run(cfg, settings, failEveryNth, false);
    }

    /** With {@code ownFeed} the venue reads a second copy of the market itself. */
    static Run run(CoreConfiguration cfg, VenueSettings settings, int failEveryNth, boolean ownFeed) {
        List<Event> stream = new ArrayList<>();
        Recorder rec = (position, event, result) -> stream.add(event);
        State state = new State();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), state, cfg, rec);
        Tap venue = new Tap(new SimulatedVenue(settings, failEveryNth, ownFeed ? new ListSource(market()) : null));
        new RuntimeLoop(cursor, cfg, new ListSource(market()), venue).run(); // an InvariantViolation would throw
        return new Run(stream, venue.out, state);
    }

    @Test
    void theCoreAcceptsEveryRecordAndAnswerAndThePositionIsThatOfTheFills() {
        CoreConfiguration cfg = config(MS, 2 * MS);
        Run r = run(cfg, VenueSettings.of(cfg), 0);
        assertEquals(List.of(
                "SUB 1 #1", "SUB 2 #2", "SUB 3 #3", "SUB 4 #4", "SUB 5 #5",
                "ACC 1",
                "ACC 2", "FILL 2 3@100 leaves=0",
                "EXP 3",
                "EXP 4",
                "ACC 5", "FILL 5 5@102 leaves=1", "FILL 5 1@103 leaves=0",
                "FILL 1 1@100 leaves=3",                 // ahead 10 - 8 - 3 = -1
                "SUB 1 #6", "RPL 1 #6 6@100",            // grows to 6: re-queued behind the 10 at 100
                "FILL 1 2@100 leaves=3",                 // ahead min(10, 4) - 6 = -2
                "SUB 1 #7", "CXL 1 #7",
                "SUB 6 #8", "ACC 6",
                "SUB 6 #9",                              // the cancel leaves at 1.601 s, arrives at 1.602 s
                "FILL 6 2@101 leaves=0",                 // at 1.600 s a buyer traded at 102, through our 101
                "REJ 6 #9"),                             // so the cancel finds nothing: rejected
                r.execution());
        assertEquals(r.fromVenue(), onlyVenueEvents(r.stream()), "every record and answer entered the stream, in order");
        assertPositionIsThatOfTheFills(r);
        assertEquals(3 - 3 + 6 - 2, r.state().execution().positions().positionLots(0));
        assertEquals(-300 + 300 - 510 - 103 + 202, r.state().execution().positions().cashTickLots(0));
    }

    @Test
    void answersEnterTheStreamAtDispatchTimePlusEntryAndResponseLatency() {
        CoreConfiguration cfg = config(MS, 2 * MS);
        Run r = run(cfg, VenueSettings.of(cfg), 0);
        Event firstAccept = r.stream().stream().filter(e -> e instanceof OrderAccepted).findFirst().orElseThrow();
        assertEquals(new OrderAccepted(at(1_001), at(1_003), 1), firstAccept, "dispatched at 1.000 s");
        OrderFilled makerFill = (OrderFilled) r.stream().stream()
                .filter(e -> e instanceof OrderFilled f && f.orderId() == 1).findFirst().orElseThrow();
        assertEquals(at(1_202), makerFill.localTsNs(), "the trade at 1.200 s, answered 2 ms later");
        assertEquals(at(1_200), makerFill.exchTsNs());
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("zero latency", config(0, 0), VenueSettings.DEFAULT, 0),
                Arguments.of("latencies", config(MS, 2 * MS), VenueSettings.of(config(MS, 2 * MS)), 0),
                Arguments.of("fill at limit", config(MS, 2 * MS),
                        VenueSettings.of(config(MS, 2 * MS)).withGtcRemainder(VenueSettings.GtcRemainder.FILL_AT_LIMIT), 0),
                Arguments.of("feed lead above response latency", config(MS, MS),
                        VenueSettings.of(config(MS, MS)).withFeedLeadNs(3 * MS), 0),
                Arguments.of("exchange timeline", config(MS, 2 * MS),
                        VenueSettings.of(config(MS, 2 * MS)).withTimeline(VenueSettings.Timeline.EXCHANGE, 0), 0),
                Arguments.of("every 3rd submit fails", config(MS, 2 * MS), VenueSettings.of(config(MS, 2 * MS)), 3),
                Arguments.of("every 2nd submit fails", config(0, 0), VenueSettings.DEFAULT, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void underEverySettingTheCoreAcceptsTheVenueAndPositionsMatchFills(String name, CoreConfiguration cfg,
                                                                       VenueSettings s, int failEveryNth) {
        Run r = run(cfg, s, failEveryNth);
        assertEquals(r.fromVenue(), onlyVenueEvents(r.stream()), name);
        assertPositionIsThatOfTheFills(r);
        assertTrue(r.stream().stream().anyMatch(e -> e.type() == EventType.ORDER_FILLED), name + ": something filled");
        if (failEveryNth > 0) {
            assertTrue(r.stream().stream().anyMatch(e -> e instanceof DispatchFailed), name);
        }
        Run again = run(cfg, s, failEveryNth);
        assertEquals(VenueFixture.digest(r.stream()), VenueFixture.digest(again.stream()), name + ": same stream twice");
    }

    static List<Event> onlyVenueEvents(List<Event> stream) {
        List<Event> out = new ArrayList<>();
        for (Event e : stream) {
            if (e instanceof ExecutionEvent || e instanceof IntentRecordEvent) {
                out.add(e);
            }
        }
        return out;
    }

    /** Position and cash of instrument 0 are the signed sums over every OrderFilled (SPEC §6). */
    static void assertPositionIsThatOfTheFills(Run r) {
        Map<Long, Side> sides = new HashMap<>();
        long position = 0;
        long cash = 0;
        for (Event e : r.stream()) {
            if (e instanceof OrderSubmitted s && s.command().type() == CommandType.NEW) {
                sides.put(s.orderId(), s.command().side());
            } else if (e instanceof OrderFilled f) {
                long sign = sides.get(f.orderId()).sign();
                position += sign * f.fillQtyLots();
                cash -= sign * f.fillQtyLots() * f.fillPriceTicks();
            }
        }
        assertEquals(position, r.state().execution().positions().positionLots(0), "position = signed sum of fills");
        assertEquals(cash, r.state().execution().positions().cashTickLots(0), "cash = -signed sum of qty x price");
    }
}
